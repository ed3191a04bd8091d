/**
 * A code chunk loaded when first needed, that can be asked for again after a failure (offline, or a new
 * deploy removed the old file): the page shows the failure with Retry instead of going blank. Once loaded,
 * the chunk is handed over in a task of its own, so that running its code and drawing what it holds are
 * two tasks, not one long one.
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
      this.#promise = this.#load().then((chunk) => new Promise<T>((resolve) => setTimeout(() => resolve(chunk))));
      this.#promiseAttempt = attempt;
    }
    return this.#promise;
  }

  retry(): void {
    this.attempt++;
  }
}
