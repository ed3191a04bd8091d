/**
 * A challenge's score, like Learn Git Branching's golf: three numbers from the run at the lesson check, the
 * learner's best kept in progress, and a short code a teacher can read back.
 *
 * The score: goodput under the SLO (requests per second that succeeded within the scenario's `slo.latencyMs`,
 * `metrics().slo.goodPerSec`), availability (1 − error rate) and cost per million good requests
 * (`cost.perMillionGoodUsd`: instances, balancers and data transfer). A better score costs less per million
 * good requests; at equal cost (to the micro-dollar), more goodput wins, then more availability.
 *
 * The code: `L<lesson>-<goodput req/s>-<availability in hundredths of a percent>-<µ$ per million good>-<check>`,
 * for instance `L22-998441-10000-178212-4F0C19A2`. The check is 32-bit FNV-1a (completion-code.ts) over the
 * fields and the learner's name as sorted JSON. It catches a mistyped or edited code. It is NOT a cryptographic
 * proof: the recipe is public, so anyone can compute a matching check for any numbers.
 */
import { m } from '../i18n/paraglide/messages.js';
import type { MetricsReport } from '../engine/types.ts';
import { canonicalJson, fnv1a32 } from './completion-code.ts';

export interface Score {
  /** Requests per second that succeeded within the SLO. */
  goodPerSec: number;
  /** 1 − error rate, 0 to 1. */
  availability: number;
  /** USD per million requests within the SLO (null when none was good). */
  costPerMillionGoodUsd: number | null;
}

/** The score of a run, from its report, rounded as the code keeps it (so a best and its code agree). */
export function scoreOf(m: MetricsReport): Score {
  return {
    goodPerSec: Math.round(m.slo.goodPerSec),
    availability: Math.round((1 - m.errorRate) * 10_000) / 10_000,
    costPerMillionGoodUsd: m.cost.perMillionGoodUsd === null ? null : Math.round(m.cost.perMillionGoodUsd * 1e6) / 1e6,
  };
}

/** Whether `a` beats `b` (see the module header); any score beats none. */
export function beats(a: Score, b: Score | undefined): boolean {
  if (b === undefined) return true;
  const cost = (s: Score) => s.costPerMillionGoodUsd ?? Infinity;
  if (cost(a) !== cost(b)) return cost(a) < cost(b);
  if (a.goodPerSec !== b.goodPerSec) return a.goodPerSec > b.goodPerSec;
  return a.availability > b.availability;
}

function check(lesson: number, learner: string, good: number, availBp: number, costMicro: number): string {
  const text = canonicalJson({ lesson, learner: learner.trim(), good, availBp, costMicro });
  return fnv1a32(new TextEncoder().encode(text)).toString(16).toUpperCase().padStart(8, '0');
}

/** The code for a score in lesson number `lesson` by `learner` (may be empty). */
export function scoreCode(lesson: number, learner: string, s: Score): string {
  const availBp = Math.round(s.availability * 10_000);
  const costMicro = s.costPerMillionGoodUsd === null ? 0 : Math.round(s.costPerMillionGoodUsd * 1e6);
  return `L${lesson}-${s.goodPerSec}-${availBp}-${costMicro}-${check(lesson, learner, s.goodPerSec, availBp, costMicro)}`;
}

export type ReadCode = { ok: true; lesson: number; score: Score; matches: boolean } | { ok: false; message: string };

const CODE = /^L(\d{1,3})-(\d{1,9})-(\d{1,5})-(\d{1,12})-([0-9A-F]{8})$/;

/** Reads a code back: its fields, and whether its check matches them for this learner's name. */
export function readScoreCode(code: string, learner: string): ReadCode {
  const parts = CODE.exec(code.trim().toUpperCase());
  if (parts === null) return { ok: false, message: m.teach_code_not_score({ example: 'L22-998441-10000-178212-4F0C19A2' }) };
  const [lesson, good, availBp, costMicro] = parts.slice(1, 5).map(Number);
  if (availBp > 10_000) return { ok: false, message: m.teach_code_damaged() };
  const score: Score = { goodPerSec: good, availability: availBp / 10_000, costPerMillionGoodUsd: costMicro === 0 ? null : costMicro / 1e6 };
  return { ok: true, lesson, score, matches: check(lesson, learner, good, availBp, costMicro) === parts[5] };
}
