/** The narrator machine with its one effect supplied: what it says goes to `line`, for a live region. */
import { createActor, type Actor } from 'xstate';
import { narratorMachine } from '../../machines/narrator.machine.ts';

export class Narrator {
  /** The latest sentence; a live region reads it when it changes. */
  line = $state('');
  readonly #actor: Actor<typeof narratorMachine>;

  constructor() {
    this.#actor = createActor(narratorMachine.provide({ actions: { say: (_, { text }) => (this.line = text) } })).start();
  }

  note(text: string): void {
    this.#actor.send({ type: 'narrator.note', text });
  }

  clear(): void {
    this.#actor.send({ type: 'narrator.clear' });
  }

  dispose(): void {
    this.#actor.stop();
  }
}
