// The floor for `npm run bench`: a minimal simulation of R1's model with nothing but typed arrays — 50
// single-slot FIFO targets, Poisson arrivals at 45 req/s, exponential service of mean 1 s, least
// connections with nginx's tie rule (one smooth-WRR step over the tied targets) — and no metrics, no
// health, no request records. The engine does all of this and much more; its speed over the floor's, in
// the same run, says how much the rest costs.

/** sfc32, as the engine's streams. */
function stream(seed: number): () => number {
  let a = seed, b = 0x9e3779b9, c = 0x85ebca6b, d = 1;
  const next = (): number => {
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return (t >>> 0) / 4294967296;
  };
  for (let i = 0; i < 12; i++) next();
  return next;
}

/** Runs the floor for `untilSec` simulated seconds; returns the requests that arrived. */
export function runFloor(untilSec: number): number {
  const N = 50, RATE = 45, MEAN_MS = 1000;
  const arrival = stream(1), service = stream(2);
  let cap = 256;
  let times = new Float64Array(cap), seqs = new Float64Array(cap), targets = new Int32Array(cap);
  let size = 0, seq = 0;
  const push = (t: number, target: number): void => {
    if (size === cap) {
      cap *= 2;
      const t2 = new Float64Array(cap), s2 = new Float64Array(cap), g2 = new Int32Array(cap);
      t2.set(times); s2.set(seqs); g2.set(targets);
      times = t2; seqs = s2; targets = g2;
    }
    const q = seq++;
    let i = size++;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (times[p] < t || (times[p] === t && seqs[p] < q)) break;
      times[i] = times[p]; seqs[i] = seqs[p]; targets[i] = targets[p];
      i = p;
    }
    times[i] = t; seqs[i] = q; targets[i] = target;
  };
  const popTarget = (): number => {
    const top = targets[0];
    const n = --size;
    const t = times[n], q = seqs[n], g = targets[n];
    let i = 0;
    for (;;) {
      let c = 2 * i + 1;
      if (c >= n) break;
      if (c + 1 < n && (times[c + 1] < times[c] || (times[c + 1] === times[c] && seqs[c + 1] < seqs[c]))) c++;
      if (times[c] > t || (times[c] === t && seqs[c] > q)) break;
      times[i] = times[c]; seqs[i] = seqs[c]; targets[i] = targets[c];
      i = c;
    }
    times[i] = t; seqs[i] = q; targets[i] = g;
    return top;
  };
  const active = new Int32Array(N), waiting = new Int32Array(N), cw = new Float64Array(N), tied = new Int32Array(N);
  const untilMs = untilSec * 1000;
  let nextArrival = (-Math.log(1 - arrival()) / RATE) * 1000;
  let arrived = 0;
  for (;;) {
    const completion = size > 0 ? times[0] : Infinity;
    const now = Math.min(nextArrival, completion);
    if (now > untilMs) break;
    if (nextArrival <= completion) {
      arrived++;
      nextArrival = now + (-Math.log(1 - arrival()) / RATE) * 1000;
      let count = 0, best = 0;
      for (let i = 0; i < N; i++) {
        const c = active[i];
        if (count === 0 || c < best) { tied[0] = i; count = 1; best = c; }
        else if (c === best) tied[count++] = i;
      }
      let t = tied[0];
      if (count > 1) {
        for (let k = 0; k < count; k++) {
          const i = tied[k];
          cw[i] += 1;
          if (k === 0 || cw[i] > cw[t]) t = i;
        }
        cw[t] -= count;
      }
      if (active[t]++ === 0) push(now + -MEAN_MS * Math.log(1 - service()), t);
      else waiting[t]++;
    } else {
      const t = popTarget();
      active[t]--;
      if (waiting[t] > 0) {
        waiting[t]--;
        push(now + -MEAN_MS * Math.log(1 - service()), t);
      }
    }
  }
  return arrived;
}
