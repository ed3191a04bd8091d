import { describe, expect, it } from 'vitest';
import {
  PROGRESS_KEY,
  addStepTime,
  emptyProgress,
  exportProgress,
  importProgress,
  loadProgress,
  markDone,
  noteHint,
  notePrediction,
  noteSolveUsed,
  noteStep,
  saveProgress,
  setLearner,
  type ProgressStorage,
} from '../../../src/content/progress.ts';
import { completionCode } from '../../../src/content/completion-code.ts';

function memoryStorage(initial: string | null = null): ProgressStorage & { text: () => string | null } {
  let text = initial;
  return {
    getItem: (key) => (key === PROGRESS_KEY ? text : null),
    setItem: (key, value) => {
      if (key === PROGRESS_KEY) text = value;
    },
    text: () => text,
  };
}

describe('progress', () => {
  it('starts empty, without a notice, when nothing is saved', () => {
    expect(loadProgress(memoryStorage())).toEqual({ progress: emptyProgress(), notice: null });
  });

  it('survives a save and a load', () => {
    const storage = memoryStorage();
    const progress = noteStep(markDone(emptyProgress(), 'round-robin-and-weights', false), 'one-server-is-not-enough', 3);
    expect(saveProgress(storage, progress)).toBe(true);
    expect(loadProgress(storage)).toEqual({ progress, notice: null });
  });

  it('resets unreadable data with a notice, and saves the reset', () => {
    const storage = memoryStorage('{not json');
    const loaded = loadProgress(storage);
    expect(loaded.progress).toEqual(emptyProgress());
    expect(loaded.notice).toMatch(/could not be read/);
    expect(JSON.parse(storage.text()!)).toEqual(emptyProgress());
  });

  it('resets data of another version with a notice', () => {
    expect(loadProgress(memoryStorage(JSON.stringify({ version: 99, lessons: {} }))).notice).toMatch(/reset/);
  });

  it('drops only the damaged lesson entry and names it', () => {
    const storage = memoryStorage(JSON.stringify({ version: 1, lessons: { 'one-server-is-not-enough': { done: true }, 'round-robin-and-weights': { done: 'yes' } } }));
    const loaded = loadProgress(storage);
    expect(loaded.progress.lessons).toEqual({ 'one-server-is-not-enough': { done: true } });
    expect(loaded.notice).toContain('round-robin-and-weights');
  });

  it('a lesson once done without help stays so after a later Solve, which is still noted as used', () => {
    const unaided = markDone(emptyProgress(), 'x', false);
    expect(markDone(unaided, 'x', true).lessons.x).toEqual({ done: true, solveUsed: true });
    expect(markDone(emptyProgress(), 'x', true).lessons.x).toEqual({ done: true, solved: true, solveUsed: true });
  });

  it('keeps the first completion time', () => {
    const first = markDone(emptyProgress(), 'x', false, '2026-01-05T10:00:00.000Z');
    expect(markDone(first, 'x', false, '2026-02-01T10:00:00.000Z').lessons.x.completedAt).toBe('2026-01-05T10:00:00.000Z');
  });

  it('exports a file with the learner, when, and a completion code, that imports back as the same progress', () => {
    const progress = setLearner(markDone(emptyProgress(), 'round-robin-and-weights', false), '  Ada Lovelace ');
    const text = exportProgress(progress, '2026-03-01T09:00:00.000Z');
    const file = JSON.parse(text);
    expect(file).toMatchObject({ version: 2, learner: 'Ada Lovelace', exportedAt: '2026-03-01T09:00:00.000Z', code: completionCode(progress) });
    expect(file.code).toMatch(/^BL-[0-9A-F]{4}-[0-9A-F]{4}$/);
    expect(importProgress(text)).toEqual({ ok: true, progress, notice: null, codeMatches: true, exportedAt: '2026-03-01T09:00:00.000Z' });
  });

  it('says when a file was changed after it was exported (its code no longer matches)', () => {
    const progress = markDone(emptyProgress(), 'round-robin-and-weights', true);
    const file = JSON.parse(exportProgress(progress, '2026-03-01T09:00:00.000Z'));
    file.lessons['round-robin-and-weights'].solved = false;
    const imported = importProgress(JSON.stringify(file));
    expect(imported).toMatchObject({ ok: true, codeMatches: false });
  });

  it('still imports a version 1 file (no code to check) as version 2', () => {
    const v1 = JSON.stringify({ version: 1, lessons: { 'one-server-is-not-enough': { done: true, solved: true, step: 5 } } });
    expect(importProgress(v1)).toEqual({
      ok: true,
      progress: { version: 2, lessons: { 'one-server-is-not-enough': { done: true, solved: true, step: 5 } } },
      notice: null,
      codeMatches: null,
      exportedAt: null,
    });
  });

  it('still loads version 1 progress saved in the browser', () => {
    const storage = memoryStorage(JSON.stringify({ version: 1, lessons: { x: { done: false, step: 2 } } }));
    expect(loadProgress(storage)).toEqual({ progress: { version: 2, lessons: { x: { done: false, step: 2 } } }, notice: null });
  });

  it('adds up the time on each step, predictions, the highest hint and Solve', () => {
    let p = emptyProgress();
    p = addStepTime(p, 'x', 1, 12.34);
    p = addStepTime(p, 'x', 1, 3);
    p = addStepTime(p, 'x', 2, 0);
    p = notePrediction(p, 'x', 1, { chosen: 2, observed: 2, right: true });
    p = noteHint(p, 'x', 3, 2);
    p = noteHint(p, 'x', 3, 1);
    p = noteSolveUsed(p, 'x');
    expect(p.lessons.x).toEqual({ done: false, stepSec: { 1: 15.3 }, predictions: { 1: { chosen: 2, observed: 2, right: true } }, hints: { 3: 2 }, solveUsed: true });
    const storage = memoryStorage();
    saveProgress(storage, p);
    expect(loadProgress(storage).progress).toEqual(p);
  });

  it('an unchanged note gives back the same object (nothing to save)', () => {
    const p = notePrediction(emptyProgress(), 'x', 1, { chosen: null, observed: 0, right: false });
    expect(notePrediction(p, 'x', 1, { chosen: null, observed: 0, right: false })).toBe(p);
    expect(noteHint(noteHint(p, 'x', 1, 3), 'x', 1, 3)).toEqual(noteHint(p, 'x', 1, 3));
    expect(setLearner(p, '')).toBe(p);
  });

  it('refuses a file that is not progress, saying why', () => {
    expect(importProgress('hello')).toEqual({ ok: false, message: expect.stringMatching(/not JSON/) });
    expect(importProgress('{"schemaVersion":1}')).toEqual({ ok: false, message: expect.stringMatching(/not a Balancer Lab progress file/) });
  });

  it('does not throw when storage is blocked', () => {
    const blocked: ProgressStorage = {
      getItem: () => {
        throw new Error('SecurityError');
      },
      setItem: () => {
        throw new Error('QuotaExceededError');
      },
    };
    expect(loadProgress(blocked).notice).toMatch(/blocked/);
    expect(saveProgress(blocked, emptyProgress())).toBe(false);
  });
});
