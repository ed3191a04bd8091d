/**
 * The blind window: from the moment a target really fails (crash, hang, errors…) to the moment the
 * balancer stops sending it requests — by an active check, passive health, outlier ejection, a circuit
 * breaker or deregistration. Each window records how long detection took and how many requests
 * failed at that target meanwhile; a target that recovers first closes its window undetected.
 * Data only: health/blind.ts opens and closes windows as the run goes.
 */
import type { BlindWindow } from '../types.ts';

const KEEP = 1000;

export class BlindWindows {
  private readonly since: number[] = [];
  private readonly failed: number[] = [];
  private readonly cause: string[] = [];
  readonly closed: BlindWindow[] = [];

  isOpen(t: number): boolean {
    const s = this.since[t];
    return s !== undefined && !Number.isNaN(s);
  }

  /** Target t really failed at `nowMs` (the first failure opens the window; later ones leave it as it is). */
  begin(t: number, nowMs: number, cause: string): void {
    if (this.isOpen(t)) return;
    this.since[t] = nowMs;
    this.failed[t] = 0;
    this.cause[t] = cause;
  }

  /** A request failed at target t. */
  countFailure(t: number): void {
    if (this.isOpen(t)) this.failed[t]++;
  }

  /** Closes t's open window at `nowMs`, detected `by` something (null: it recovered unnoticed). */
  close(t: number, targetId: string, nowMs: number, by: string | null): BlindWindow {
    const w: BlindWindow = {
      target: targetId,
      cause: this.cause[t],
      failedAtMs: this.since[t],
      endedAtMs: nowMs,
      detectedBy: by,
      detectMs: by === null ? null : nowMs - this.since[t],
      failedRequests: this.failed[t],
    };
    this.closed.push(w);
    if (this.closed.length > KEEP) this.closed.splice(0, this.closed.length - KEEP);
    this.since[t] = NaN;
    return w;
  }

  /** Windows still open now (endedAtMs null); `ids` names the targets. */
  openWindows(ids: readonly string[]): BlindWindow[] {
    const out: BlindWindow[] = [];
    this.since.forEach((s, t) => {
      if (s !== undefined && !Number.isNaN(s)) {
        out.push({ target: ids[t], cause: this.cause[t], failedAtMs: s, endedAtMs: null, detectedBy: null, detectMs: null, failedRequests: this.failed[t] });
      }
    });
    return out;
  }
}
