/**
 * A class's progress files in one table, for the teacher page (`#/teach/progress`): one row per file with the
 * learner's name, whether its completion code matches, and per lesson whether it was done, with Solve, the
 * minutes spent, predictions right of those made, hints and Solve used; and the same as CSV with each step's
 * seconds too. Pure: file text in, rows and CSV text out.
 */
import { importProgress, type LessonProgress } from '../../content/progress.ts';
import { toCsv, type CsvCell } from '../../viz/csv.ts';

export interface LessonCell {
  done: boolean;
  solved: boolean;
  solveUsed: boolean;
  /** Seconds on the lesson's steps, all together. */
  seconds: number;
  stepSec: Record<string, number>;
  predictionsRight: number;
  predictionsMade: number;
  /** Steps on which a hint was shown, and the highest level shown anywhere (0: none). */
  hintSteps: number;
  hintMax: number;
  lastStep: number | null;
  completedAt: string | null;
}

export interface ProgressRow {
  file: string;
  learner: string;
  /** The completion code matches (true), does not (false), or the file has none (null, version 1). */
  codeMatches: boolean | null;
  exportedAt: string | null;
  lessons: Record<string, LessonCell>;
}

export type RowResult = { ok: true; row: ProgressRow } | { ok: false; file: string; message: string };

function cellOf(entry: LessonProgress): LessonCell {
  const predictions = Object.values(entry.predictions ?? {});
  const hints = Object.values(entry.hints ?? {});
  const stepSec = entry.stepSec ?? {};
  return {
    done: entry.done,
    solved: entry.solved === true,
    solveUsed: entry.solveUsed === true || entry.solved === true,
    seconds: Math.round(Object.values(stepSec).reduce((a, b) => a + b, 0) * 10) / 10,
    stepSec,
    predictionsRight: predictions.filter((p) => p.right).length,
    predictionsMade: predictions.filter((p) => p.chosen !== null).length,
    hintSteps: hints.length,
    hintMax: hints.reduce((a, b) => Math.max(a, b), 0),
    lastStep: entry.step ?? null,
    completedAt: entry.completedAt ?? null,
  };
}

/** One progress file's row, or why it cannot be read. */
export function progressRow(file: string, text: string): RowResult {
  const imported = importProgress(text);
  if (!imported.ok) return { ok: false, file, message: imported.message };
  const lessons = Object.fromEntries(Object.entries(imported.progress.lessons).map(([slug, entry]) => [slug, cellOf(entry)]));
  return { ok: true, row: { file, learner: imported.progress.learner ?? '', codeMatches: imported.codeMatches, exportedAt: imported.exportedAt, lessons } };
}

/** How a lesson stands, in a word: done, done with Solve, started, or not started. */
export function lessonStatus(cell: LessonCell | undefined): string {
  if (cell === undefined) return 'not started';
  if (cell.done) return cell.solved ? 'done with Solve' : 'done';
  return cell.lastStep === null ? 'not started' : `at step ${cell.lastStep}`;
}

/** How a code check reads. */
export function codeStatus(matches: boolean | null): string {
  return matches === null ? 'no code (old file)' : matches ? 'matches' : 'does not match';
}

/** The table as CSV: per lesson its status, minutes, predictions, hints, Solve, and each step's seconds. */
export function progressCsv(rows: readonly ProgressRow[], lessons: readonly { slug: string; steps: readonly unknown[] }[]): string {
  const header = ['learner', 'file', 'code', 'exported at'];
  for (const { slug, steps } of lessons) {
    header.push(`${slug}: status`, `${slug}: minutes`, `${slug}: predictions right`, `${slug}: predictions made`, `${slug}: hint steps`, `${slug}: highest hint`, `${slug}: solve used`, `${slug}: completed at`);
    for (let s = 1; s <= steps.length; s++) header.push(`${slug}: step ${s} seconds`);
  }
  const body = rows.map((row) => {
    const cells: CsvCell[] = [row.learner, row.file, codeStatus(row.codeMatches), row.exportedAt];
    for (const { slug, steps } of lessons) {
      const c = row.lessons[slug];
      cells.push(lessonStatus(c), c ? Math.round(c.seconds / 6) / 10 : null, c?.predictionsRight, c?.predictionsMade, c?.hintSteps, c?.hintMax, c?.solveUsed, c?.completedAt);
      for (let s = 1; s <= steps.length; s++) cells.push(c?.stepSec[s]);
    }
    return cells;
  });
  return toCsv(header, body);
}
