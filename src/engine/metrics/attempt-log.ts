/**
 * Every attempt of every request in flight, for the trace: the target, when it was sent and how it
 * ended, like nginx's `$upstream_addr` and `$upstream_status` (or HAProxy's retry count). Kept only when
 * a host asked for the trace; a finished request's attempts leave with its trace record, so the log
 * holds only the requests in flight.
 */
import type { Outcome, TraceAttempt } from '../types.ts';

export class AttemptLog {
  private readonly byId = new Map<number, TraceAttempt[]>();

  /** Request `id` is sent to `target` at `atMs`. */
  sent(id: number, target: string, atMs: number): void {
    const list = this.byId.get(id);
    const a: TraceAttempt = { target, outcome: 'in-flight', atMs };
    if (list === undefined) this.byId.set(id, [a]);
    else list.push(a);
  }

  /** The current attempt of request `id` ended with `outcome` (the request may go on). */
  ended(id: number, outcome: Outcome): void {
    const list = this.byId.get(id);
    if (list !== undefined && list[list.length - 1].outcome === 'in-flight') list[list.length - 1].outcome = outcome;
  }

  /** The attempts of request `id` so far (read only). */
  peek(id: number): readonly TraceAttempt[] {
    return this.byId.get(id) ?? [];
  }

  /** The request is over with `outcome`: its attempts, the last one ended, leave the log. */
  finish(id: number, outcome: Outcome): TraceAttempt[] {
    const list = this.byId.get(id);
    if (list === undefined) return [];
    this.byId.delete(id);
    if (list[list.length - 1].outcome === 'in-flight') list[list.length - 1].outcome = outcome;
    return list;
  }
}
