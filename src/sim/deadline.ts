import { m } from '../i18n/paraglide/messages.js';

/** A question to the worker that has not been answered in time: the worker is treated as dead (its message, in the page's language, is the crash notice's reason). */
export class NoAnswerError extends Error {
  constructor(readonly waitedMs: number) {
    super(m.sim_no_answer({ seconds: Math.round(waitedMs / 1000) }));
    this.name = 'NoAnswerError';
  }
}

/** Resolves like `answer`, or rejects with NoAnswerError after `timeoutMs` of wall-clock time. */
export function withDeadline<T>(answer: Promise<T>, timeoutMs: number): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new NoAnswerError(timeoutMs)), timeoutMs);
    answer.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error instanceof Error ? error : new Error(String(error)));
      },
    );
  });
}
