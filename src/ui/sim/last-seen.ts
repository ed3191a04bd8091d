/**
 * Forms that refill from the run keep what the learner is typing. A form is refilled from the scenario as it
 * runs (after a change lands, a rewind, an undo); the scenario is fetched again after *every* change, whichever
 * control made it, so a form that refilled on each fetch threw away a draft when another control's change landed
 * between the learner's typing and their Apply — which then applied the old value (the Black Friday journey lost
 * three scaling groups' policies this way). A form refills only when what it shows has changed.
 */
export class LastSeen {
  #key: string | undefined;

  constructor(value?: unknown) {
    if (value !== undefined) this.#key = JSON.stringify(value);
  }

  /** True, remembering `value`, when it differs (as JSON) from the value seen before; false when it is the same. */
  changed(value: unknown): boolean {
    const key = JSON.stringify(value);
    if (key === this.#key) return false;
    this.#key = key;
    return true;
  }
}
