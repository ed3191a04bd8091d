/** Config goals (how the system is set up now) and event goals (what happened in the run). */
import { resolveHealthCheck, type ResolvedHealthCheck } from '../../scenario/health-presets.ts';
import type { HealthCheckInput } from '../../scenario/schema.ts';
import type { HealthReport } from '../types.ts';
import type { Bound, ConditionResult, ConfigCondition, EventCondition, GoalState } from './types.ts';
import { describeBound, fmt, result, secs, within } from './format.ts';

/** The group's active health check now: the scenario's, replaced by each set-health-check applied since. */
export function currentHealthCheck(state: GoalState, group: string): ResolvedHealthCheck | null {
  let hc: HealthCheckInput | null | undefined = state.scenario.targetGroups.find((g) => g.id === group)?.healthCheck;
  for (const { change } of state.changes) if (change.action === 'set-health-check' && change.group === group) hc = change.healthCheck;
  return hc ? resolveHealthCheck(hc) : null;
}

/** A target's weight now: the last set-weight applied to it, else its configured weight (1 for targets added later). */
export function currentWeight(state: GoalState, target: string): number {
  let w = state.scenario.targetGroups.flatMap((g) => g.targets).find((t) => t.id === target)?.weight ?? 1;
  for (const { change } of state.changes) if (change.action === 'set-weight' && change.target === target) w = change.weight;
  return w;
}

export function configCondition(c: ConfigCondition, state: GoalState): ConditionResult {
  const cfg = state.scenario.targetGroups.find((g) => g.id === c.group);
  if (!cfg) return result(false, `no target group "${c.group}"`);
  switch (c.check) {
    case 'health-check': {
      const hc = currentHealthCheck(state, c.group);
      const want = c.present ?? true;
      if (!want) return result(hc === null, hc === null ? `${c.group} has no active health check` : `${c.group} still has an active health check`);
      if (hc === null) return result(false, `${c.group} has no active health check`);
      const problems: string[] = [];
      if (c.protocol !== undefined && hc.protocol !== c.protocol) problems.push(`protocol is ${hc.protocol}, not ${c.protocol}`);
      for (const f of ['intervalSec', 'timeoutSec', 'healthyThreshold', 'unhealthyThreshold'] as const) {
        const b = c[f];
        if (b && !within(hc[f], b)) problems.push(`${f} is ${fmt(hc[f])} (goal ${describeBound(b)})`);
      }
      const summary = `${hc.protocol} every ${fmt(hc.intervalSec)} s, timeout ${fmt(hc.timeoutSec)} s, healthy after ${hc.healthyThreshold}, unhealthy after ${hc.unhealthyThreshold}`;
      return result(problems.length === 0, problems.length === 0 ? `${c.group} checks ${summary}` : `${c.group}'s health check: ${problems.join('; ')}`);
    }
    case 'algorithm': {
      const now = state.topology.groups.find((g) => g.id === c.group)?.algorithm ?? cfg.algorithm;
      return result(c.oneOf.includes(now), `${c.group} balances with ${now}`);
    }
    case 'weights': {
      const ids = Object.keys(c.ratio);
      const weights = ids.map((id) => currentWeight(state, id));
      const wSum = weights.reduce((a, b) => a + b, 0);
      const rSum = ids.reduce((a, id) => a + c.ratio[id], 0);
      const tolerance = c.tolerance ?? 0.01;
      const worst = wSum === 0 ? 1 : Math.max(...ids.map((id, i) => Math.abs(weights[i] / wSum - c.ratio[id] / rSum)));
      const shown = ids.map((id, i) => `${id} ${fmt(weights[i])}`).join(', ');
      return result(worst <= tolerance, `weights ${shown} (goal ${ids.map((id) => fmt(c.ratio[id])).join(':')})`, worst);
    }
    case 'target-count': {
      const n = state.topology.groups.find((g) => g.id === c.group)?.targets.length ?? 0;
      return result(within(n, c), `${c.group} has ${n} registered target${n === 1 ? '' : 's'} (goal ${describeBound(c)})`, n);
    }
    case 'stickiness': {
      const on = cfg.stickiness !== undefined;
      const want = c.present ?? true;
      return result(on === want, on ? `${c.group} is sticky (${cfg.stickiness!.kind})` : `${c.group} is not sticky`);
    }
    case 'passive-health': {
      const on = cfg.passiveHealth !== undefined;
      const want = c.present ?? true;
      return result(on === want, on ? `${c.group} watches real traffic (${cfg.passiveHealth!.kind})` : `${c.group} has no passive health`);
    }
    case 'session-store': {
      const kind = cfg.sessionStore.kind;
      const where = kind === 'memory' ? "in its targets' memory" : kind === 'none' ? 'nowhere (stateless)' : kind === 'shared' ? 'in a shared store' : 'replicated to every target';
      return result(c.oneOf.includes(kind), `${c.group} keeps sessions ${where}`);
    }
    case 'autoscaling': {
      // a scaling group owns the target group and has a policy that reacts to load (a schedule alone does not)
      const asg = state.scenario.scalingGroups.find((a) => a.targetGroup === c.group);
      const reacting = asg?.policies.filter((p) => p.kind !== 'scheduled').map((p) => p.kind) ?? [];
      const want = c.present ?? true;
      const words = asg === undefined ? `no scaling group owns ${c.group}` : reacting.length === 0 ? `${asg.id} owns ${c.group} but has no policy that reacts to load` : `${asg.id} scales ${c.group} (${reacting.join(', ')}; ${asg.min}–${asg.max} instances)`;
      return result((reacting.length > 0) === want, words);
    }
  }
}

