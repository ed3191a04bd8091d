/**
 * Lab weights are decimals from 0 to 1,000; real balancers take whole numbers (nginx ≥ 1, HAProxy 0–256, Envoy
 * ≥ 1). Scaling every weight of a group by one factor keeps the shares, and smooth weighted round robin, least
 * connections and EDF schedulers give the same picks for scaled weights. Hash algorithms that take the hash
 * modulo the total weight do not: there a fractional weight is noted by the exporter.
 */

export interface IntegerWeights {
  /** One whole number per input weight (0 stays 0). */
  weights: number[];
  /** False when the weights had to be rounded (the shares are then approximate). */
  exact: boolean;
}

function gcd(a: number, b: number): number {
  while (b !== 0) [a, b] = [b, a % b];
  return a;
}

/** Whole-number weights with the same ratios, as small as possible, at most `max` each. */
export function integerWeights(weights: readonly number[], max = Number.MAX_SAFE_INTEGER): IntegerWeights {
  let scale = 1;
  while (scale < 1e6 && !weights.every((w) => Number.isInteger(Math.round(w * scale * 1e9) / 1e9))) scale *= 10;
  let scaled = weights.map((w) => Math.round(w * scale));
  let exact = weights.every((w) => Math.abs(w * scale - Math.round(w * scale)) < 1e-9);
  const divisor = scaled.filter((w) => w > 0).reduce((g, w) => gcd(g, w), 0) || 1;
  scaled = scaled.map((w) => w / divisor);
  const biggest = Math.max(...scaled);
  if (biggest > max) {
    scaled = scaled.map((w) => (w === 0 ? 0 : Math.max(1, Math.round((w * max) / biggest))));
    exact = false;
  }
  return { weights: scaled, exact };
}

/** Are all weights of the group that are above 0 equal? */
export function weightsEqual(weights: readonly number[]): boolean {
  const positive = weights.filter((w) => w > 0);
  return positive.every((w) => w === positive[0]);
}
