/**
 * EC2 Auto Scaling scheduled actions (real-systems §6.5): at a time, once or on a cron recurrence
 * (UTC), set any of min, max and desired. Not blocked by cooldowns; actions due at the same time run
 * in their listed order. Simplified: actions fire exactly on time (AWS may be up to 2 minutes late),
 * a late evaluation fires a recurring action once, and a min above the max is lowered to the max.
 */
import { CronSchedule, DEFAULT_EPOCH_MS } from '../cron.ts';
import { clampCapacity, type ScalingContext, type ScalingDecision, type ScalingPolicy } from '../policy.ts';

export interface ScheduledActionConfig {
  readonly name?: string;
  /** 5-field cron in UTC, e.g. "0 18 * * *"; absent = a one-time action at startMs. */
  readonly recurrence?: string;
  /** One-time: when it fires. Recurring: not before. Simulated ms; default 0. */
  readonly startMs?: number;
  /** Recurring: not after. Default never. */
  readonly endMs?: number;
  readonly min?: number;
  readonly max?: number;
  readonly desired?: number;
}

export interface ScheduledPolicyConfig {
  readonly name?: string;
  readonly actions: readonly ScheduledActionConfig[];
  /** Wall-clock time of simulated 0, for the cron. Default DEFAULT_EPOCH_MS (2026-01-01T00:00:00Z). */
  readonly epochMs?: number;
}

export class ScheduledPolicy implements ScalingPolicy {
  readonly kind = 'scheduled';
  readonly name: string;
  private readonly crons: (CronSchedule | null)[];
  /** Next firing per action (Infinity when done). */
  private readonly nextFireMs: number[];

  constructor(readonly config: ScheduledPolicyConfig) {
    this.name = config.name ?? 'scheduled actions';
    this.crons = config.actions.map((a) => (a.recurrence === undefined ? null : new CronSchedule(a.recurrence, config.epochMs ?? DEFAULT_EPOCH_MS)));
    this.nextFireMs = config.actions.map((a, i) => this.firstAfter(i, (a.startMs ?? 0) - 1));
  }

  /**
   * Fires every action due by ctx.nowMs, in time then list order. Returns a decision (with min and max)
   * whenever an action fires, even if nothing changes, so the engine can log it.
   */
  evaluate(ctx: ScalingContext): ScalingDecision | null {
    const due = this.config.actions
      .map((_, i) => i)
      .filter((i) => this.nextFireMs[i] <= ctx.nowMs)
      .sort((a, b) => this.nextFireMs[a] - this.nextFireMs[b] || a - b);
    if (due.length === 0) return null;
    let { min, max, desired } = ctx;
    const names: string[] = [];
    for (const i of due) {
      const a = this.config.actions[i];
      max = a.max ?? max;
      min = Math.min(a.min ?? min, max);
      desired = clampCapacity(a.desired ?? desired, min, max);
      names.push(a.name ?? `action ${i + 1}`);
      this.nextFireMs[i] = this.crons[i] === null ? Infinity : this.firstAfter(i, ctx.nowMs);
    }
    return { desired, min, max, reason: `${this.name}: ${names.join(', ')} → min ${min}, max ${max}, desired ${desired}` };
  }

  /** The earliest pending firing (Infinity when none); an overdue one means "evaluate now". */
  nextEvaluationMs(_nowMs: number): number {
    return Math.min(Infinity, ...this.nextFireMs);
  }

  /** When action `i` next fires strictly after `afterMs` (Infinity if never again). */
  private firstAfter(i: number, afterMs: number): number {
    const a = this.config.actions[i];
    const cron = this.crons[i];
    if (cron === null) return (a.startMs ?? 0) > afterMs ? (a.startMs ?? 0) : Infinity;
    const t = cron.next(Math.max(afterMs, (a.startMs ?? 0) - 1));
    return t === null || t > (a.endMs ?? Infinity) ? Infinity : t;
  }
}
