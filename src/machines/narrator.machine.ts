/**
 * The narrator: turns notable simulation events into sentences for a screen reader's live region, rate
 * limited so that a burst (ten targets failing at once) becomes one summary instead of ten interruptions.
 * The first note is said at once; notes that arrive in the following quiet period are gathered and said
 * together when it ends. Saying is a placeholder action supplied with `.provide()`.
 */
import { assign, setup } from 'xstate';
import { m } from '../i18n/paraglide/messages.js';

export type NarratorEvent = { type: 'narrator.note'; text: string } | { type: 'narrator.clear' };

/** How many gathered notes a summary reads out in full. */
const SUMMARY_ITEMS = 3;

/** One sentence for several notes: the first few, then how many more. */
export function summarize(notes: readonly string[]): string {
  if (notes.length <= SUMMARY_ITEMS) return notes.join(' ');
  const rest = notes.length - SUMMARY_ITEMS;
  return `${notes.slice(0, SUMMARY_ITEMS).join(' ')} ${rest === 1 ? m.narration_more_one() : m.narration_more({ count: rest })}`;
}

export const narratorMachine = setup({
  types: {
    context: {} as { gathered: string[] },
    events: {} as NarratorEvent,
  },
  actions: {
    say: (_, _params: { text: string }) => {},
  },
  delays: {
    /** Quiet time after anything is said. */
    quietMs: 2000,
  },
  guards: {
    gathered: ({ context }) => context.gathered.length > 0,
  },
}).createMachine({
  id: 'narrator',
  context: { gathered: [] },
  initial: 'idle',
  states: {
    idle: {
      on: {
        'narrator.note': { target: 'quiet', actions: { type: 'say', params: ({ event }) => ({ text: event.text }) } },
      },
    },
    quiet: {
      on: {
        'narrator.note': { actions: assign({ gathered: ({ context, event }) => [...context.gathered, event.text] }) },
        'narrator.clear': { target: 'idle', actions: assign({ gathered: [] }) },
      },
      after: {
        quietMs: [
          {
            guard: 'gathered',
            target: 'quiet',
            reenter: true,
            actions: [{ type: 'say', params: ({ context }) => ({ text: summarize(context.gathered) }) }, assign({ gathered: [] })],
          },
          { target: 'idle' },
        ],
      },
    },
  },
});
