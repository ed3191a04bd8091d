/**
 * claims.json: every number a lesson's prose states about a run, tied to the phrase that states it and to
 * how to measure it. The loader checks what it can without running anything (the phrase is in index.md,
 * the run's world and changes exist, the measure names things that exist, every reveal placeholder is
 * claimed and its fallback agrees with the claim); the content test runs each run and checks the numbers
 * (tests/content/support/claim-checks.ts, through claim-runs.ts). Format: docs/writing-lessons.md §8.
 */
import { z } from 'zod';
import type { TimedChange } from '../engine/goals/index.ts';
import type { LessonCondition } from './conditions.ts';
import { ConditionSchema, MAX_LESSON_SEC, TimedEntrySchema } from './schema.ts';

const id = z
  .string()
  .min(1)
  .max(40)
  .regex(/^[A-Za-z0-9][A-Za-z0-9_.-]*$/, 'use letters, digits, "_", "." or "-" (and start with a letter or digit)');
const text = (max: number) => z.string().trim().min(1).max(max);

/** A run a claim measures: a world, the changes made to it, and how far it runs. */
export const ClaimRunSchema = z.strictObject({
  /** "scenario" (the lesson's world) or the name of a scene. */
  world: id,
  /** Apply the lesson's solution first (at its times). */
  solution: z.boolean().optional(),
  /** More live changes, as in solution.json (`atSec` default 0). */
  changes: z.array(TimedEntrySchema).max(20).optional(),
  untilSec: z.number().gt(0).max(MAX_LESSON_SEC),
});

export const ClaimSchema = z
  .strictObject({
    /** Text that must appear in index.md (whitespace may differ): the sentence that states the number. */
    phrase: text(400),
    /** The name of a run in `runs`. */
    run: id,
    /** A reveal key (`window.web-1.failed`, `report.sessions.cartsLost`…): the number as a reveal shows it. */
    value: z.string().min(1).max(100).optional(),
    /** With `value`: the number exactly, where the seed makes it stable. */
    exactly: z.number().optional(),
    /** With `value`: a bound, where the number is a reading that may move a little. */
    atLeast: z.number().optional(),
    atMost: z.number().optional(),
    /** Instead of `value`: one condition, or several that must all hold (their bounds are the claim). */
    condition: z.union([ConditionSchema, z.array(ConditionSchema).min(1).max(4)]).optional(),
    /** Why the number is exact (a fixed seed and no live timing) or why it is a bound. */
    why: text(300),
  })
  .superRefine((c, ctx) => {
    const problem = (message: string, path: string[] = []) => ctx.addIssue({ code: 'custom', message, path });
    if ((c.value === undefined) === (c.condition === undefined)) problem('give either a value (a reveal key) or a condition');
    const bounded = c.atLeast !== undefined || c.atMost !== undefined;
    if (c.value !== undefined && (c.exactly === undefined) === !bounded) problem('with a value, give exactly, or atLeast/atMost');
    if (c.condition !== undefined && (c.exactly !== undefined || bounded)) problem('a condition carries its own bounds: no exactly, atLeast or atMost beside it');
  });

export const ClaimsFileSchema = z.strictObject({
  $schema: z.string().optional(),
  runs: z.record(id, ClaimRunSchema),
  claims: z.array(ClaimSchema).max(60),
});

/** A run, resolved: the world (null = the lesson's scenario), every change in time order (solution first), until when. */
export interface ClaimRun {
  name: string;
  world: string | null;
  changes: TimedChange[];
  untilSec: number;
}

export interface Claim {
  phrase: string;
  run: ClaimRun;
  /** A reveal key and its bound, or conditions that must all hold. */
  measure: { kind: 'value'; key: string; exactly?: number; atLeast?: number; atMost?: number } | { kind: 'conditions'; conditions: LessonCondition[] };
  why: string;
}

/** Collapses whitespace, so a phrase may wrap differently from the prose. */
export function normaliseSpace(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** Digits of a number as prose writes it: "1,069" and "1069" are both 1069; null when the text is no plain number. */
export function proseNumber(text: string): number | null {
  const t = text.replace(/,/g, '').trim();
  return /^-?\d+(\.\d+)?$/.test(t) ? Number(t) : null;
}

/** Does a number meet a value claim's bound? */
export function meetsClaim(n: number, m: { exactly?: number; atLeast?: number; atMost?: number }): boolean {
  if (m.exactly !== undefined) return n === m.exactly;
  return (m.atLeast === undefined || n >= m.atLeast) && (m.atMost === undefined || n <= m.atMost);
}
