/**
 * A code chunk loaded when first needed, that can be asked for again after a failure (offline, or a new
 * deploy removed the old file): the page shows the failure with Retry instead of going blank. It is asked for
 * in a task of its own, and once loaded handed over in another, so that drawing the page that asks, running
 * the chunk's code and drawing what it holds are three tasks, not one long one.
 */
export class LazyChunk<T> {
  /** Bumped by retry(); reading it makes the template ask again. */
  attempt = $state(0);
  readonly #load: () => Promise<T>;
  #promise: Promise<T> | null = null;
  #promiseAttempt = -1;

  constructor(load: () => Promise<T>) {
    this.#load = load;
  }

  /** The chunk of the current attempt (loaded once per attempt). */
  get(attempt: number): Promise<T> {
    if (this.#promise === null || this.#promiseAttempt !== attempt) {
      // asked for in a task of its own too: the page that asks is drawn (its loading line) without waiting for
      // the import's preload links to be added, and the chunk's code runs in a later task again
      this.#promise = new Promise<void>((start) => setTimeout(start))
        .then(() => this.#load())
        .then((chunk) => new Promise<T>((resolve) => setTimeout(() => resolve(chunk))));
      this.#promiseAttempt = attempt;
    }
    return this.#promise;
  }

  retry(): void {
    this.attempt++;
  }
}
