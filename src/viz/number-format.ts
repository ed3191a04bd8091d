/**
 * The page's one number formatter: every number from the simulation is written on screen through here —
 * short, with units always shown, '—' when there is no value yet.
 *
 * Numbers follow the page's locale (src/i18n/locale.ts): English writes 1,234.5; Spanish writes 1234,5 and
 * 12 345 (a comma for decimals, a non-breaking space between groups, as the RAE recommends and as the
 * Spanish lessons write them; four-digit numbers stay ungrouped, as Intl's es-ES does).
 */
import { getLocale } from '../i18n/paraglide/runtime.js';
import { m } from '../i18n/paraglide/messages.js';

/** The Intl locale each page locale formats numbers with. */
const INTL_LOCALE: Record<string, string> = { en: 'en-GB', es: 'es-ES' };

interface Formatter {
  format(n: number): string;
}

const cache = new Map<string, Formatter>();

/** A formatter for the page's locale with at most `digits` decimals. */
function formatter(digits: number): Formatter {
  const locale = getLocale();
  const key = `${locale}:${digits}`;
  let f = cache.get(key);
  if (f === undefined) {
    const intl = new Intl.NumberFormat(INTL_LOCALE[locale] ?? 'en-GB', { maximumFractionDigits: digits });
    f = locale === 'es' ? { format: (n) => intl.formatToParts(n).map((p) => (p.type === 'group' ? '\u00a0' : p.value)).join('') } : intl;
    cache.set(key, f);
  }
  return f;
}

const one: Formatter = { format: (n) => formatter(1).format(n) };
const whole: Formatter = { format: (n) => formatter(0).format(n) };
const two: Formatter = { format: (n) => formatter(2).format(n) };

/** A plain number from a setting or the simulation, at most two decimals: 2.5, 1,200 (en); 2,5, 1200 (es). */
export function formatNumber(n: number): string {
  return Number.isFinite(n) ? two.format(n) : '—';
}

/** 0.4 → '0.4', 24 → '24', 1234 → '1.2k', 2500000 → '2.5M'. */
export function formatCompact(n: number): string {
  if (!Number.isFinite(n)) return '—';
  const a = Math.abs(n);
  if (a >= 1e6) return `${one.format(n / 1e6)}M`;
  if (a >= 1e4) return `${whole.format(n / 1e3)}k`;
  if (a >= 1e3) return `${one.format(n / 1e3)}k`;
  return a < 10 ? one.format(n) : whole.format(n);
}

/** Requests per second: '24/s'. */
export function formatRate(perSec: number): string {
  return Number.isFinite(perSec) ? `${formatCompact(perSec)}/s` : '—';
}

/** A percentage with its sign the page's way: '34%' in English, '34 %' (a non-breaking space first) in Spanish. */
function percentSign(text: string): string {
  return getLocale() === 'es' ? `${text}\u00a0%` : `${text}%`;
}

/** A share in 0..1: '34%' (one decimal below 10 %). */
export function formatPercent(share: number): string {
  if (!Number.isFinite(share)) return '—';
  const p = share * 100;
  return percentSign(p > 0 && p < 10 ? one.format(p) : whole.format(p));
}

/** Milliseconds: '4.2 ms', '420 ms', '4.2 s'. */
export function formatMs(ms: number): string {
  if (!Number.isFinite(ms)) return '—';
  if (ms >= 10_000) return `${whole.format(ms / 1000)} s`;
  if (ms >= 1000) return `${one.format(ms / 1000)} s`;
  return ms < 10 ? `${one.format(ms)} ms` : `${whole.format(ms)} ms`;
}

/** n with exactly `digits` decimals, in the page's decimal mark (no grouping: times line up in columns). */
function fixed(n: number, digits: number): string {
  const text = n.toFixed(digits);
  return getLocale() === 'es' ? text.replace('.', ',') : text;
}

/** Simulated time as seconds: '12.4 s'. */
export function formatSeconds(ms: number): string {
  return Number.isFinite(ms) ? `${fixed(ms / 1000, 1)} s` : '—';
}

/** Simulated time as a clock from the run's start, for runs of hours: '18:05:09' (whole seconds, rounded down). */
export function formatClock(ms: number): string {
  if (!Number.isFinite(ms) || ms < 0) return '—';
  const sec = Math.floor(ms / 1000);
  const two = (n: number): string => String(n).padStart(2, '0');
  return `${Math.floor(sec / 3600)}:${two(Math.floor(sec / 60) % 60)}:${two(sec % 60)}`;
}

/** A whole count with thousands separators: '1,234'. */
export function formatCount(n: number): string {
  return Number.isFinite(n) ? whole.format(n) : '—';
}

/** Requests per second written out, for headline figures: '1,234 req/s' ('1234 sol./s' in Spanish). */
export function formatRequestRate(perSec: number): string {
  return Number.isFinite(perSec) ? `${whole.format(perSec)} ${m.unit_req_per_sec()}` : '—';
}

/** Simulated time with milliseconds, for stepping event by event: '12.345 s'. */
export function formatSecondsPrecise(ms: number): string {
  return Number.isFinite(ms) ? `${fixed(ms / 1000, 3)} s` : '—';
}

/** A share in 0..1 as a whole percentage, for tables: '34%'. */
export function formatShare(x: number): string {
  return Number.isFinite(x) ? percentSign(String(Math.round(x * 100))) : '—';
}

/** A count too large to read digit by digit, in words: '86.4 billion', '2.5 million', else '1,234'. */
export function formatLargeCount(n: number): string {
  if (!Number.isFinite(n)) return '—';
  if (Math.abs(n) >= 1e9) return m.num_billion({ n: one.format(n / 1e9) });
  if (Math.abs(n) >= 1e6) return m.num_million({ n: one.format(n / 1e6) });
  return whole.format(n);
}

/** A wall-clock duration for people: '40 s', '12 min', '3.5 hours', '2.1 days'. */
export function formatDuration(ms: number): string {
  if (!Number.isFinite(ms)) return '—';
  const sec = ms / 1000;
  if (sec < 90) return `${Math.max(1, Math.round(sec))} s`;
  if (sec < 5400) return `${Math.round(sec / 60)} min`;
  if (sec < 172_800) return m.num_hours({ n: one.format(sec / 3600) });
  return m.num_days({ n: one.format(sec / 86_400) });
}

/**
 * A number the engine already wrote in English ('3.0', '1,234', '12.5') rewritten in the page's locale,
 * digits kept as written ('3,0', '1234', '12,5' in Spanish); anything else is returned unchanged.
 */
export function localizeNumberText(text: string): string {
  if (getLocale() !== 'es') return text;
  const parts = /^(-?)(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?$/.exec(text);
  if (parts === null) return text;
  const digits = parts[2].replace(/,/g, '');
  const grouped = digits.length >= 5 ? digits.replace(/\B(?=(\d{3})+(?!\d))/g, '\u00a0') : digits;
  return `${parts[1]}${grouped}${parts[3] === undefined ? '' : `,${parts[3]}`}`;
}
