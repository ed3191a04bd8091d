/**
 * An exception from the engine or its worker, as the page says it. A validated scenario does not make the
 * engine throw (its one explicit throw, a Maglev table size, is not reachable from a scenario), so what
 * reaches the learner is either the browser running out of room (memory, call stack), said in the page's
 * language, or an engine bug, whose own message is kept as written (English) for the bug report: the page's
 * message says so (`sim_engine_error`; in English it is the message alone).
 */
import { m } from './paraglide/messages.js';

const OUT_OF_MEMORY = /allocation failed|invalid (typed )?array length|out of memory/i;
const STACK = /maximum call stack/i;

export function engineErrorWords(detail: string): string {
  if (OUT_OF_MEMORY.test(detail)) return m.sim_engine_memory();
  if (STACK.test(detail)) return m.sim_engine_stack();
  return m.sim_engine_error({ detail });
}
