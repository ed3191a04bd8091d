/**
 * A request's journey as plain data: what happened to it, where, and why, with the numbers that decided
 * each step. The recorder (recorder.ts) writes journeys; the CLI prints them and the lab draws them.
 */
import type { Outcome } from '../types.ts';
import { num, type Words } from './phrase.ts';

/** What a step is about, for drawing (the waterfall colours phases by it). */
export type StepKind = 'arrive' | 'dns' | 'balancer' | 'route' | 'choose' | 'send' | 'queue' | 'service' | 'session-store' | 'database' | 'retry' | 'timeout' | 'outcome';

export interface JourneyStep {
  /** Simulated time the step happened (or began), ms. */
  atMs: number;
  /** Where it happened: client, resolver, balancer node, target group, target. */
  where: string;
  /** What happened. */
  what: string;
  /** Why, with the numbers that decided it. */
  why: string;
  kind: StepKind;
  /** For phases that last (queued, in service, at the database): when it ended, ms. */
  untilMs?: number;
  /** The same words as data, for the page to word in its language (phrase.ts). */
  say: { where: Words; what: Words; why: Words };
}

export interface Journey {
  id: number;
  /** 'in-flight' while the request is not finished. */
  outcome: Outcome | 'in-flight';
  /** Arrival to finish, ms (null while in flight). */
  latencyMs: number | null;
  arrivalMs: number;
  /** Attempts made (1 without retries). */
  attempts: number;
  steps: JourneyStep[];
}

/** HTTP status (or what the client sees) for each failure reason. */
export const STATUS_OF: Readonly<Record<Outcome, string>> = {
  ok: '200',
  rejected: '503',
  timeout: '504',
  refused: '502',
  'no-target': '503',
  'no-route': '404',
  error: '500',
  unreachable: 'connection failed',
  'rate-limited': '429',
  blocked: '403',
  'lb-overloaded': '503',
};

export { num };

/** Seconds from ms, for step text ("12.5 s"). */
export function sec(ms: number): string {
  return `${num(ms / 1000)} s`;
}
