/**
 * The values a real AWS target group accepts for its health check (real-systems.md §4.2; AWS "Health checks for
 * Application Load Balancer target groups" and "… Network Load Balancer target groups", CreateTargetGroup API):
 *
 * - ALB: interval 5–300 s, timeout 2–120 s and shorter than the interval, thresholds 2–10, HTTP or HTTPS
 *   checks only, success codes within 200–499.
 * - NLB (rules since November 2022): interval 5–300 s, timeout 2–120 s, thresholds 2–10, success codes within
 *   200–599.
 * - GWLB (the appliances of `inspection`): interval 5–300 s (default 10), timeout 2–120 s, thresholds 2–10, HTTP,
 *   HTTPS or TCP; we found no stated matcher range, so the NLB's 200–599 is used.
 *
 * Simplified: both get the engine's rule for consecutive-count checks that the timeout is shorter than the
 * interval (validate.ts); AWS documents that for the ALB, and for the NLB we could not find it stated either way.
 *
 * A check that names the `aws-alb` or `aws-nlb` preset promises a real ALB or NLB, so it gets these limits; a
 * check without a preset (a self-run balancer) keeps the looser rules of validate.ts, and the `haproxy` and
 * `envoy` presets follow those systems, whose 1 s checks are real.
 */
import type { ResolvedHealthCheck } from './health-presets.ts';
import { coded, type ErrorCode } from './error-codes.ts';
import type { ErrorParam } from './validated.ts';

export interface HealthCheckLimits {
  system: string;
  intervalSec: [number, number];
  timeoutSec: [number, number];
  threshold: [number, number];
  successCodes: [number, number];
  protocols: ReadonlyArray<ResolvedHealthCheck['protocol']>;
}

export const AWS_HEALTH_LIMITS: Record<'aws-alb' | 'aws-nlb' | 'aws-gwlb', HealthCheckLimits> = {
  'aws-alb': { system: 'an ALB', intervalSec: [5, 300], timeoutSec: [2, 120], threshold: [2, 10], successCodes: [200, 499], protocols: ['http'] },
  'aws-nlb': { system: 'an NLB', intervalSec: [5, 300], timeoutSec: [2, 120], threshold: [2, 10], successCodes: [200, 599], protocols: ['http', 'tcp'] },
  // GWLB (CreateTargetGroup): the same interval, timeout and threshold ranges; HTTP, HTTPS or TCP checks
  'aws-gwlb': { system: 'a GWLB', intervalSec: [5, 300], timeoutSec: [2, 120], threshold: [2, 10], successCodes: [200, 599], protocols: ['http', 'tcp'] },
};

export interface LimitBreach {
  field: 'intervalSec' | 'timeoutSec' | 'healthyThreshold' | 'unhealthyThreshold' | 'successCodes' | 'protocol';
  message: string;
  /** The error's code and values (error-codes.ts), for the page's own wording. */
  code?: string;
  params?: Readonly<Record<string, ErrorParam>>;
}

function breach(field: LimitBreach['field'], code: ErrorCode, params: Record<string, ErrorParam>): LimitBreach {
  const { message } = coded('', code, params);
  return { field, message, code, params };
}

const outside = (v: number, [lo, hi]: [number, number]) => v < lo || v > hi;

/** Every value of a resolved check that the named AWS balancer would refuse; [] for other presets. */
export function awsLimitBreaches(hc: ResolvedHealthCheck): LimitBreach[] {
  const limits = hc.preset === 'aws-alb' || hc.preset === 'aws-nlb' || hc.preset === 'aws-gwlb' ? AWS_HEALTH_LIMITS[hc.preset] : null;
  if (!limits) return [];
  const { system } = limits;
  const out: LimitBreach[] = [];
  if (outside(hc.intervalSec, limits.intervalSec)) {
    out.push(breach('intervalSec', 'val_hc_interval_range', { system, lo: limits.intervalSec[0], hi: limits.intervalSec[1], got: hc.intervalSec }));
  }
  if (outside(hc.timeoutSec, limits.timeoutSec)) {
    out.push(breach('timeoutSec', 'val_hc_timeout_range', { system, lo: limits.timeoutSec[0], hi: limits.timeoutSec[1], got: hc.timeoutSec }));
  }
  for (const field of ['healthyThreshold', 'unhealthyThreshold'] as const) {
    if (outside(hc[field], limits.threshold) || !Number.isInteger(hc[field])) {
      out.push(breach(field, 'val_hc_threshold_range', { system, lo: limits.threshold[0], hi: limits.threshold[1], got: hc[field] }));
    }
  }
  if (!limits.protocols.includes(hc.protocol)) {
    out.push(breach('protocol', 'val_hc_protocol', { system, protocols: { list: limits.protocols, sep: 'or' }, protocol: hc.protocol }));
  }
  const codes = hc.successCodes.split(/[,-]/).map((x) => Number(x.trim()));
  if (hc.protocol === 'http' && codes.some((c) => outside(c, limits.successCodes))) {
    out.push(breach('successCodes', 'val_hc_codes', { system, lo: String(limits.successCodes[0]), hi: String(limits.successCodes[1]), codes: hc.successCodes }));
  }
  return out;
}
