/**
 * Sampled request flows for the view: one in every N requests is drawn, with a departure record when
 * the balancer sends it and a final record with its timing (arrival, service start, end) and outcome,
 * so the page can animate dots timed by the simulation.
 * N adapts to the arrival rate (about 250 flows per simulated second) unless fixed by the host.
 * Bounded: if the host does not collect them, the oldest are overwritten. A host that never draws them
 * (the CLI, the bench) turns the recorder off when it creates the run (`flows: false`): then no request is
 * sampled and nothing is recorded, and every other result of the run is the same.
 */
import { FLOW_STRIDE } from '../types.ts';

/** Records kept (a power of two: the ring wraps with a mask). */
const CAPACITY = 4096;
const WRAP = CAPACITY - 1;
const TARGET_PER_SECOND = 250;

export class FlowRecorder {
  private readonly buf = new Float64Array(CAPACITY * FLOW_STRIDE);
  private start = 0;
  private size = 0;
  private counter = 0;
  declare sampleEvery: number;

  private declare readonly fixedEvery: number;
  /** False when the host never draws flows: no request is sampled. */
  declare readonly on: boolean;

  constructor(fixedEvery: number, on = true) {
    this.fixedEvery = fixedEvery;
    this.on = on;
    this.sampleEvery = fixedEvery > 0 ? fixedEvery : 1;
  }

  /** Decides at arrival whether a request is drawn (one in `sampleEvery`). */
  take(): boolean {
    if (this.on === false) return false;
    if (++this.counter < this.sampleEvery) return false;
    this.counter = 0;
    return true;
  }

  /** Records one flow record of a sampled request. */
  record(id: number, target: number, arrivalMs: number, startMs: number, endMs: number, outcome: number): void {
    const i = ((this.start + this.size) & WRAP) * FLOW_STRIDE;
    if (this.size === CAPACITY) this.start = (this.start + 1) & WRAP;
    else this.size++;
    const b = this.buf;
    b[i] = id;
    b[i + 1] = target;
    b[i + 2] = arrivalMs;
    b[i + 3] = startMs;
    b[i + 4] = endMs;
    b[i + 5] = outcome;
  }

  /** Called once per simulated second with that second's arrivals. */
  adapt(arrivedLastSecond: number): void {
    if (this.fixedEvery === 0) this.sampleEvery = Math.max(1, Math.ceil(arrivedLastSecond / TARGET_PER_SECOND));
  }

  /** Everything recorded since the last drain, oldest first; reading changes nothing. */
  pending(): Float64Array {
    const out = new Float64Array(this.size * FLOW_STRIDE);
    // at most two runs of the ring: from the oldest record to the ring's end, then from its start
    const first = Math.min(this.size, CAPACITY - this.start);
    out.set(this.buf.subarray(this.start * FLOW_STRIDE, (this.start + first) * FLOW_STRIDE), 0);
    out.set(this.buf.subarray(0, (this.size - first) * FLOW_STRIDE), first * FLOW_STRIDE);
    return out;
  }

  /** Forgets what was recorded: the next `pending()` starts from here. */
  drain(): void {
    this.start = 0;
    this.size = 0;
  }
}
