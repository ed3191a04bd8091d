/**
 * A learner's progress, kept in localStorage as a versioned JSON document and checked with zod (its small,
 * tree-shakable `zod/mini` form, since this runs on the page) on the way in. Damaged data never blanks the page: an unreadable document is replaced by empty progress, a damaged
 * lesson entry is dropped, and either way a notice says what was lost. The same shape is the export file.
 */
import * as z from 'zod/mini';

export const PROGRESS_KEY = 'balancer-lab.progress';
export const PROGRESS_VERSION = 1;

const LessonProgressSchema = z.strictObject({
  done: z.boolean(),
  /** Solve was used to finish it. */
  solved: z.optional(z.boolean()),
  /** The last step open (1-based). */
  step: z.optional(z.int().check(z.gte(1), z.lte(1000))),
});

const ProgressSchema = z.strictObject({
  version: z.literal(PROGRESS_VERSION),
  lessons: z.record(z.string().check(z.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/), z.maxLength(80)), z.unknown()),
});

export type LessonProgress = z.infer<typeof LessonProgressSchema>;
export interface Progress {
  version: typeof PROGRESS_VERSION;
  lessons: Record<string, LessonProgress>;
}

/** Progress read back, with a notice when something had to be thrown away. */
export interface LoadedProgress {
  progress: Progress;
  notice: string | null;
}

/** The part of `Storage` used here (tests pass a Map-backed fake). */
export type ProgressStorage = Pick<Storage, 'getItem' | 'setItem'>;

export function emptyProgress(): Progress {
  return { version: PROGRESS_VERSION, lessons: {} };
}

/** Checks a progress document (parsed JSON): the valid lesson entries, and what was dropped. */
export function parseProgress(raw: unknown): LoadedProgress {
  const doc = ProgressSchema.safeParse(raw);
  if (!doc.success) return { progress: emptyProgress(), notice: 'Your saved progress could not be read, so it was reset. Lessons are all still here.' };
  const lessons: Record<string, LessonProgress> = {};
  const dropped: string[] = [];
  for (const [slug, entry] of Object.entries(doc.data.lessons)) {
    const v = LessonProgressSchema.safeParse(entry);
    if (v.success) lessons[slug] = v.data;
    else dropped.push(slug);
  }
  const notice = dropped.length === 0 ? null : `Saved progress for ${dropped.map((s) => `“${s}”`).join(', ')} was damaged, so it was reset. The rest of your progress is kept.`;
  return { progress: { version: PROGRESS_VERSION, lessons }, notice };
}

/** Reads progress from storage; damaged data is replaced (and saved back) and explained. */
export function loadProgress(storage: ProgressStorage): LoadedProgress {
  let text: string | null;
  try {
    text = storage.getItem(PROGRESS_KEY);
  } catch {
    return { progress: emptyProgress(), notice: 'Progress cannot be saved in this browser (storage is blocked).' };
  }
  if (text === null) return { progress: emptyProgress(), notice: null };
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    raw = undefined;
  }
  const loaded = parseProgress(raw);
  if (loaded.notice !== null) saveProgress(storage, loaded.progress);
  return loaded;
}

/** Writes progress; false when storage refuses (full, blocked). */
export function saveProgress(storage: ProgressStorage, progress: Progress): boolean {
  try {
    storage.setItem(PROGRESS_KEY, JSON.stringify(progress));
    return true;
  } catch {
    return false;
  }
}

/** Progress with one lesson marked done (a lesson once done without help stays so). */
export function markDone(progress: Progress, slug: string, solved: boolean): Progress {
  const before = progress.lessons[slug];
  const wasUnaided = before?.done === true && before.solved !== true;
  const entry: LessonProgress = { ...before, done: true, ...(solved && !wasUnaided ? { solved: true } : { solved: undefined }) };
  if (entry.solved === undefined) delete entry.solved;
  return { ...progress, lessons: { ...progress.lessons, [slug]: entry } };
}

/** Progress with the last step open in a lesson noted. */
export function noteStep(progress: Progress, slug: string, step: number): Progress {
  const before = progress.lessons[slug] ?? { done: false };
  return before.step === step ? progress : { ...progress, lessons: { ...progress.lessons, [slug]: { ...before, step } } };
}

/** The export file's text. */
export function exportProgress(progress: Progress): string {
  return JSON.stringify(progress, null, 2) + '\n';
}

/** Reads an export file: the progress, or why it was refused (nothing is changed then). */
export function importProgress(text: string): { ok: true; progress: Progress; notice: string | null } | { ok: false; message: string } {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return { ok: false, message: 'This file is not a progress file (it is not JSON).' };
  }
  if (typeof raw !== 'object' || raw === null || (raw as { version?: unknown }).version !== PROGRESS_VERSION) {
    return { ok: false, message: `This file is not a Balancer Lab progress file (version ${PROGRESS_VERSION}).` };
  }
  const loaded = parseProgress(raw);
  if (loaded.notice !== null && Object.keys(loaded.progress.lessons).length === 0 && Object.keys((raw as { lessons?: object }).lessons ?? {}).length > 0) {
    return { ok: false, message: 'Every lesson entry in this file is damaged.' };
  }
  if (loaded.notice !== null && !ProgressSchema.safeParse(raw).success) return { ok: false, message: 'This progress file is damaged.' };
  return { ok: true, ...loaded };
}
