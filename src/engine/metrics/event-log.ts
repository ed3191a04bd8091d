/**
 * The log of notable happenings — a crash, a recovery, a target starting to reject — each with its
 * reason in plain words. Bounded: the oldest entries fall off; `since(seq)` returns what is new.
 */
import type { SimEvent } from '../types.ts';
import type { Decision } from '../decisions.ts';
import type { ValidationError } from '../../scenario/validated.ts';

export class EventLog {
  private entries: SimEvent[] = [];
  private seq = 0;

  /** `listener` hears of every entry as it is made (the CLI's --events), whatever the capacity. */
  constructor(
    private readonly capacity = 2000,
    private readonly listener: ((e: SimEvent) => void) | null = null,
  ) {}

  /** `decision`: the numbers behind the entry, when it reports a decision. */
  add(timeMs: number, kind: string, subject: string, message: string, decision?: Decision): void {
    const e: SimEvent = { seq: ++this.seq, timeMs, kind, subject, message };
    if (decision !== undefined) e.decision = decision;
    this.push(e);
  }

  /** A scheduled change not applied: the English line, and why as coded errors (for the page's words). */
  refused(timeMs: number, subject: string, message: string, refusal: ValidationError[]): void {
    this.push({ seq: ++this.seq, timeMs, kind: 'error', subject, message, refusal });
  }

  private push(e: SimEvent): void {
    this.entries.push(e);
    this.listener?.(e);
    if (this.entries.length > this.capacity) this.entries.splice(0, this.entries.length - this.capacity);
  }

  get lastSeq(): number {
    return this.seq;
  }

  since(seq = 0): SimEvent[] {
    const out: SimEvent[] = [];
    for (let i = this.entries.length - 1; i >= 0 && this.entries[i].seq > seq; i--) out.push(this.entries[i]);
    return out.reverse();
  }
}
