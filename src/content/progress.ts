/**
 * A learner's progress, kept in localStorage as a versioned JSON document and checked with zod (its small,
 * tree-shakable `zod/mini` form, since this runs on the page) on the way in. Damaged data never blanks the page: an unreadable document is replaced by empty progress, a damaged
 * lesson entry is dropped, and either way a notice says what was lost. The same shape is the export file, which
 * also carries when it was written and a completion code (src/content/completion-code.ts).
 *
 * Version 2 adds what a teacher collects: the learner's name, seconds spent on each step, predictions (chosen and
 * observed), the highest hint seen per step and whether Solve was used. Version 1 documents and files (done,
 * solved, step) still load: they are read as version 2 with none of those details.
 */
import * as z from 'zod/mini';
import { m } from '../i18n/paraglide/messages.js';
import { completionCode } from './completion-code.ts';
import { beats, type Score } from './score.ts';

export const PROGRESS_KEY = 'balancer-lab.progress';
export const PROGRESS_VERSION = 2;
/** Versions that still load (older ones are migrated on the way in). */
const READABLE_VERSIONS = [1, 2];
/** The longest learner name kept. */
export const MAX_LEARNER_LENGTH = 80;

/** A step number as a record key ("1", "2", …). */
const StepKey = z.string().check(z.regex(/^[1-9]\d{0,2}$/));

const PredictionSchema = z.strictObject({
  /** The option the learner locked in (0-based), or null when they did not predict. */
  chosen: z.nullable(z.int().check(z.gte(0), z.lte(20))),
  /** The option the run showed, or null when none of them held. */
  observed: z.nullable(z.int().check(z.gte(0), z.lte(20))),
  /** The chosen option is the lesson's answer. */
  right: z.boolean(),
});

const LessonProgressSchema = z.strictObject({
  done: z.boolean(),
  /** Solve was used to finish it. */
  solved: z.optional(z.boolean()),
  /** The last step open (1-based). */
  step: z.optional(z.int().check(z.gte(1), z.lte(1000))),
  /** Seconds spent on each step while the page was in view, by step number. */
  stepSec: z.optional(z.record(StepKey, z.number().check(z.gte(0), z.lte(1e7)))),
  /** Each step's prediction as it was last observed. */
  predictions: z.optional(z.record(StepKey, PredictionSchema)),
  /** The highest hint level shown on each step (1 nudge … 4 the solution). */
  hints: z.optional(z.record(StepKey, z.int().check(z.gte(1), z.lte(4)))),
  /** Solve was pressed at least once (whether or not the lesson was finished with it). */
  solveUsed: z.optional(z.boolean()),
  /** When the lesson was first completed (ISO 8601). */
  completedAt: z.optional(z.string().check(z.maxLength(40))),
  /** A challenge's best score (src/content/score.ts) and when it was reached. */
  best: z.optional(
    z.strictObject({
      goodPerSec: z.number().check(z.gte(0)),
      availability: z.number().check(z.gte(0), z.lte(1)),
      costPerMillionGoodUsd: z.nullable(z.number().check(z.gte(0))),
      at: z.string().check(z.maxLength(40)),
    }),
  ),
});

const ProgressSchema = z.strictObject({
  version: z.number(),
  learner: z.optional(z.string().check(z.maxLength(MAX_LEARNER_LENGTH))),
  lessons: z.record(z.string().check(z.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/), z.maxLength(80)), z.unknown()),
});

