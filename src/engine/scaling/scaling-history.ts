/** Per-second history of a scaling group (desired, in service, launched, CPU), bounded to the last hour. */
const CAP = 3600;

export interface ScalingSeries {
  startSec: number;
  desired: Float64Array;
  inService: Float64Array;
  live: Float64Array;
  cpu: Float64Array;
}

export class ScalingHistory {
  private n = 0;
  private readonly desired = new Float64Array(CAP);
  private readonly inService = new Float64Array(CAP);
  private readonly live = new Float64Array(CAP);
  private readonly cpu = new Float64Array(CAP);

  push(desired: number, inService: number, live: number, cpu: number): void {
    const i = this.n++ % CAP;
    this.desired[i] = desired;
    this.inService[i] = inService;
    this.live[i] = live;
    this.cpu[i] = cpu;
  }

  export(): ScalingSeries {
    const len = Math.min(this.n, CAP);
    const start = this.n - len;
    const pick = (a: Float64Array) => Float64Array.from({ length: len }, (_, k) => a[(start + k) % CAP]);
    return { startSec: start, desired: pick(this.desired), inService: pick(this.inService), live: pick(this.live), cpu: pick(this.cpu) };
  }
}
