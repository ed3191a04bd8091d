/** A fresh pool slot for the next attempt of a request whose old slot a target still holds. */
import type { SimState } from '../state.ts';
import { FLAG_ATTACK, FLAG_DIRECT, FLAG_SAMPLED } from './pool.ts';

/** Copies the request in `slot` into a new slot (the same request: id, arrival, client, class, attempt). */
export function cloneRequest(s: SimState, slot: number): number {
  const pool = s.pool;
  const c = pool.alloc();
  pool.id[c] = pool.id[slot];
  pool.arrivalMs[c] = pool.arrivalMs[slot];
  pool.startMs[c] = pool.startMs[slot];
  pool.sentMs[c] = pool.sentMs[slot];
  pool.serviceU[c] = pool.serviceU[slot];
  pool.serviceArea[c] = pool.serviceArea[slot];
  pool.client[c] = pool.client[slot];
  pool.cls[c] = pool.cls[slot];
  pool.form[c] = pool.form[slot];
  pool.group[c] = pool.group[slot];
  pool.target[c] = pool.target[slot];
  pool.flags[c] = pool.flags[slot] & (FLAG_SAMPLED | FLAG_ATTACK | FLAG_DIRECT);
  pool.extraMs[c] = pool.extraMs[slot];
  pool.netMs[c] = pool.netMs[slot];
  pool.lb[c] = pool.lb[slot];
  pool.attempt[c] = pool.attempt[slot];
  pool.zone[c] = pool.zone[slot];
  return c;
}
