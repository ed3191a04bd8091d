import { describe, expect, it } from 'vitest';
import { emptyProgress, type Progress } from '../../../../src/content/progress.ts';
import { ProgressRecorder, type ObservedLesson } from '../../../../src/ui/lesson/progress-recorder.ts';

const lesson = { slug: 'l', steps: [{ number: 1, predict: { answer: 2 } }, { number: 2, predict: null }, { number: 3, predict: { answer: 0 } }] };

function setup() {
  let progress: Progress = emptyProgress();
  let now = 0;
  const recorder = new ProgressRecorder((change) => (progress = change(progress)), lesson, () => now);
  const ctx = (over: Partial<ObservedLesson> = {}): ObservedLesson => ({ step: 1, predictions: {}, observed: {}, hintLevel: 0, solved: false, ...over });
  return { recorder, ctx, at: (ms: number) => (now = ms), entry: () => progress.lessons.l };
}

describe('the progress recorder', () => {
  it('counts the seconds spent on each step, and not while the page is hidden', () => {
    const { recorder, ctx, at, entry } = setup();
    recorder.observe(ctx());
    at(30_000);
    recorder.observe(ctx({ step: 2 }));
    at(40_000);
    recorder.pause();
    at(100_000); // hidden for a minute
    recorder.resume();
    at(45_000 + 60_000);
    recorder.observe(ctx({ step: 1 }));
    at(110_000);
    recorder.flush();
    expect(entry().stepSec).toEqual({ 1: 35, 2: 15 });
  });

  it('notes each prediction with what the run showed and whether it was right', () => {
    const { recorder, ctx, entry } = setup();
    recorder.observe(ctx({ predictions: { 1: 2 }, observed: { 1: 2 } }));
    recorder.observe(ctx({ step: 3, predictions: { 1: 2 }, observed: { 1: 2, 3: null } }));
    expect(entry().predictions).toEqual({ 1: { chosen: 2, observed: 2, right: true }, 3: { chosen: null, observed: null, right: false } });
  });

  it('notes the highest hint asked for per step, and Solve apart from hints', () => {
    const { recorder, ctx, entry } = setup();
    recorder.observe(ctx({ step: 2, hintLevel: 1 }));
    recorder.observe(ctx({ step: 2, hintLevel: 2 }));
    recorder.observe(ctx({ step: 3, hintLevel: 4, solved: true }));
    expect(entry().hints).toEqual({ 2: 2 });
    expect(entry().solveUsed).toBe(true);
  });
});
