/**
 * The 5-field Unix cron of EC2 Auto Scaling scheduled actions: minute hour day-of-month month
 * day-of-week, with *, lists, ranges, steps and JAN–DEC / SUN–SAT names, evaluated in UTC. As in Vixie
 * cron, when both day fields are restricted a day matching either one fires. Simulated time 0 is a
 * configurable epoch, by default 2026-01-01T00:00:00Z (a Thursday). Not supported: time zones and DST,
 * EventBridge extensions (?, L, W, #), and the up-to-2-minute execution lag of real actions. A bad expression's
 * error carries a code and values (error-codes.ts), so the page can say it in its own language.
 */
import { coded, type ErrorCode } from './error-codes.ts';
import type { ErrorParam, ValidationError } from './validated.ts';

/** Simulated time 0 by default: 2026-01-01T00:00:00Z, a Thursday (UTC day 4). */
export const DEFAULT_EPOCH_MS = Date.UTC(2026, 0, 1);

const MONTHS = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'];
const DAYS = ['SUN', 'MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT'];
const FIELDS = [
  { name: 'minute', lo: 0, hi: 59, names: [] as string[], base: 0 },
  { name: 'hour', lo: 0, hi: 23, names: [], base: 0 },
  { name: 'day of month', lo: 1, hi: 31, names: [], base: 0 },
  { name: 'month', lo: 1, hi: 12, names: MONTHS, base: 1 },
  { name: 'day of week', lo: 0, hi: 7, names: DAYS, base: 0 },
];

/** A bad cron expression: its English sentence, and the code and values the page words it from. */
export class CronError extends Error {
  readonly error: ValidationError;
  constructor(code: ErrorCode, params: Readonly<Record<string, ErrorParam>>) {
    const error = coded('', code, params);
    super(error.message);
    this.error = error;
  }
}

function parseValue(text: string, field: (typeof FIELDS)[number]): number {
  const named = field.names.indexOf(text.toUpperCase());
  const n = named >= 0 ? named + field.base : /^\d+$/.test(text) ? Number(text) : NaN;
  if (!(n >= field.lo && n <= field.hi)) throw new CronError('val_cron_value', { cronField: field.name, text, lo: field.lo, hi: field.hi });
  return n;
}

function parseField(text: string, field: (typeof FIELDS)[number]): boolean[] {
  const allowed = new Array<boolean>(field.hi + 1).fill(false);
  for (const item of text.split(',')) {
    const [range, stepText, extra] = item.split('/');
    const step = stepText === undefined ? 1 : Number(stepText);
    if (extra !== undefined || !Number.isInteger(step) || step < 1) throw new CronError('val_cron_step', { cronField: field.name, item });
    let lo: number;
    let hi: number;
    if (range === '*') [lo, hi] = [field.lo, field.hi];
    else if (range.includes('-')) {
      const ends = range.split('-');
      if (ends.length !== 2) throw new CronError('val_cron_range', { cronField: field.name, item });
      [lo, hi] = [parseValue(ends[0], field), parseValue(ends[1], field)];
    }
    else [lo, hi] = [parseValue(range, field), stepText === undefined ? parseValue(range, field) : field.hi];
    if (lo > hi) throw new CronError('val_cron_empty', { cronField: field.name, item });
    for (let v = lo; v <= hi; v += step) allowed[v] = true;
  }
  return allowed;
}

export class CronSchedule {
  private readonly minutes: boolean[];
  private readonly hours: boolean[];
  private readonly days: boolean[];
  private readonly months: boolean[];
  private readonly weekdays: boolean[];
  private readonly eitherDay: boolean;

  /** Throws an Error naming the bad field when `expression` is not valid 5-field cron. */
  constructor(
    readonly expression: string,
    readonly epochMs = DEFAULT_EPOCH_MS,
  ) {
    const parts = expression.trim().split(/\s+/);
    if (parts.length !== 5) throw new CronError('val_cron_fields', { count: parts.length });
    [this.minutes, this.hours, this.days, this.months, this.weekdays] = parts.map((p, i) => parseField(p, FIELDS[i]));
    if (this.weekdays[7]) this.weekdays[0] = true;
    this.eitherDay = !parts[2].startsWith('*') && !parts[4].startsWith('*');
  }

  /** The first firing strictly after `afterMs` (simulated ms), or null if it never fires (e.g. 30 Feb). */
  next(afterMs: number): number | null {
    let t = (Math.floor((this.epochMs + afterMs) / 60_000) + 1) * 60_000;
    const lastYear = new Date(t).getUTCFullYear() + 8;
    for (;;) {
      const d = new Date(t);
      const [y, mo, day, h] = [d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate(), d.getUTCHours()];
      if (y > lastYear) return null;
      if (!this.months[mo + 1]) t = Date.UTC(y, mo + 1, 1);
      else if (!this.dayMatches(day, d.getUTCDay())) t = Date.UTC(y, mo, day + 1);
      else if (!this.hours[h]) t = Date.UTC(y, mo, day, h + 1);
      else if (!this.minutes[d.getUTCMinutes()]) t += 60_000;
      else return t - this.epochMs;
    }
  }

  private dayMatches(dayOfMonth: number, dayOfWeek: number): boolean {
    const dom = this.days[dayOfMonth];
    const dow = this.weekdays[dayOfWeek];
    return this.eitherDay ? dom || dow : dom && dow;
  }
}

/** Why `expression` is not valid cron (its English sentence, code and values; no path), or null. */
export function cronError(expression: string): ValidationError | null {
  try {
    new CronSchedule(expression);
    return null;
  } catch (e) {
    return e instanceof CronError ? e.error : { path: '', message: (e as Error).message };
  }
}
