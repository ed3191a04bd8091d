/**
 * Seeded randomness with independent streams per purpose ("common random numbers"): arrivals,
 * client choice, request mix, service times, balancer choices and failures each draw from their own
 * generator, so changing the algorithm never shifts the arrival or service-time sequences.
 * Generator: sfc32 (Chris Doty-Humphrey's Small Fast Counter, 128-bit state), seeded by splitmix32
 * from (scenario seed, stream name). The engine has no unseeded randomness at all.
 */

/** The purposes that get their own stream. */
export type StreamName = 'arrivals' | 'clients' | 'mix' | 'service' | 'think' | 'balancer' | 'failures' | 'health' | 'dns' | 'deploy' | 'edge' | 'attack' | 'database' | 'appliance';

function splitmix32(state: number): () => number {
  let s = state >>> 0;
  return () => {
    s = (s + 0x9e3779b9) >>> 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return (z ^ (z >>> 16)) >>> 0;
  };
}

function hashName(name: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < name.length; i++) h = Math.imul(h ^ name.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/**
 * Numbers made ahead in one go, so the per-draw call stays small enough to be inlined everywhere. Written as the
 * literal 128 where a draw or the refill compares with it: the bench's bundle loads a module constant from the
 * module's context at every use, three draws per request and every turn of the refill.
 */
const BATCH = 128;

/** One random stream; `next()` returns a uniform number in [0, 1) with 32 bits of resolution. */
export class Rng {
  private declare a: number;
  private declare b: number;
  private declare c: number;
  private declare d: number;
  private readonly batch = new Uint32Array(BATCH);
  /**
   * −ln(1 − u) of each number of the batch (an Exp(1) draw by inversion), made at the refill for a stream whose
   * draws are mostly exponential; null: each made when drawn. The same doubles either way, but 128 logarithms in a
   * row overlap in the processor, where one at a time each waits for the last: about 6 against 23 ns each on the
   * bench's machine, and round robin's bench row runs about 5 % faster for it.
   */
  private declare readonly areas: Float64Array | null;
  private pos = BATCH;

  constructor(seed: number, stream = '', areas = false) {
    this.areas = areas ? new Float64Array(BATCH) : null;
    const mix = splitmix32((seed >>> 0) ^ hashName(stream));
    // kept as int32 (the same bits: sfc32 works mod 2^32), so the fields hold small integers, never doubles
    this.a = mix() | 0; this.b = mix() | 0; this.c = mix() | 0; this.d = mix() | 1;
    for (let i = 0; i < 12; i++) this.nextUint32();
  }

  /** The next 32-bit number of the stream. */
  nextUint32(): number {
    if (this.pos === 128) this.refill();
    return this.batch[this.pos++];
  }

  /** A uniform number in [0, 1). */
  next(): number {
    if (this.pos === 128) this.refill();
    return this.batch[this.pos++] / 4294967296;
  }

  /** An Exp(1) draw by inversion: −ln(1 − u) of the next uniform u, exactly as `-Math.log(1 - next())`. */
  nextArea(): number {
    if (this.pos === 128) this.refill();
    const areas = this.areas;
    if (areas !== null) return areas[this.pos++];
    return -Math.log(1 - this.batch[this.pos++] / 4294967296);
  }

  /** −ln(1 − u) of the uniform u the last `next()` returned (an Exp(1) draw at the same quantile). */
  lastArea(): number {
    const areas = this.areas;
    if (areas !== null) return areas[this.pos - 1];
    return -Math.log(1 - this.batch[this.pos - 1] / 4294967296);
  }

  /** An integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.next() * n);
  }

  /** An independent copy at the same point of the stream (explanations replay a pick's draws on it). */
  clone(): Rng {
    const c = Object.create(Rng.prototype) as Rng;
    Object.assign(c, { a: this.a, b: this.b, c: this.c, d: this.d, pos: this.pos, batch: this.batch.slice(), areas: this.areas === null ? null : this.areas.slice() });
    return c;
  }

  /** True when `other` is at the same point of the same stream. */
  samePlace(other: Rng): boolean {
    return this.a === other.a && this.b === other.b && this.c === other.c && this.d === other.d && this.pos === other.pos;
  }

  /** The generator's next BATCH outputs, in order. */
  private refill(): void {
    // `| 0` tells the compiler the fields are int32 (they are), so the loop stays in integer registers
    let a = this.a | 0, b = this.b | 0, c = this.c | 0, d = this.d | 0;
    const out = this.batch;
    // four outputs a turn (BATCH is a multiple of four): the loop's every turn checked the output array again,
    // its body does not
    let t = 0;
    for (let i = 0; i < 128; i += 4) {
      t = (((a + b) | 0) + d) | 0;
      d = (d + 1) | 0;
      a = b ^ (b >>> 9);
      b = (c + (c << 3)) | 0;
      c = (((c << 21) | (c >>> 11)) + t) | 0;
      out[i] = t;
      t = (((a + b) | 0) + d) | 0;
      d = (d + 1) | 0;
      a = b ^ (b >>> 9);
      b = (c + (c << 3)) | 0;
      c = (((c << 21) | (c >>> 11)) + t) | 0;
      out[i + 1] = t;
      t = (((a + b) | 0) + d) | 0;
      d = (d + 1) | 0;
      a = b ^ (b >>> 9);
      b = (c + (c << 3)) | 0;
      c = (((c << 21) | (c >>> 11)) + t) | 0;
      out[i + 2] = t;
      t = (((a + b) | 0) + d) | 0;
      d = (d + 1) | 0;
      a = b ^ (b >>> 9);
      b = (c + (c << 3)) | 0;
      c = (((c << 21) | (c >>> 11)) + t) | 0;
      out[i + 3] = t;
    }
    this.a = a; this.b = b; this.c = c; this.d = d;
    this.pos = 0;
    const areas = this.areas;
    if (areas !== null) for (let i = 0; i < 128; i++) areas[i] = -Math.log(1 - out[i] / 4294967296);
  }
}

/**
 * The streams of one run, all derived from the scenario seed. Arrivals and service make their Exp(1) areas a batch at
 * a time: a Poisson gap is one, and so is an exponential service time (arrive.ts keeps the request's area beside its
 * quantile). A run whose service times are not exponential pays one logarithm a request for nothing.
 */
export function createStreams(seed: number): Record<StreamName, Rng> {
  const names: StreamName[] = ['arrivals', 'clients', 'mix', 'service', 'think', 'balancer', 'failures', 'health', 'dns', 'deploy', 'edge', 'attack', 'database', 'appliance'];
  return Object.fromEntries(names.map((n) => [n, new Rng(seed, n, n === 'arrivals' || n === 'service')])) as Record<StreamName, Rng>;
}
