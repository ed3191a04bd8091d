/**
 * Slow start: a target that has just become healthy gets a growing share of requests instead of its
 * full share at once. ALB: linear over duration_seconds (30–900) from the moment it is healthy, ending
 * early if it turns unhealthy; Envoy: weight × max(min_weight_percent, (t / window)^(1 / aggression)).
 * Applied by the balancer for any algorithm: a pick that lands on a warming target is kept with
 * probability equal to its factor, otherwise the algorithm picks again without it.
 */
import type { SlowStartConfig } from '../../scenario/schema.ts';

export function slowStartFactor(cfg: SlowStartConfig, sinceMs: number, nowMs: number): number {
  const elapsedSec = Math.max(0.001, (nowMs - sinceMs) / 1000);
  if (cfg.kind === 'linear') return Math.min(1, elapsedSec / cfg.durationSec);
  const timeFactor = Math.min(1, elapsedSec / cfg.windowSec);
  if (timeFactor >= 1) return 1;
  return Math.max(cfg.minWeightPercent / 100, Math.pow(timeFactor, 1 / cfg.aggression));
}

/** Seconds until slow start ends. */
export function slowStartSec(cfg: SlowStartConfig): number {
  return cfg.kind === 'linear' ? cfg.durationSec : cfg.windowSec;
}
