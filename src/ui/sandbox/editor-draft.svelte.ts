/**
 * The sandbox's JSON editor text and what is wrong with it. The text is the learner's work: it is only
 * replaced when they open another scenario, never by a failed run or import. Checked as they type (after
 * a pause): syntax on the page, the schema in the worker, each error with its path and line.
 */
import type { ValidationError } from '../../scenario/validate.ts';
import type { SimWorker } from '../../sim/sim-worker.ts';
import { lineOf, parseJson, pathLines } from './json-lines.ts';

export interface LocatedError extends ValidationError {
  line: number | null;
}

const CHECK_AFTER_MS = 300;

export class EditorDraft {
  text = $state('');
  errors = $state.raw<LocatedError[]>([]);
  /** Whether the text differs from the running scenario's. */
  edited = $state(false);
  readonly #worker: SimWorker;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #checks = 0;

  constructor(worker: SimWorker) {
    this.#worker = worker;
  }

  /** Shows a document that was just opened (not an edit). */
  show(source: unknown): void {
    clearTimeout(this.#timer);
    this.text = JSON.stringify(source, null, 2);
    this.errors = [];
    this.edited = false;
  }

  /** The learner typed: check again after a pause. */
  edit(text: string): void {
    this.text = text;
    this.edited = true;
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => void this.check(), CHECK_AFTER_MS);
  }

  /** Parses and checks the text now; the parsed document when it is valid, else null (errors shown). */
  async check(): Promise<unknown> {
    clearTimeout(this.#timer);
    const text = this.text;
    const check = ++this.#checks;
    const parsed = parseJson(text);
    if (!parsed.ok) {
      this.errors = [{ ...parsed.error, line: parsed.line }];
      return null;
    }
    let errors: ValidationError[] | null;
    try {
      errors = await this.#worker.ask((api) => api.check(parsed.value));
    } catch {
      return null; // the worker died; the page says so
    }
    if (check !== this.#checks) return null;
    this.locate(errors ?? [], text);
    return errors === null ? parsed.value : null;
  }

  /** Shows errors (from a check or a refused run) next to their lines in `text`. */
  locate(errors: readonly ValidationError[], text = this.text): void {
    const lines = pathLines(text);
    this.errors = errors.map((e) => ({ ...e, line: lineOf(lines, e.path) }));
  }
}
