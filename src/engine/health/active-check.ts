/**
 * One active health check, as a process over time: a probe is sent every interval (AWS: checks are
 * independent of the target's response time); its result arrives after the target's answer or the
 * timeout. What a probe sees depends on what is really wrong: a crashed process refuses the connection;
 * a hung one accepts TCP (the kernel does) but never answers HTTP; a slow one answers slowly; an
 * overloaded one (queue full) answers 503; a broken dependency fails only a deep check — a shallow
 * health endpoint keeps answering 200 while real requests fail (the "lying" health endpoint).
 */
import type { ResolvedHealthCheck } from '../../scenario/health-presets.ts';
import { statusMatches } from '../../scenario/health-presets.ts';
import type { TargetStore } from '../backend/targets.ts';
import { TARGET_CRASHED, TARGET_HUNG } from '../backend/targets.ts';
import type { Rng } from '../core/rng.ts';

/** Result codes of a probe. */
export const PROBE_PASS = 0;
export const PROBE_REFUSED = 1;
export const PROBE_TIMEOUT = 2;
export const PROBE_HTTP_500 = 3;
export const PROBE_HTTP_503 = 4;
export const PROBE_HTTP_OTHER = 5;

/** How long a healthy target takes to answer a shallow (5 ms) or a deep (20 ms) check. */
const SHALLOW_MS = 5;
const DEEP_MS = 20;

export interface ProbeResult {
  code: number;
  delayMs: number;
}

/** What a probe to target t sent now will find, and when its answer (or the timeout) arrives. */
export function probe(hc: ResolvedHealthCheck, store: TargetStore, t: number, rng: Rng, out: ProbeResult): ProbeResult {
  const timeoutMs = hc.timeoutSec * 1000;
  out.delayMs = 1;
  if (store.state[t] === TARGET_CRASHED) {
    out.code = PROBE_REFUSED;
    return out;
  }
  if (hc.protocol === 'tcp') {
    out.code = PROBE_PASS;
    return out;
  }
  if (store.state[t] === TARGET_HUNG) {
    out.code = PROBE_TIMEOUT;
    out.delayMs = timeoutMs;
    return out;
  }
  const answerMs = (hc.deep ? DEEP_MS : SHALLOW_MS) * store.slowFactor[t];
  if (answerMs >= timeoutMs) {
    out.code = PROBE_TIMEOUT;
    out.delayMs = timeoutMs;
    return out;
  }
  out.delayMs = answerMs;
  let status = 200;
  // an overloaded target (every slot busy and the queue full) answers its health endpoint with 503 too
  if (store.busy[t] >= store.concurrency[t] && store.queued[t] >= store.queueLimit[t]) status = 503;
  else if (hc.deep && store.dbDown[t] === 1) status = 500;
  else if (hc.deep && store.errorShare[t] > 0 && rng.next() < store.errorShare[t]) status = 500;
  out.code = statusMatches(hc.successCodes, status) ? PROBE_PASS : status === 503 ? PROBE_HTTP_503 : status === 500 ? PROBE_HTTP_500 : PROBE_HTTP_OTHER;
  return out;
}

/** A short reason for the event log. */
export function probeReason(code: number, hc: ResolvedHealthCheck): string {
  switch (code) {
    case PROBE_REFUSED:
      return 'connection refused';
    case PROBE_TIMEOUT:
      return `timed out after ${hc.timeoutSec} s`;
    case PROBE_HTTP_500:
      return 'answered HTTP 500';
    case PROBE_HTTP_503:
      return 'answered HTTP 503';
    case PROBE_HTTP_OTHER:
      return `status outside ${hc.successCodes}`;
    default:
      return 'passed';
  }
}

/** Is the failure a bad HTTP status (as opposed to no answer)? Envoy marks those unhealthy at once. */
export function isBadStatus(code: number): boolean {
  return code === PROBE_HTTP_500 || code === PROBE_HTTP_503 || code === PROBE_HTTP_OTHER;
}
