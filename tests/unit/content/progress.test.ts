import { describe, expect, it } from 'vitest';
import { PROGRESS_KEY, emptyProgress, exportProgress, importProgress, loadProgress, markDone, noteStep, saveProgress, type ProgressStorage } from '../../../src/content/progress.ts';

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

  it('a lesson once done without help stays so after a later Solve', () => {
    const unaided = markDone(emptyProgress(), 'x', false);
    expect(markDone(unaided, 'x', true).lessons.x).toEqual({ done: true });
    expect(markDone(emptyProgress(), 'x', true).lessons.x).toEqual({ done: true, solved: true });
  });

  it('exports a file that imports back as the same progress', () => {
    const progress = markDone(emptyProgress(), 'round-robin-and-weights', false);
    const imported = importProgress(exportProgress(progress));
    expect(imported).toEqual({ ok: true, progress, notice: null });
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
