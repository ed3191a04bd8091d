/**
 * Service-time and think-time distributions, sampled by inversion: each draw consumes exactly one
 * uniform number. A request's uniform is drawn once at arrival, so the same request has the same
 * "size" (quantile) whichever target or algorithm ends up serving it — common random numbers.
 * Lognormal is given by its median and p99 (the way latency is usually quoted).
 */
import type { Distribution } from '../../scenario/schema.ts';

export const DIST_CONSTANT = 0;
export const DIST_EXPONENTIAL = 1;
export const DIST_LOGNORMAL = 2;
export const DIST_UNIFORM = 3;

/** z such that Φ(z) = 0.99. */
const Z99 = 2.3263478740408408;

/** A distribution as three numbers, so tables of them live in typed arrays. */
export interface DistParams {
  kind: number;
  p1: number;
  p2: number;
}

export function distParams(d: Distribution): DistParams {
  switch (d.dist) {
    case 'constant':
      return { kind: DIST_CONSTANT, p1: d.valueMs, p2: 0 };
    case 'exponential':
      return { kind: DIST_EXPONENTIAL, p1: d.meanMs, p2: 0 };
    case 'lognormal':
      // p1 = median, p2 = sigma of the underlying normal
      return { kind: DIST_LOGNORMAL, p1: d.medianMs, p2: Math.log(d.p99Ms / d.medianMs) / Z99 };
    case 'uniform':
      return { kind: DIST_UNIFORM, p1: d.minMs, p2: d.maxMs - d.minMs };
  }
}

/** The value at quantile u ∈ [0, 1) of the distribution (kind, p1, p2). */
export function quantile(kind: number, p1: number, p2: number, u: number): number {
  switch (kind) {
    case DIST_EXPONENTIAL:
      return -p1 * Math.log(1 - u);
    case DIST_LOGNORMAL:
      return p1 * Math.exp(p2 * inverseNormal(u));
    case DIST_UNIFORM:
      return p1 + p2 * u;
    default:
      return p1;
  }
}

/** Mean of the distribution (used for capacity hints and tests). */
export function distMean(d: Distribution): number {
  switch (d.dist) {
    case 'constant':
      return d.valueMs;
    case 'exponential':
      return d.meanMs;
    case 'lognormal': {
      const s = Math.log(d.p99Ms / d.medianMs) / Z99;
      return d.medianMs * Math.exp((s * s) / 2);
    }
    case 'uniform':
      return (d.minMs + d.maxMs) / 2;
  }
}

// Acklam's rational approximation of the inverse normal CDF (relative error < 1.2e-9).
const A = [-3.969683028665376e1, 2.209460984245205e2, -2.759285104469687e2, 1.38357751867269e2, -3.066479806614716e1, 2.506628277459239];
const B = [-5.447609879822406e1, 1.615858368580409e2, -1.556989798598866e2, 6.680131188771972e1, -1.328068155288572e1];
const C = [-7.784894002430293e-3, -3.223964580411365e-1, -2.400758277161838, -2.549732539343734, 4.374664141464968, 2.938163982698783];
const D = [7.784695709041462e-3, 3.224671290700398e-1, 2.445134137142996, 3.754408661907416];

/** Φ⁻¹(u): the standard normal quantile. */
export function inverseNormal(u: number): number {
  if (u <= 0) return -8.5;
  if (u >= 1) return 8.5;
  const lo = 0.02425;
  if (u < lo) {
    const q = Math.sqrt(-2 * Math.log(u));
    return (((((C[0] * q + C[1]) * q + C[2]) * q + C[3]) * q + C[4]) * q + C[5]) / ((((D[0] * q + D[1]) * q + D[2]) * q + D[3]) * q + 1);
  }
  if (u > 1 - lo) {
    const q = Math.sqrt(-2 * Math.log(1 - u));
    return -(((((C[0] * q + C[1]) * q + C[2]) * q + C[3]) * q + C[4]) * q + C[5]) / ((((D[0] * q + D[1]) * q + D[2]) * q + D[3]) * q + 1);
  }
  const q = u - 0.5;
  const r = q * q;
  return ((((((A[0] * r + A[1]) * r + A[2]) * r + A[3]) * r + A[4]) * r + A[5]) * q) / (((((B[0] * r + B[1]) * r + B[2]) * r + B[3]) * r + B[4]) * r + 1);
}
