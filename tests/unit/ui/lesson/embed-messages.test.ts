import { describe, expect, it } from 'vitest';
import { lessonMessages, postToEmbedder, type LessonMoment } from '../../../../src/ui/lesson/embed-messages.ts';

const lesson = { slug: 'health-checks', steps: [{ number: 1, title: 'One' }, { number: 2, title: 'Two' }] };
const base = { source: 'balancer-lab', version: 1, lesson: 'health-checks' };
const moment = (over: Partial<LessonMoment> = {}): LessonMoment => ({ step: 1, goals: [], passed: false, solved: false, ...over });

describe('messages to an embedding page', () => {
  it('says which step is reached when the lesson opens and when the step changes', () => {
    expect(lessonMessages(lesson, null, moment())).toEqual([{ ...base, type: 'step-reached', step: 1, stepCount: 2, title: 'One' }]);
    expect(lessonMessages(lesson, moment(), moment())).toEqual([]);
    expect(lessonMessages(lesson, moment(), moment({ step: 2 }))).toEqual([{ ...base, type: 'step-reached', step: 2, stepCount: 2, title: 'Two' }]);
  });

  it('says when a goal turns met, once, and when the lesson is completed', () => {
    const unmet = moment({ goals: [{ id: 'a', label: 'A holds', met: false }, { id: 'b', label: 'B holds', met: true }] });
    const met = moment({ goals: [{ id: 'a', label: 'A holds', met: true }, { id: 'b', label: 'B holds', met: true }], passed: true });
    expect(lessonMessages(lesson, unmet, met)).toEqual([
      { ...base, type: 'goal-met', goal: 'a', label: 'A holds' },
      { ...base, type: 'lesson-completed', solved: false, stepCount: 2 },
    ]);
    expect(lessonMessages(lesson, met, met)).toEqual([]);
  });

  it('posts only to a parent page that is not itself', () => {
    const sent: unknown[] = [];
    const parent = { postMessage: (m: unknown, origin: string) => sent.push([m, origin]) } as unknown as Window;
    (globalThis as { window?: unknown }).window = {};
    try {
      postToEmbedder(lessonMessages(lesson, null, moment()), parent);
      postToEmbedder([], parent);
      postToEmbedder(lessonMessages(lesson, null, moment()), null);
    } finally {
      delete (globalThis as { window?: unknown }).window;
    }
    expect(sent).toEqual([[{ ...base, type: 'step-reached', step: 1, stepCount: 2, title: 'One' }, '*']]);
  });
});
