/**
 * Drawing a long list a batch per task (src/ui/shell/later.ts's `nextTask`) with the batch sized by what the
 * last one cost: a fixed batch was one task of 10–55 ms on a busy 2-core machine for a dozen target cells
 * (their first draw also compiles their code), where each task should stay well under 50 ms. The next
 * batch aims at `budgetMs` of drawing, from the last batch's cost per item.
 */

/** Milliseconds of drawing one task aims at (a task over 50 ms is a page that does not answer). */
export const BATCH_BUDGET_MS = 8;
/** The most items drawn in one task, however cheap they were. */
export const MAX_BATCH = 48;

/**
 * The next batch's size: the items that fit in `budgetMs` at the last batch's cost per item (`spentMs` for
 * `size` items), at least one and at most `max`. A batch that cost nothing measurable (under a tenth of a
 * millisecond) grows by four times.
 */
export function nextBatch(size: number, spentMs: number, budgetMs = BATCH_BUDGET_MS, max = MAX_BATCH): number {
  const fit = spentMs < 0.1 ? size * 4 : Math.floor((budgetMs * size) / spentMs);
  return Math.max(1, Math.min(max, fit));
}
