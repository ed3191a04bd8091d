/**
 * The page's copy of the learner's progress (src/content/progress.ts), saved on every change. A notice
 * explains progress that had to be reset; the page shows it and carries on.
 */
import { m } from '../../i18n/paraglide/messages.js';
import { emptyProgress, loadProgress, markDone, noteStep, saveProgress, setLearner, type Progress, type ProgressStorage } from '../../content/progress.ts';

export class ProgressStore {
  progress = $state.raw<Progress>(emptyProgress());
  notice = $state<string | null>(null);
  readonly #storage: ProgressStorage | null;

  constructor(storage: ProgressStorage | null) {
    this.#storage = storage;
    if (storage === null) return;
    const loaded = loadProgress(storage);
    this.progress = loaded.progress;
    this.notice = loaded.notice;
  }

  isDone(slug: string): boolean {
    return this.progress.lessons[slug]?.done === true;
  }

  markDone(slug: string, solved: boolean): void {
    this.#set(markDone(this.progress, slug, solved, isoNow()));
  }

  /** Applies a pure change (src/content/progress.ts) and saves the result. */
  update(change: (progress: Progress) => Progress): void {
    this.#set(change(this.progress));
  }

  setLearner(name: string): void {
    this.#set(setLearner(this.progress, name));
  }

  noteStep(slug: string, step: number): void {
    this.#set(noteStep(this.progress, slug, step));
  }

  /** Replaces everything (an imported file). */
  replace(progress: Progress, notice: string | null = null): void {
    this.#set(progress);
    this.notice = notice;
  }

  #set(progress: Progress): void {
    if (progress === this.progress) return;
    this.progress = progress;
    if (this.#storage !== null && !saveProgress(this.#storage, progress)) this.notice = m.progress_not_saved();
  }
}

/** The wall clock as ISO 8601, for a completion time. */
function isoNow(): string {
  return new Date(Date.now()).toISOString();
}

function browserStorage(): ProgressStorage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}

let shared: ProgressStore | null = null;

/** The one progress store of the page, read from localStorage the first time it is asked for. */
export function progressStore(): ProgressStore {
  shared ??= new ProgressStore(browserStorage());
  return shared;
}
