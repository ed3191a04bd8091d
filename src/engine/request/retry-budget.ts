/**
 * Envoy's retry budget (`retries.budget`): a target group's retries in flight may be at most `budgetPercent`
 * % of its requests in flight, but never fewer than `minRetryConcurrency` (Envoy's defaults: 20 % and 3).
 *
 * Source: Envoy `source/common/upstream/resource_manager_impl.h` (`RetryBudgetImpl::max()` is
 * max(budget_percent / 100 × (active requests + pending requests), min_retry_concurrency), the product
 * truncated to an integer; `canCreate()` is count < max) and `source/common/router/retry_state_impl.cc`
 * (`shouldRetry`: the retry count is checked first, then the budget; a retry that does not fit is an
 * `upstream_rq_retry_overflow` and the client gets the failed attempt's answer; a retry counts from the
 * moment it is made until its own outcome is known). Docs: `config.cluster.v3.CircuitBreakers.Thresholds.RetryBudget`.
 *
 * Simplifies: "requests in flight" are the group's attempts a target holds, queued or in service (Envoy's
 * active plus pending requests); a failed attempt stops counting the moment it fails, before the budget is
 * asked about its retry; one budget per group (Envoy keeps one per routing priority); no runtime overrides.
 * A group without a budget pays one null check per attempt sent and per attempt failed.
 */
import type { RetryBudgetConfig } from '../../scenario/schema.ts';
import { FLAG_BUDGET_ACTIVE, FLAG_BUDGET_RETRY, type RequestPool } from './pool.ts';

const COUNTED = FLAG_BUDGET_ACTIVE | FLAG_BUDGET_RETRY;

export class RetryBudget {
  /** Attempts in flight at the group's targets (queued or in service) that the budget counts. */
  active = 0;
  /** Of those, retries (attempts after a request's first). */
  retries = 0;
  /** Retries refused because the budget was spent (Envoy's upstream_rq_retry_overflow). */
  overflows = 0;

  constructor(readonly config: RetryBudgetConfig) {}

  /** Envoy's max(): the most retries that may be in flight now. */
  limit(): number {
    return Math.max(Math.floor((this.config.budgetPercent / 100) * this.active), this.config.minRetryConcurrency);
  }

  /** May one more retry start now? A refusal is counted as an overflow. */
  allows(): boolean {
    if (this.retries < this.limit()) return true;
    this.overflows++;
    return false;
  }

  /** The attempt in `slot` was taken by a target (queued or in service): it is in flight. */
  sent(pool: RequestPool, slot: number): void {
    this.active++;
    let flags = pool.flags[slot] | FLAG_BUDGET_ACTIVE;
    if (pool.attempt[slot] > 0) {
      this.retries++;
      flags |= FLAG_BUDGET_RETRY;
    }
    pool.flags[slot] = flags;
  }
}

/**
 * The attempt in `slot` is over (answered, failed or given up on): it leaves the counts of `budget` (the
 * group's budget now, or null when a live change removed it). Does nothing for an attempt never counted.
 */
export function attemptOver(pool: RequestPool, slot: number, budget: RetryBudget | null): void {
  const flags = pool.flags[slot];
  if ((flags & COUNTED) === 0) return;
  pool.flags[slot] = flags & ~COUNTED;
  if (budget === null) return;
  if ((flags & FLAG_BUDGET_ACTIVE) !== 0) budget.active = Math.max(0, budget.active - 1);
  if ((flags & FLAG_BUDGET_RETRY) !== 0) budget.retries = Math.max(0, budget.retries - 1);
}

/** The group's budget after a (re)configuration: the same counts while a budget stays, none without one. */
export function budgetFor(config: RetryBudgetConfig | undefined, old: RetryBudget | null): RetryBudget | null {
  if (config === undefined) return null;
  const b = new RetryBudget(config);
  if (old !== null) {
    b.active = old.active;
    b.retries = old.retries;
    b.overflows = old.overflows;
  }
  return b;
}
