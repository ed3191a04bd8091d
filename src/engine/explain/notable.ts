/**
 * Notable requests for the lab's lists: the latest failed ones by reason (with counts), the slowest
 * successful ones, and the latest retried ones. Bounded: a few ids per list, whatever the run's length.
 */
import { FAILURE_REASONS, OUTCOME_OK, type FailureReason, type Outcome } from '../types.ts';

/** How many ids each list keeps. */
export const NOTABLE_KEEP = 20;

export interface NotableEntry {
  id: number;
  latencyMs: number;
  attempts: number;
  outcome: Outcome;
}

export interface NotableLists {
  /** Per failure reason: how many failed that way, and the latest ones (newest first). */
  failed: { reason: FailureReason; count: number; latest: NotableEntry[] }[];
  /** The slowest successful requests so far (slowest first). */
  slowest: NotableEntry[];
  /** Requests that needed more than one attempt: how many, and the latest ones (newest first). */
  retried: { count: number; latest: NotableEntry[] };
}

export class NotableRequests {
  private readonly failedCount = new Float64Array(FAILURE_REASONS.length);
  private readonly failed: NotableEntry[][] = FAILURE_REASONS.map(() => []);
  private readonly slow: NotableEntry[] = [];
  private readonly retried: NotableEntry[] = [];
  private retriedCount = 0;

  add(id: number, outcome: number, latencyMs: number, attempt: number): void {
    const attempts = attempt + 1;
    if (attempt > 0) {
      this.retriedCount++;
      push(this.retried, { id, latencyMs, attempts, outcome: outcome === OUTCOME_OK ? 'ok' : FAILURE_REASONS[outcome - 1] });
    }
    if (outcome !== OUTCOME_OK) {
      this.failedCount[outcome - 1]++;
      push(this.failed[outcome - 1], { id, latencyMs, attempts, outcome: FAILURE_REASONS[outcome - 1] });
      return;
    }
    const slow = this.slow;
    if (slow.length === NOTABLE_KEEP && latencyMs <= slow[slow.length - 1].latencyMs) return;
    let k = slow.length;
    while (k > 0 && slow[k - 1].latencyMs < latencyMs) k--;
    slow.splice(k, 0, { id, latencyMs, attempts, outcome: 'ok' });
    if (slow.length > NOTABLE_KEEP) slow.pop();
  }

  lists(): NotableLists {
    return {
      failed: FAILURE_REASONS.map((reason, i) => ({ reason, count: this.failedCount[i], latest: [...this.failed[i]].reverse() })).filter((f) => f.count > 0),
      slowest: this.slow.map((e) => ({ ...e })),
      retried: { count: this.retriedCount, latest: [...this.retried].reverse() },
    };
  }
}

function push(list: NotableEntry[], e: NotableEntry): void {
  list.push(e);
  if (list.length > NOTABLE_KEEP) list.shift();
}
