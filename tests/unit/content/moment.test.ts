import { describe, expect, it } from 'vitest';
import { isDiagnosis, stepMomentSec } from '../../../src/content/moment.ts';
import type { Predict, WaitFor } from '../../../src/content/lesson.ts';

const when = [{ kind: 'report', path: 'requests.failed', atMost: 0 }];
const predict = (atSec: number | undefined, withWhen = true): Predict => ({ question: 'q', options: [{ text: 'a', ...(withWhen ? { when } : {}) }, { text: 'b', ...(withWhen ? { when } : {}) }], answer: 0, atSec, explain: 'e' }) as Predict;
const eventWait = (toSec?: number): WaitFor => ({ kind: 'event', event: 'log', entry: 'crash', ...(toSec === undefined ? {} : { fromSec: 10, toSec }) }) as WaitFor;

describe('a step’s moment', () => {
  it('is its prediction’s second, or the end of the window its wait names, whichever is later', () => {
    expect(stepMomentSec({ predict: predict(60), wait: null })).toBe(60);
    expect(stepMomentSec({ predict: null, wait: eventWait(45) })).toBe(45);
    expect(stepMomentSec({ predict: predict(60), wait: eventWait(45) })).toBe(60);
    expect(stepMomentSec({ predict: predict(30), wait: eventWait(45) })).toBe(45);
    // a prediction with outcomes but no second is judged at once
    expect(stepMomentSec({ predict: predict(undefined), wait: null })).toBe(0);
  });

  it('is none for a wait without an end, a diagnosis, or a step that asks for neither', () => {
    expect(stepMomentSec({ predict: null, wait: eventWait() })).toBeNull();
    expect(isDiagnosis(predict(undefined, false))).toBe(true);
    expect(stepMomentSec({ predict: predict(undefined, false), wait: null })).toBeNull();
    expect(stepMomentSec({ predict: null, wait: null })).toBeNull();
  });
});