export type LessonProgress = z.infer<typeof LessonProgressSchema>;
export type Prediction = z.infer<typeof PredictionSchema>;
export interface Progress {
  version: typeof PROGRESS_VERSION;
  /** The learner's name, as they typed it, for a teacher's table. */
  learner?: string;
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

/** Checks a progress document (parsed JSON, version 1 or 2): the valid lesson entries, and what was dropped. */
export function parseProgress(raw: unknown): LoadedProgress {
  const doc = ProgressSchema.safeParse(raw);
  if (!doc.success || !READABLE_VERSIONS.includes(doc.data.version)) {
    return { progress: emptyProgress(), notice: m.progress_reset() };
  }
  const lessons: Record<string, LessonProgress> = {};
  const dropped: string[] = [];
  for (const [slug, entry] of Object.entries(doc.data.lessons)) {
    const v = LessonProgressSchema.safeParse(entry);
    if (v.success) lessons[slug] = v.data;
    else dropped.push(slug);
  }
  const notice = dropped.length === 0 ? null : m.progress_damaged({ lessons: dropped.map((s) => `“${s}”`).join(', ') });
  const learner = doc.data.learner?.trim();
  return { progress: { version: PROGRESS_VERSION, ...(learner ? { learner } : {}), lessons }, notice };
}

/** Reads progress from storage; damaged data is replaced (and saved back) and explained. */
export function loadProgress(storage: ProgressStorage): LoadedProgress {
  let text: string | null;
  try {
    text = storage.getItem(PROGRESS_KEY);
  } catch {
    return { progress: emptyProgress(), notice: m.progress_storage_blocked() };
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

/** Progress with one lesson's entry changed by `change` (a new entry starts not done). */
function updateLesson(progress: Progress, slug: string, change: (entry: LessonProgress) => LessonProgress): Progress {
  const before = progress.lessons[slug] ?? { done: false };
  const after = change(before);
  return after === before ? progress : { ...progress, lessons: { ...progress.lessons, [slug]: after } };
}

/** Progress with one lesson marked done (a lesson once done without help stays so); `at` is when, ISO 8601. */
export function markDone(progress: Progress, slug: string, solved: boolean, at?: string): Progress {
  return updateLesson(progress, slug, (before) => {
    const wasUnaided = before.done && before.solved !== true;
    const entry: LessonProgress = { ...before, done: true, ...(solved && !wasUnaided ? { solved: true } : { solved: undefined }) };
    if (entry.solved === undefined) delete entry.solved;
    if (solved) entry.solveUsed = true;
    if (at !== undefined && entry.completedAt === undefined) entry.completedAt = at;
    return entry;
  });
}

/** Progress with a challenge's score noted: kept when it beats the best so far (score.ts). */
export function noteScore(progress: Progress, slug: string, score: Score, at: string): Progress {
  return updateLesson(progress, slug, (before) => (beats(score, before.best) ? { ...before, best: { ...score, at } } : before));
}

/** Progress with the last step open in a lesson noted. */
export function noteStep(progress: Progress, slug: string, step: number): Progress {
  return updateLesson(progress, slug, (before) => (before.step === step ? before : { ...before, step }));
}

/** Progress with `seconds` more spent on a step (rounded to a tenth of a second). */
export function addStepTime(progress: Progress, slug: string, step: number, seconds: number): Progress {
  if (!(seconds > 0)) return progress;
  return updateLesson(progress, slug, (before) => {
    const total = Math.round(((before.stepSec?.[step] ?? 0) + seconds) * 10) / 10;
    return { ...before, stepSec: { ...before.stepSec, [step]: Math.min(total, 1e7) } };
  });
}

/** Progress with a step's prediction noted (the last one observed on that step wins). */
export function notePrediction(progress: Progress, slug: string, step: number, prediction: Prediction): Progress {
  return updateLesson(progress, slug, (before) => {
    const was = before.predictions?.[step];
    if (was && was.chosen === prediction.chosen && was.observed === prediction.observed && was.right === prediction.right) return before;
    return { ...before, predictions: { ...before.predictions, [step]: prediction } };
  });
}

/** Progress with the highest hint level seen on a step noted. */
export function noteHint(progress: Progress, slug: string, step: number, level: number): Progress {
  return updateLesson(progress, slug, (before) => {
    if (level < 1 || (before.hints?.[step] ?? 0) >= level) return before;
    return { ...before, hints: { ...before.hints, [step]: Math.min(4, Math.round(level)) } };
  });
}

/** Progress noting that Solve was pressed in a lesson. */
export function noteSolveUsed(progress: Progress, slug: string): Progress {
  return updateLesson(progress, slug, (before) => (before.solveUsed ? before : { ...before, solveUsed: true }));
}

/** Progress with the learner's name (trimmed, cut to MAX_LEARNER_LENGTH; empty removes it). */
export function setLearner(progress: Progress, name: string): Progress {
  const learner = name.trim().slice(0, MAX_LEARNER_LENGTH);
  if ((progress.learner ?? '') === learner) return progress;
  const next: Progress = { ...progress, learner };
  if (learner === '') delete next.learner;
  return next;
}

/** The export file: the progress, when it was written, and a completion code over its fields. */
export interface ProgressFile extends Progress {
  exportedAt: string;
  code: string;
}

/** The export file's text; `exportedAt` is when (ISO 8601). */
export function exportProgress(progress: Progress, exportedAt: string = new Date().toISOString()): string {
  const file: ProgressFile = { ...progress, exportedAt, code: completionCode(progress) };
  return JSON.stringify(file, null, 2) + '\n';
}

/** Whether an imported file's completion code matches its fields: true, false, or null when it has none (version 1). */
export type CodeCheck = boolean | null;

/** Reads an export file (version 1 or 2): the progress and whether its code matched, or why it was refused. */
export function importProgress(text: string): { ok: true; progress: Progress; notice: string | null; codeMatches: CodeCheck; exportedAt: string | null } | { ok: false; message: string } {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return { ok: false, message: m.teach_file_not_json() };
  }
  const version = (raw as { version?: unknown } | null)?.version;
  if (typeof raw !== 'object' || raw === null || typeof version !== 'number' || !READABLE_VERSIONS.includes(version)) {
    return { ok: false, message: m.teach_file_not_progress({ versions: READABLE_VERSIONS.join(m.teach_or()) }) };
  }
  const { code, exportedAt, ...fields } = raw as { code?: unknown; exportedAt?: unknown };
  if (!ProgressSchema.safeParse(fields).success) return { ok: false, message: m.teach_file_damaged() };
  const loaded = parseProgress(fields);
  if (loaded.notice !== null && Object.keys(loaded.progress.lessons).length === 0 && Object.keys((raw as { lessons?: object }).lessons ?? {}).length > 0) {
    return { ok: false, message: m.teach_file_all_damaged() };
  }
  const codeMatches: CodeCheck = typeof code === 'string' ? code === completionCode(loaded.progress) && loaded.notice === null : null;
  return { ok: true, ...loaded, codeMatches, exportedAt: typeof exportedAt === 'string' ? exportedAt : null };
}
