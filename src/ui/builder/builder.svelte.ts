/**
 * The builder's state: the scenario as it runs now (asked of the worker after every change), the node
 * selected, and undo/redo. Every edit is one `patch` change applied live; its inverse (derived from the
 * scenario just before it, scenario/inverse-patch.ts) is kept so that Ctrl+Z applies it, again as a live
 * patch listed under Live changes. A rewind or restart that drops changes empties undo and redo: the
 * inverses were made for a scenario that no longer runs.
 */
import type { Change, Scenario } from '../../scenario/schema.ts';
import type { PatchOp } from '../../scenario/json-patch.ts';
import type { ValidationError } from '../../scenario/validated.ts';
import { invertPatches } from '../../scenario/inverse-patch.ts';

export interface BuilderHost {
  /** The scenario as it runs now. */
  scenarioNow: () => Promise<Scenario>;
  /** Applies a live change: null, or the validator's errors (nothing changed then). */
  tryChange: (change: Change) => Promise<ValidationError[] | null>;
}

interface Step {
  label: string;
  forward: PatchOp[];
  inverse: PatchOp[];
}

export class Builder {
  scenario = $state.raw<Scenario | null>(null);
  selected = $state<string | null>(null);
  undoStack = $state.raw<Step[]>([]);
  redoStack = $state.raw<Step[]>([]);
  /** The last edit's outcome, for a polite live region. */
  status = $state('');
  readonly #host: BuilderHost;
  #changeCount = 0;

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

  /** The run's change log has this many entries now: fewer than we made means a rewind or restart. */
  sawChanges(count: number): void {
    if (count < this.#changeCount) {
      this.undoStack = [];
      this.redoStack = [];
    }
    this.#changeCount = count;
    void this.refresh();
  }

  /** Applies patches as one live change, keeping its inverse for undo. */
  async edit(patches: PatchOp[], label: string): Promise<ValidationError[] | null> {
    const refused = await this.#run(patches);
    if (refused !== null) return refused.errors;
    this.undoStack = [...this.undoStack, { label, forward: patches, inverse: this.#lastInverse }];
    this.redoStack = [];
    this.status = `Applied: ${label}.`;
    return null;
  }

  async undo(): Promise<void> {
    const step = this.undoStack[this.undoStack.length - 1];
    if (step === undefined) return;
    const refused = await this.#run(step.inverse);
    if (refused !== null) {
      this.status = `Could not undo ${step.label}: ${refused.errors.map((e) => `${e.path}: ${e.message}`).join('; ')}`;
      return;
    }
    this.undoStack = this.undoStack.slice(0, -1);
    this.redoStack = [...this.redoStack, { ...step, inverse: this.#lastInverse }];
    this.status = `Undone: ${step.label}.`;
  }

  async redo(): Promise<void> {
    const step = this.redoStack[this.redoStack.length - 1];
    if (step === undefined) return;
    const refused = await this.#run(step.forward);
    if (refused !== null) {
      this.status = `Could not redo ${step.label}: ${refused.errors.map((e) => `${e.path}: ${e.message}`).join('; ')}`;
      return;
    }
    this.redoStack = this.redoStack.slice(0, -1);
    this.undoStack = [...this.undoStack, { ...step, inverse: this.#lastInverse }];
    this.status = `Redone: ${step.label}.`;
  }

  #lastInverse: PatchOp[] = [];

  /** Applies patches live; null when applied (the inverse is then in #lastInverse), else the errors. */
  async #run(patches: PatchOp[]): Promise<{ errors: ValidationError[] } | null> {
    await this.refresh();
    const before = this.scenario;
    if (before === null) return { errors: [{ path: '(builder)', message: 'the run is not ready yet' }] };
    const inverse = invertPatches(before, patches);
    if (!inverse.ok) return { errors: inverse.errors };
    const refused = await this.#host.tryChange({ action: 'patch', patches: patches.map((p) => ({ op: p.op ?? 'replace', path: p.path, value: p.value })) } as Change);
    if (refused !== null) return { errors: refused };
    this.#lastInverse = inverse.value;
    this.#changeCount += 1;
    await this.refresh();
    return null;
  }
}
