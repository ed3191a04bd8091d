// The progress table's words on screen (progress-words.ts) follow the page's language, while the CSV keeps
// progress-table.ts's English words whatever the page's language.
import { afterEach, describe, expect, it } from 'vitest';
import { overwriteGetLocale } from '../../../../src/i18n/paraglide/runtime.js';
import { codeStatus, lessonStatus, type LessonCell } from '../../../../src/ui/teach/progress-table.ts';
import { codeStatusWords, hintStepsWords, lessonStatusWords } from '../../../../src/ui/teach/progress-words.ts';

const cell = (over: Partial<LessonCell>): LessonCell => ({ done: false, solved: false, solveUsed: false, seconds: 0, stepSec: {}, predictionsRight: 0, predictionsMade: 0, hintSteps: 0, hintMax: 0, lastStep: null, completedAt: null, ...over });

afterEach(() => overwriteGetLocale(() => 'en'));

describe('progress words', () => {
  it('in English, read as the CSV writes them', () => {
    for (const c of [undefined, cell({}), cell({ lastStep: 3 }), cell({ done: true }), cell({ done: true, solved: true })]) expect(lessonStatusWords(c)).toBe(lessonStatus(c));
    for (const v of [true, false, null]) expect(codeStatusWords(v)).toBe(codeStatus(v));
    expect([hintStepsWords(1), hintStepsWords(4)]).toEqual(['hints on 1 step', 'hints on 4 steps']);
  });

  it('in Spanish, read in Spanish; the CSV words stay English', () => {
    overwriteGetLocale(() => 'es');
    expect([lessonStatusWords(undefined), lessonStatusWords(cell({ lastStep: 3 })), lessonStatusWords(cell({ done: true })), lessonStatusWords(cell({ done: true, solved: true }))]).toEqual(['sin empezar', 'en el paso 3', 'completada', 'completada con Resolver']);
    expect([codeStatusWords(true), codeStatusWords(false), codeStatusWords(null)]).toEqual(['coincide', 'no coincide', 'sin código (archivo antiguo)']);
    expect([hintStepsWords(1), hintStepsWords(4)]).toEqual(['pistas en 1 paso', 'pistas en 4 pasos']);
    expect([lessonStatus(cell({ lastStep: 3 })), codeStatus(false)]).toEqual(['at step 3', 'does not match']);
  });
});
