/**
 * The messages a lesson sends to the page that embeds it (an iframe on a learning platform), documented in
 * docs/embed.md. Pure: each call compares the lesson's state before and after a change and says what to send.
 * Every message is plain data: `{ source: 'balancer-lab', version: 1, type, … }`.
 */

export const EMBED_SOURCE = 'balancer-lab';
export const EMBED_VERSION = 1;

interface Base {
  source: typeof EMBED_SOURCE;
  version: typeof EMBED_VERSION;
  /** The lesson's slug. */
  lesson: string;
}

export type EmbedMessage =
  | (Base & { type: 'step-reached'; step: number; stepCount: number; title: string })
  | (Base & { type: 'goal-met'; goal: string; label: string })
  | (Base & { type: 'lesson-completed'; solved: boolean; stepCount: number });

/** What the messages are worked out from: the lesson machine's step, goals and status. */
export interface LessonMoment {
  step: number;
  goals: readonly { id: string; label: string; met: boolean }[];
  passed: boolean;
  solved: boolean;
}

/** The parts of a lesson the messages name. */
export interface MessagedLesson {
  slug: string;
  steps: readonly { number: number; title: string }[];
}

/** The messages for a change from `before` (null: the lesson just opened) to `after`. */
export function lessonMessages(lesson: MessagedLesson, before: LessonMoment | null, after: LessonMoment): EmbedMessage[] {
  const base = { source: EMBED_SOURCE, version: EMBED_VERSION, lesson: lesson.slug } as const;
  const out: EmbedMessage[] = [];
  if (before === null || before.step !== after.step) {
    const title = lesson.steps.find((s) => s.number === after.step)?.title ?? '';
    out.push({ ...base, type: 'step-reached', step: after.step, stepCount: lesson.steps.length, title });
  }
  const metBefore = new Set((before?.goals ?? []).filter((g) => g.met).map((g) => g.id));
  for (const g of after.goals) if (g.met && !metBefore.has(g.id)) out.push({ ...base, type: 'goal-met', goal: g.id, label: g.label });
  if (after.passed && !(before?.passed ?? false)) out.push({ ...base, type: 'lesson-completed', solved: after.solved, stepCount: lesson.steps.length });
  return out;
}

/** Sends messages to the embedding page, if there is one (nothing happens in a page of its own). */
export function postToEmbedder(messages: readonly EmbedMessage[], target: Window | null = typeof window === 'undefined' ? null : window.parent): void {
  if (target === null || typeof window === 'undefined' || target === window) return;
  for (const m of messages) target.postMessage(m, '*');
}
