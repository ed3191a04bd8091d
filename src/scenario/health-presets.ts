/**
 * Health-check presets with the defaults of the real systems (real-systems.md §2.1, §3.9, §4.2), and the
 * resolution of a scenario's `healthCheck` block: preset values first, explicit fields over them.
 * Shared by the validator (to check the resolved values) and the engine (to run them).
 */
import type { HealthCheckInput } from './schema.ts';

export type HealthModel = 'consecutive' | 'rise-fall';

export interface ResolvedHealthCheck {
  preset: string | null;
  protocol: 'http' | 'tcp';
  path: string;
  intervalSec: number;
  timeoutSec: number;
  healthyThreshold: number;
  unhealthyThreshold: number;
  /** 'consecutive': AWS / Envoy run-length counters; 'rise-fall': HAProxy's health counter. */
  model: HealthModel;
  successCodes: string;
  jitterPercent: number;
  /** A deep check exercises the app's dependencies; a shallow one only asks "is the process up?". */
  deep: boolean;
  /** HAProxy `fastinter` (transitional states) and `downinter` (fully down); default: the interval. */
  fastIntervalSec: number;
  downIntervalSec: number;
  /** Envoy: an HTTP status outside the expected ones marks the host unhealthy at once. */
  failFastOnBadStatus: boolean;
}

type Preset = Omit<ResolvedHealthCheck, 'preset' | 'fastIntervalSec' | 'downIntervalSec'> & { fastIntervalSec?: number; downIntervalSec?: number };

/** Defaults of each named system. */
export const HEALTH_PRESETS: Record<'aws-alb' | 'aws-nlb' | 'aws-gwlb' | 'haproxy' | 'envoy', Preset> = {
  // ALB target group: HTTP /, every 30 s, 5 s timeout, 5 to become healthy, 2 to become unhealthy, matcher 200
  'aws-alb': { protocol: 'http', path: '/', intervalSec: 30, timeoutSec: 5, healthyThreshold: 5, unhealthyThreshold: 2, model: 'consecutive', successCodes: '200', jitterPercent: 0, deep: false, failFastOnBadStatus: false },
  // NLB target group: TCP, every 30 s, 10 s timeout (TCP), 5 / 2
  'aws-nlb': { protocol: 'tcp', path: '/', intervalSec: 30, timeoutSec: 10, healthyThreshold: 5, unhealthyThreshold: 2, model: 'consecutive', successCodes: '200-399', jitterPercent: 0, deep: false, failFastOnBadStatus: false },
  // GWLB target group (the appliances, real-systems §4.1): TCP, every 10 s, 5 s timeout, 5 / 2, matcher 200–399
  'aws-gwlb': { protocol: 'tcp', path: '/', intervalSec: 10, timeoutSec: 5, healthyThreshold: 5, unhealthyThreshold: 2, model: 'consecutive', successCodes: '200-399', jitterPercent: 0, deep: false, failFastOnBadStatus: false },
  // HAProxy `check`: TCP connect, inter 2 s (timeout = inter when `timeout check` is unset), rise 2, fall 3
  haproxy: { protocol: 'tcp', path: '/', intervalSec: 2, timeoutSec: 2, healthyThreshold: 2, unhealthyThreshold: 3, model: 'rise-fall', successCodes: '200-399', jitterPercent: 0, deep: false, failFastOnBadStatus: false },
  // Envoy requires interval, timeout and thresholds (no defaults); these are the values of its documented example
  envoy: { protocol: 'http', path: '/healthz', intervalSec: 5, timeoutSec: 1, healthyThreshold: 2, unhealthyThreshold: 3, model: 'consecutive', successCodes: '200', jitterPercent: 0, deep: false, failFastOnBadStatus: true },
};

export function resolveHealthCheck(input: HealthCheckInput): ResolvedHealthCheck {
  const base = HEALTH_PRESETS[input.preset ?? 'aws-alb'];
  const intervalSec = input.intervalSec ?? base.intervalSec;
  // HAProxy without `timeout check`: `inter` is the whole check timeout
  const timeoutSec = input.timeoutSec ?? (input.preset === 'haproxy' ? intervalSec : base.timeoutSec);
  return {
    preset: input.preset ?? null,
    protocol: input.protocol ?? base.protocol,
    path: input.path ?? base.path,
    intervalSec,
    timeoutSec,
    healthyThreshold: input.healthyThreshold ?? base.healthyThreshold,
    unhealthyThreshold: input.unhealthyThreshold ?? base.unhealthyThreshold,
    model: input.model ?? base.model,
    successCodes: input.successCodes ?? base.successCodes,
    jitterPercent: input.jitterPercent ?? base.jitterPercent,
    deep: input.deep ?? base.deep,
    fastIntervalSec: input.fastIntervalSec ?? intervalSec,
    downIntervalSec: input.downIntervalSec ?? intervalSec,
    failFastOnBadStatus: input.failFastOnBadStatus ?? base.failFastOnBadStatus,
  };
}

/** Does an HTTP status match a matcher like "200", "200-399" or "200,302"? */
export function statusMatches(matcher: string, status: number): boolean {
  return matcher.split(',').some((part) => {
    const [lo, hi] = part.split('-').map((x) => Number(x.trim()));
    return hi === undefined ? status === lo : status >= lo && status <= hi;
  });
}
