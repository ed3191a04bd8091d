/**
 * The numbers behind a decision (engine/decisions.ts) as one sentence for the event log: the sum a
 * learner can redo by hand — "2 of 3 one-minute datapoints above 50 (48, 62.5, 71) → ALARM; ceil(4 × 71 /
 * 50) = ceil(5.68) = 6". Pure; numbers are shown with at most two decimals.
 */
import type { AlarmNumbers, Decision, ScalingFormula } from '../engine/decisions.ts';

/** At most two decimals, no trailing zeros. */
export function n2(x: number): string {
  return String(Math.round(x * 100) / 100);
}

const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;

const COMPARISON_WORDS: Record<AlarmNumbers['comparison'], string> = { '>': 'above', '>=': 'at or above', '<': 'below', '<=': 'at or below' };

export function alarmWords(a: AlarmNumbers): string {
  const period = a.periodSec === 60 ? 'one-minute' : `${a.periodSec}-second`;
  const points = a.datapoints.map((p) => (p === null ? 'missing' : n2(p))).join(', ');
  return `${a.breaching} of ${a.datapoints.length} ${period} datapoints of ${a.metric} (${a.statistic}) ${COMPARISON_WORDS[a.comparison]} ${n2(a.threshold)}: ${points}; ${a.needed} needed → ALARM`;
}

export function formulaWords(f: ScalingFormula): string {
  switch (f.kind) {
    case 'target-tracking': {
      const sum = `ceil(${f.base} × ${n2(f.metric)} / ${n2(f.target)}) = ceil(${n2(f.raw)}) = ${f.result}`;
      return f.maxRemoved === undefined ? sum : `${sum}; at most ${plural(f.maxRemoved, 'instance')} removed per scale-in`;
    }
    case 'hpa': {
      const ratio = `utilization ${f.utilizationPercent} % / target ${f.targetPercent} % = ${n2(f.ratio)}`;
      if (f.withinTolerance) return `${ratio}, within the tolerance ${n2(1 - f.tolerance)}–${n2(1 + f.tolerance)}: replicas stay ${f.replicas}`;
      const sum = `${ratio}, outside the tolerance ±${n2(f.tolerance)} → ceil(${f.readyPods} × ${n2(f.ratio)}) = ${f.replicas} replicas`;
      return f.limited === null ? sum : `${sum}, limited to ${f.limited} by stabilization and rate limits`;
    }
    case 'adjustment':
      return `${f.step === null ? '' : `step ${f.step}: `}${f.adjustment} from ${f.base} → ${f.result}`;
  }
}

/** The decision's numbers as a sentence. */
export function decisionWords(d: Decision): string {
  switch (d.kind) {
    case 'health-check': {
      const results = d.results.map((ok) => (ok ? 'pass' : 'fail')).join(', ');
      const counter = d.model === 'rise-fall' ? (d.to === 'healthy' ? 'rise' : 'fall') : d.to === 'healthy' ? 'healthy threshold' : 'unhealthy threshold';
      if (d.immediate && d.to === 'unhealthy') return `check results ${results}: ${d.lastFailure ?? 'a bad status'} marks it unhealthy at once (${counter} ${d.threshold} not needed)`;
      if (d.immediate) return `check results ${results}: a new target's first passed check brings it in (${counter} ${d.threshold} applies after a failure)`;
      return `last ${plural(d.results.length, 'check')}: ${results} — ${d.results.length} of ${counter} ${d.threshold} reached${d.lastFailure !== null ? `; last failure: ${d.lastFailure}` : ''}`;
    }
    case 'max-fails':
      return `${d.failures} failures within fail_timeout ${d.failTimeoutSec} s reached max_fails ${d.maxFails}: out for ${d.failTimeoutSec} s`;
    case 'ejection': {
      const mult = d.ejections > 1 ? `${d.baseEjectionSec} s × ejection ${d.ejections}` : `${d.baseEjectionSec} s (first ejection)`;
      return `${d.consecutiveErrors} consecutive errors reached consecutive_5xx ${d.threshold}; ejected ${d.ejectedNow} of at most ${d.maxEjected}; time ${mult} = ${n2(d.ejectionSec)} s`;
    }
    case 'circuit':
      if (d.to === 'open') {
        return d.seen === 1 && d.failed === 1 && d.minRequests > 1
          ? `a probe request failed while half-open → open again for ${d.openSec} s`
          : `${d.failed} of ${d.seen} requests in the last ${d.windowSec} s failed = ${n2((d.failed * 100) / d.seen)} % ≥ ${d.errorRatePercent} % (at least ${d.minRequests} seen) → open for ${d.openSec} s`;
      }
      if (d.to === 'half-open') return `open for ${d.openSec} s → half-open: ${plural(d.probes, 'probe request')} let through`;
      return `all ${plural(d.probes, 'probe request')} succeeded → closed`;
    case 'scaling': {
      const parts: string[] = [];
      if (d.alarm !== null) parts.push(alarmWords(d.alarm));
      if (d.formula !== null) parts.push(formulaWords(d.formula));
      const clamp = d.formula !== null && 'result' in d.formula && d.formula.result !== d.to && (d.to === d.min || d.to === d.max) ? ` (kept within min ${d.min}, max ${d.max})` : '';
      parts.push(`desired ${d.from} → ${d.to}${clamp}`);
      return `${d.policy}: ${parts.join('; ')}`;
    }
    case 'dns-vote': {
      const share = n2((d.healthyCheckers * 100) / d.checkers);
      const verdict = d.healthy ? `more than ${d.thresholdPercent} %: healthy` : `not more than ${d.thresholdPercent} %: unhealthy`;
      return `${d.healthyCheckers} of ${d.checkers} Route 53 checkers say healthy (${share} %), ${verdict}; each checker probes every ${n2(d.intervalSec)} s and changes its mind after ${plural(d.failureThreshold, 'result')} in a row`;
    }
  }
}
