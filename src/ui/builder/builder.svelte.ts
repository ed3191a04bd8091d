/**
 * The builder's state: the scenario as it runs now (asked of the worker after every change), the node
 * selected, and undo/redo. Every edit is one `patch` change applied live; its inverse (derived from the
 * scenario just before it, scenario/inverse-patch.ts) is kept so that Ctrl+Z applies it, again as a live
 * patch listed under Live changes.
 *
 * Undo and redo stay consistent with the run's change log: each step remembers the logged change that made
 * the scenario it undoes (its place in the log and the change itself). A step is kept only while that change
 * is still in the log at its place and not later than now; so a rewind to before an edit drops that edit's
 * step (and every later one: the log is in time order), a new change after a rewind (which drops the logged
 * future) or a restart without the changes empties what they removed, and a rewind to a moment after all the
 * edits keeps them undoable.
 */
import type { Change, Scenario } from '../../scenario/schema.ts';
import type { PatchOp } from '../../scenario/json-patch.ts';
import type { ValidationError } from '../../scenario/validated.ts';
import { invertPatches } from '../../scenario/inverse-patch.ts';
import { errorLine } from '../../i18n/validation-words.ts';
import { m } from '../../i18n/paraglide/messages.js';

/** A change as the run's log holds it (sim/sim-session's LoggedChange). */
export interface LogEntry {
  atMs: number;
  change: Change;
}

export interface BuilderHost {
  /** The scenario as it runs now. */
  scenarioNow: () => Promise<Scenario>;
  /** The run's change log now (updated before tryChange answers). */
  changeLog: () => readonly LogEntry[];
  /** The run's simulated time now. */
  nowMs: () => number;
  /** Applies a live change: null, or the validator's errors (nothing changed then). */
  tryChange: (change: Change) => Promise<ValidationError[] | null>;
}

/** Where the change that made a step's state sits in the log, and the change as JSON. */
interface Logged {
  index: number;
  change: string;
}

interface Step {
  label: string;
  forward: PatchOp[];
  inverse: PatchOp[];
  /** The logged change whose effect this step undoes (undo) or whose undoing it redoes (redo). */
  logged: Logged;
}

export class Builder {
  scenario = $state.raw<Scenario | null>(null);
  selected = $state<string | null>(null);
  undoStack = $state.raw<Step[]>([]);
  redoStack = $state.raw<Step[]>([]);
  /** The last edit's outcome, for a polite live region. */
  status = $state('');
  readonly #host: BuilderHost;

  constructor(host: BuilderHost) {
    this.#host = host;
  }

  /** Asks the worker for the scenario as it runs now. */
  async refresh(): Promise<void> {
    try {
      this.scenario = await this.#host.scenarioNow();
    } catch {
      // the run is being replaced or the worker stopped: keep what is shown
    }
  }

  /** The run's change log changed (a change, a rewind, a restart): keeps the steps it still holds, and shows the scenario now. */
  sawChanges(): void {
    const log = this.#host.changeLog();
    const now = this.#host.nowMs();
    const holds = (step: Step): boolean => {
      const entry = log[step.logged.index];
      return entry !== undefined && entry.atMs <= now && JSON.stringify(entry.change) === step.logged.change;
    };
    if (!this.undoStack.every(holds)) this.undoStack = this.undoStack.filter(holds);
    if (!this.redoStack.every(holds)) this.redoStack = this.redoStack.filter(holds);
    void this.refresh();
  }

  /** Applies patches as one live change, keeping its inverse for undo. */
  async edit(patches: PatchOp[], label: string): Promise<ValidationError[] | null> {
    const refused = await this.#run(patches);
    if (refused !== null) return refused.errors;
    this.undoStack = [...this.undoStack, { label, forward: patches, inverse: this.#lastInverse, logged: this.#lastLogged }];
    this.redoStack = [];
    this.status = m.builder_applied({ label });
    return null;
  }

  async undo(): Promise<void> {
    const step = this.undoStack[this.undoStack.length - 1];
    if (step === undefined) return;
    const refused = await this.#run(step.inverse);
    if (refused !== null) {
      this.status = m.builder_undo_refused({ label: step.label, errors: refused.errors.map(errorLine).join('; ') });
      return;
    }
    this.undoStack = this.undoStack.slice(0, -1);
    this.redoStack = [...this.redoStack, { ...step, inverse: this.#lastInverse, logged: this.#lastLogged }];
    this.status = m.builder_undone({ label: step.label });
  }

  async redo(): Promise<void> {
    const step = this.redoStack[this.redoStack.length - 1];
    if (step === undefined) return;
    const refused = await this.#run(step.forward);
    if (refused !== null) {
      this.status = m.builder_redo_refused({ label: step.label, errors: refused.errors.map(errorLine).join('; ') });
      return;
    }
    this.redoStack = this.redoStack.slice(0, -1);
    this.undoStack = [...this.undoStack, { ...step, inverse: this.#lastInverse, logged: this.#lastLogged }];
    this.status = m.builder_redone({ label: step.label });
  }

  #lastInverse: PatchOp[] = [];
  #lastLogged: Logged = { index: -1, change: '' };

  /** Applies patches live; null when applied (the inverse is then in #lastInverse), else the errors. */
  async #run(patches: PatchOp[]): Promise<{ errors: ValidationError[] } | null> {
    await this.refresh();
    const before = this.scenario;
    if (before === null) return { errors: [{ path: '(builder)', message: m.builder_not_ready() }] };
    const inverse = invertPatches(before, patches);
    if (!inverse.ok) return { errors: inverse.errors };
    const refused = await this.#host.tryChange({ action: 'patch', patches: patches.map((p) => ({ op: p.op ?? 'replace', path: p.path, value: p.value })) } as Change);
    if (refused !== null) return { errors: refused };
    this.#lastInverse = inverse.value;
    const log = this.#host.changeLog();
    this.#lastLogged = { index: log.length - 1, change: JSON.stringify(log[log.length - 1]?.change) };
    await this.refresh();
    return null;
  }
}
