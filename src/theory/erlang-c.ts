/**
 * M/M/c, the queueing theory the lab draws beside its measurements (shared/reference/queueing.md §3.1):
 * Poisson arrivals at λ, c servers each serving at μ (exponential), one FIFO queue. Erlang B by recursion,
 * Erlang C = P(wait), mean wait Wq = C / (cμ − λ), response W = Wq + 1/μ, Little's law L = λW, and the
 * response-time tail P(W > t) = (1 − C)e^{−μt} + C(θe^{−μt} − μe^{−θt}) / (θ − μ) with θ = cμ − λ, inverted
 * for percentiles by bisection. Pure; times in the unit of 1/μ you give (ms in the lab).
 */

export interface MmcPrediction {
  c: number;
  /** Utilisation λ / (cμ). */
  rho: number;
  /** Erlang C: the chance an arrival waits. */
  pWait: number;
  /** Mean wait in the queue and mean response time. */
  meanWait: number;
  meanResponse: number;
  /** Mean number waiting and in the system (Little's law). */
  lq: number;
  l: number;
  /** The p-quantile of the response time (0 < p < 1). */
  responseQuantile(p: number): number;
  /** The p-quantile of the wait: ln(C / (1 − p)) / (cμ − λ) when C > 1 − p, else 0. */
  waitQuantile(p: number): number;
}

/** Erlang C for c servers and offered load a = λ/μ (< c); 1 when the queue grows without bound. */
export function erlangC(c: number, a: number): number {
  if (a >= c) return 1;
  let b = 1;
  for (let k = 1; k <= c; k++) b = (a * b) / (k + a * b);
  return (c * b) / (c - a * (1 - b));
}

/** The M/M/c prediction, or null when the system is unstable (λ ≥ cμ) or the input is not usable. */
export function mmc(c: number, lambda: number, mu: number): MmcPrediction | null {
  if (!(c >= 1 && Number.isInteger(c) && lambda >= 0 && mu > 0) || lambda >= c * mu) return null;
  const a = lambda / mu;
  const C = erlangC(c, a);
  const theta = c * mu - lambda;
  const meanWait = C / theta;
  const meanResponse = meanWait + 1 / mu;
  const tail = (t: number) => {
    const exp = Math.exp(-mu * t);
    const waitPart = Math.abs(theta - mu) < 1e-12 * mu ? C * (1 + mu * t) * exp : (C * (theta * exp - mu * Math.exp(-theta * t))) / (theta - mu);
    return (1 - C) * exp + waitPart;
  };
  return {
    c,
    rho: lambda / (c * mu),
    pWait: C,
    meanWait,
    meanResponse,
    lq: lambda * meanWait,
    l: lambda * meanResponse,
    waitQuantile: (p) => (C > 1 - p ? Math.log(C / (1 - p)) / theta : 0),
    responseQuantile(p) {
      let lo = 0, hi = 1 / mu;
      while (tail(hi) > 1 - p) hi *= 2;
      for (let i = 0; i < 100; i++) {
        const mid = (lo + hi) / 2;
        if (tail(mid) > 1 - p) lo = mid;
        else hi = mid;
      }
      return (lo + hi) / 2;
    },
  };
}
