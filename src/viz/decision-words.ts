/**
 * The numbers behind a decision (engine/decisions.ts) as one sentence for the event log: the sum a
 * learner can redo by hand — "2 of 3 one-minute datapoints above 50 (48, 62.5, 71) → ALARM; ceil(4 × 71 /
 * 50) = ceil(5.68) = 6". Pure; numbers are shown with at most two decimals, in the page's locale, and the words
 * come from messages/*.json (`log_*`).
 */
import type { AlarmNumbers, Decision, ScalingFormula } from '../engine/decisions.ts';
import { m } from '../i18n/paraglide/messages.js';
import { localizeNumberText } from './number-format.ts';
import { probeWords } from './event-words.ts';
import { policyWords } from './scaling-words.ts';

/** At most two decimals, no trailing zeros. */
export function n2(x: number): string {
  return String(Math.round(x * 100) / 100);
}

/** n2 in the page's locale ('5,68' in Spanish). */
const d2 = (x: number): string => localizeNumberText(n2(x));

const COMPARISON_WORDS: Record<AlarmNumbers['comparison'], () => string> = { '>': m.log_above, '>=': m.log_at_or_above, '<': m.log_below, '<=': m.log_at_or_below };

export function alarmWords(a: AlarmNumbers): string {
  const period = a.periodSec === 60 ? m.log_period_minute() : m.log_period_seconds({ seconds: a.periodSec });
  const points = a.datapoints.map((p) => (p === null ? m.log_missing() : d2(p))).join(', ');
  return m.log_alarm({ breaching: a.breaching, count: a.datapoints.length, period, metric: a.metric, statistic: a.statistic, comparison: COMPARISON_WORDS[a.comparison](), threshold: d2(a.threshold), points, needed: a.needed });
}

export function formulaWords(f: ScalingFormula): string {
  switch (f.kind) {
    case 'target-tracking': {
      const sum = `ceil(${f.base} × ${d2(f.metric)} / ${d2(f.target)}) = ceil(${d2(f.raw)}) = ${f.result}`;
      if (f.maxRemoved === undefined) return sum;
      return `${sum}; ${f.maxRemoved === 1 ? m.log_max_removed_one() : m.log_max_removed({ count: f.maxRemoved })}`;
    }
    case 'hpa': {
      const ratio = m.log_hpa_ratio({ utilization: f.utilizationPercent, target: f.targetPercent, ratio: d2(f.ratio) });
      if (f.withinTolerance) return m.log_hpa_within({ ratio, low: d2(1 - f.tolerance), high: d2(1 + f.tolerance), replicas: f.replicas });
      const sum = m.log_hpa_outside({ ratio, tolerance: d2(f.tolerance), ready: f.readyPods, factor: d2(f.ratio), replicas: f.replicas });
      return f.limited === null ? sum : m.log_hpa_limited({ sum, limited: f.limited });
    }
    case 'adjustment':
      return `${f.step === null ? '' : m.log_step({ step: f.step })}${m.log_adjustment({ adjustment: f.adjustment, base: f.base, result: f.result })}`;
  }
}

const pass = (ok: boolean): string => (ok ? m.log_pass() : m.log_fail());

/** The decision's numbers as a sentence. */
export function decisionWords(d: Decision): string {
  switch (d.kind) {
    case 'health-check': {
      const results = d.results.map(pass).join(', ');
      const counter = d.model === 'rise-fall' ? (d.to === 'healthy' ? 'rise' : 'fall') : d.to === 'healthy' ? m.log_healthy_threshold() : m.log_unhealthy_threshold();
      if (d.immediate && d.to === 'unhealthy') return m.log_hc_at_once({ results, failure: d.lastFailure === null ? m.log_bad_status() : probeWords(d.lastFailure), counter, threshold: d.threshold });
      if (d.immediate) return m.log_hc_first_pass({ results, counter, threshold: d.threshold });
      const last = d.results.length === 1 ? m.log_last_check_one() : m.log_last_checks({ count: d.results.length });
      const failure = d.lastFailure !== null ? m.log_last_failure({ failure: probeWords(d.lastFailure) }) : '';
      return m.log_hc_counted({ last, results, count: d.results.length, counter, threshold: d.threshold, failure });
    }
    case 'max-fails':
      return m.log_max_fails({ failures: d.failures, seconds: d.failTimeoutSec, maxFails: d.maxFails });
    case 'ejection': {
      const mult = d.ejections > 1 ? m.log_ejection_nth({ seconds: d.baseEjectionSec, count: d.ejections }) : m.log_ejection_first({ seconds: d.baseEjectionSec });
      return m.log_ejection({ errors: d.consecutiveErrors, threshold: d.threshold, ejected: d.ejectedNow, max: d.maxEjected, mult, seconds: d2(d.ejectionSec) });
    }
    case 'circuit':
      if (d.to === 'open') {
        return d.seen === 1 && d.failed === 1 && d.minRequests > 1
          ? m.log_circuit_probe_failed({ seconds: d.openSec })
          : m.log_circuit_open({ failed: d.failed, seen: d.seen, window: d.windowSec, percent: d2((d.failed * 100) / d.seen), limit: d.errorRatePercent, min: d.minRequests, seconds: d.openSec });
      }
      if (d.to === 'half-open') return m.log_circuit_half_open({ seconds: d.openSec, probes: d.probes === 1 ? m.log_probe_one() : m.log_probes({ count: d.probes }) });
      return m.log_circuit_closed({ probes: d.probes === 1 ? m.log_probe_one() : m.log_probes({ count: d.probes }) });
    case 'scaling': {
      const parts: string[] = [];
      if (d.alarm !== null) parts.push(alarmWords(d.alarm));
      if (d.formula !== null) parts.push(formulaWords(d.formula));
      const clamp = d.formula !== null && 'result' in d.formula && d.formula.result !== d.to && (d.to === d.min || d.to === d.max) ? m.log_kept_within({ min: d.min, max: d.max }) : '';
      parts.push(m.log_desired({ from: d.from, to: d.to, clamp }));
      return `${policyWords(d.policy)}: ${parts.join('; ')}`;
    }
    case 'dns-vote': {
      const share = d2((d.healthyCheckers * 100) / d.checkers);
      const verdict = d.healthy ? m.log_vote_healthy({ percent: d.thresholdPercent }) : m.log_vote_unhealthy({ percent: d.thresholdPercent });
      const results = d.failureThreshold === 1 ? m.log_result_one() : m.log_results({ count: d.failureThreshold });
      return m.log_dns_vote({ healthy: d.healthyCheckers, checkers: d.checkers, share, verdict, interval: d2(d.intervalSec), results });
    }
  }
}
