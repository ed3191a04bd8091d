/**
 * The progress table's words on screen, in the page's language: how a lesson stands and how a completion
 * code checks. The CSV keeps progress-table.ts's English words (lessonStatus, codeStatus): a file for
 * spreadsheets and scripts reads the same whatever language the teacher's page was in.
 */
import { m } from '../../i18n/paraglide/messages.js';
import type { LessonCell } from './progress-table.ts';

/** How a lesson stands, in a word: done, done with Solve, at step n, or not started. */
export function lessonStatusWords(cell: LessonCell | undefined): string {
  if (cell === undefined) return m.teach_status_not_started();
  if (cell.done) return cell.solved ? m.teach_status_done_solved() : m.teach_status_done();
  return cell.lastStep === null ? m.teach_status_not_started() : m.teach_status_at_step({ step: cell.lastStep });
}

/** How a code check reads: matches, does not match, or no code (a version 1 file). */
export function codeStatusWords(matches: boolean | null): string {
  return matches === null ? m.teach_code_none() : matches ? m.teach_code_matches() : m.teach_code_differs();
}

/** Hints on n steps. */
export function hintStepsWords(count: number): string {
  return count === 1 ? m.teach_hints_on_one() : m.teach_hints_on_many({ count });
}
