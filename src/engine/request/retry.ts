/**
 * An attempt failed at its target. Passive health hears of it first (nginx counts errors and timeouts
 * always, a listed HTTP status only when it moves on); then, like nginx proxy_next_upstream, with tries
 * left and the condition listed the request goes to a target it has not tried — moving to a fresh slot
 * when the old target still holds the old one — else it fails for good.
 */
import type { SimState } from '../state.ts';
import { FAILURE_REASONS, outcomeName } from '../types.ts';
import { onAttemptFailed } from '../health/passive.ts';
import { choose } from './choose.ts';
import { send } from './send.ts';
import { fail } from './finish.ts';
import { cloneRequest } from './clone.ts';
import { haproxyAttemptFailed } from './haproxy-retry.ts';
import { attemptOver } from './retry-budget.ts';

/** nginx proxy_next_upstream condition for each outcome code (index = outcome). */
const RETRY_CONDITION = ['', 'http_503', 'timeout', 'error', '', '', 'http_500', '', '', '', ''];
const REASONS = FAILURE_REASONS.length;

/**
 * The attempt in `slot` failed with `outcome`; `keepAs` (a request state, or 0) says the target still
 * holds the slot. Retries while another target takes the request; else the request fails.
 */
export function attemptFailed(s: SimState, slot: number, outcome: number, keepAs: number): void {
  const pool = s.pool;
  const store = s.store;
  if (s.groups[pool.group[slot]].retries?.style === 'haproxy') return haproxyAttemptFailed(s, slot, outcome, keepAs);
  for (;;) {
    const t = pool.target[slot];
    const g = pool.group[slot];
    const group = s.groups[g];
    const retries = group.retries;
    const id = pool.id[slot];
    const budget = group.retryBudget;
    if (budget !== null) attemptOver(pool, slot, budget);
    if (s.attemptLog !== null) s.attemptLog.ended(id, outcomeName(outcome));
    const cond = RETRY_CONDITION[outcome];
    let tried = s.tried.get(id);
    let retry = false;
    if (retries !== null && retries.on.includes(cond as never)) {
      const max = retries.maxTries === 0 ? group.triesBudget : retries.maxTries;
      retry = (tried?.length ?? 0) + 1 < max && pool.attempt[slot] < 31;
      // Envoy: the retry count first, then the budget (a retry that does not fit is an overflow)
      if (retry && budget !== null) retry = budget.allows();
    }
    // nginx counts errors and timeouts always, a listed HTTP status only when it moves to the next server
    if (s.explain !== null) s.explain.attemptFailed(s, slot, outcome, retry);
    const penalty = onAttemptFailed(s, g, t, cond === 'error' || cond === 'timeout' || retry);
    if (penalty > 0) group.penalize(store.memberIndex[t], penalty);
    if (retry) {
      if (tried === undefined) s.tried.set(id, (tried = []));
      tried.push(t);
      group.zoneFilter = pool.zone[slot];
      // nginx: a request that reached a backup stays on the backups for the rest of its tries
      group.onBackups = group.isBackup(t);
      const next = choose(s, group, s.clients.ip(pool.client[slot]), pool.client[slot], pool.form[slot], tried);
      group.onBackups = false;
      if (next >= 0) {
        // the target failed this attempt even though the user may never see it
        store.failed[t]++;
        store.failuresBy[t * REASONS + outcome - 1]++;
        let s2 = slot;
        if (keepAs !== 0) {
          s2 = cloneRequest(s, slot);
          pool.state[slot] = keepAs;
        }
        pool.attempt[s2]++;
        const code = send(s, s2, next, group);
        if (code === 0) return;
        // the next target failed at once too (refused or full): judge that attempt the same way
        slot = s2;
        outcome = code;
        keepAs = 0;
        continue;
      }
    }
    fail(s, slot, outcome, keepAs);
    return;
  }
}
