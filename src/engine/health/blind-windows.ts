/**
 * The blind window: from the moment a target really fails (crash, hang, errors…) to the moment the
 * balancer stops sending it requests — by an active check, passive health, outlier ejection, a circuit
 * breaker or deregistration. Each window records how long detection took and how many requests
 * failed at that target meanwhile; a target that recovers first closes its window undetected.
 */
import type { Engine } from '../simulation.ts';
import type { BlindWindow } from '../types.ts';

const KEEP = 1000;

export class BlindWindows {
  private readonly since: number[] = [];
  private readonly failed: number[] = [];
  private readonly cause: string[] = [];
  readonly closed: BlindWindow[] = [];

  constructor(private readonly e: Engine) {}

  isOpen(t: number): boolean {
    const s = this.since[t];
    return s !== undefined && !Number.isNaN(s);
  }

  /** Target t really failed now (the first failure opens the window; later ones leave it as it is). */
  begin(t: number, cause: string): void {
    if (this.isOpen(t)) return;
    this.since[t] = this.e.nowMs;
    this.failed[t] = 0;
    this.cause[t] = cause;
  }

  /** A request failed at target t. */
  countFailure(t: number): void {
    if (this.isOpen(t)) this.failed[t]++;
  }

  /** Target t left rotation: if it had failed, its blind window ends here. */
  detected(t: number, by: string): void {
    if (!this.isOpen(t)) return;
    const e = this.e;
    const w = this.close(t, by);
    const id = e.store.ids[t];
    e.log.add(e.nowMs, 'detected', id, `${id} out of rotation ${(w.detectMs! / 1000).toFixed(1)} s after it ${w.cause} (by ${by}); ${w.failedRequests} request${w.failedRequests === 1 ? '' : 's'} failed in the blind window`);
  }

  /** Target t recovered while still in rotation: nobody noticed. */
  recovered(t: number): void {
    if (!this.isOpen(t)) return;
    this.close(t, null);
  }

  private close(t: number, by: string | null): BlindWindow {
    const now = this.e.nowMs;
    const w: BlindWindow = {
      target: this.e.store.ids[t],
      cause: this.cause[t],
      failedAtMs: this.since[t],
      endedAtMs: now,
      detectedBy: by,
      detectMs: by === null ? null : now - this.since[t],
      failedRequests: this.failed[t],
    };
    this.closed.push(w);
    if (this.closed.length > KEEP) this.closed.splice(0, this.closed.length - KEEP);
    this.since[t] = NaN;
    return w;
  }

  /** Windows still open now (endedAtMs null). */
  openWindows(): BlindWindow[] {
    const out: BlindWindow[] = [];
    this.since.forEach((s, t) => {
      if (s !== undefined && !Number.isNaN(s)) {
        out.push({ target: this.e.store.ids[t], cause: this.cause[t], failedAtMs: s, endedAtMs: null, detectedBy: null, detectMs: null, failedRequests: this.failed[t] });
      }
    });
    return out;
  }
}