// ---- event conditions -----------------------------------------------------------------------------

export function eventCondition(c: EventCondition, state: GoalState): ConditionResult {
  switch (c.event) {
    case 'target-failed':
      return targetFailed(c, state.health);
    case 'false-removals': {
      const ids = state.topology.targets.filter((t) => c.group === undefined || t.group === c.group).map((t) => t.id);
      const n = ids.reduce((x, id) => x + (state.health.targets[id]?.falseRemovals ?? 0), 0);
      const limit = c.atMost ?? 0;
      return result(n <= limit, n === 0 ? 'no healthy target was taken out of rotation' : `${n} healthy target removal${n === 1 ? '' : 's'} (goal ≤ ${limit})`, n);
    }
    case 'log': {
      const from = (c.fromSec ?? 0) * 1000;
      const to = c.toSec === undefined ? Infinity : c.toSec * 1000;
      const n = state.events.filter((e) => e.kind === c.entry && (c.subject === undefined || e.subject === c.subject) && e.timeMs >= from && e.timeMs < to).length;
      const bound: Bound = c.atLeast === undefined && c.atMost === undefined ? { atLeast: 1 } : c;
      const what = `"${c.entry}" entr${n === 1 ? 'y' : 'ies'}${c.subject ? ` for ${c.subject}` : ''}`;
      return result(within(n, bound), `${n} ${what} (goal ${describeBound(bound)})`, n);
    }
  }
}

function targetFailed(c: Extract<EventCondition, { event: 'target-failed' }>, health: HealthReport): ConditionResult {
  const windows = health.windows.filter((w) => c.target === undefined || w.target === c.target);
  if (windows.length === 0) return result(false, c.target ? `${c.target} has not failed` : 'no target has failed');
  const problems: string[] = [];
  for (const w of windows) {
    const at = `${w.target} (failed at ${secs(w.failedAtMs)} s)`;
    if (c.detectedWithinSec !== undefined) {
      if (w.detectMs === null) problems.push(w.endedAtMs === null ? `${at} is still in rotation` : `${at} recovered before anything noticed`);
      else if (w.detectMs > c.detectedWithinSec * 1000) problems.push(`${at} left rotation after ${secs(w.detectMs)} s (goal ≤ ${fmt(c.detectedWithinSec)} s)`);
    }
    if (c.maxFailedRequests !== undefined && w.failedRequests > c.maxFailedRequests) problems.push(`${at} failed ${w.failedRequests} requests in its blind window (goal ≤ ${c.maxFailedRequests})`);
  }
  if (problems.length > 0) return result(false, problems.join('; '), windows[0].detectMs === null ? null : windows[0].detectMs / 1000);
  const w = windows[windows.length - 1];
  const how = w.detectMs === null ? (w.endedAtMs === null ? 'still in rotation' : 'recovered undetected') : `out of rotation after ${secs(w.detectMs)} s (${w.detectedBy})`;
  return result(true, `${w.target} failed at ${secs(w.failedAtMs)} s: ${how}; ${w.failedRequests} requests failed in its blind window`, w.detectMs === null ? null : w.detectMs / 1000);
}
