/**
 * The requests still in flight, for the end of a trace: each keeps its arrival time, client, class, the
 * target it is at (or last tried) and its attempts so far. A slot whose client already gave up (an
 * orphan the target still works on) is not a request in flight; its retry, if any, is. Reading changes nothing.
 */
import type { SimState } from '../state.ts';
import type { InFlightRecord } from '../types.ts';
import { REQ_QUEUED, REQ_SERVING, REQ_WAITING } from '../request/pool.ts';

export function inFlightRecords(s: SimState): InFlightRecord[] {
  const pool = s.pool;
  const out: InFlightRecord[] = [];
  for (let slot = 0; slot < pool.cap; slot++) {
    const st = pool.state[slot];
    if (st !== REQ_QUEUED && st !== REQ_SERVING && st !== REQ_WAITING) continue;
    const id = pool.id[slot];
    const t = pool.target[slot];
    const target = t >= 0 ? s.store.ids[t] : null;
    const logged = s.attemptLog?.peek(id);
    const attempts = logged !== undefined ? logged.map((a) => ({ ...a })) : target !== null ? [{ target, outcome: 'in-flight' as const, atMs: pool.startMs[slot] }] : [];
    out.push({ id, arrivalMs: pool.arrivalMs[slot], client: pool.client[slot], class: s.mix.classes[pool.cls[slot]].name, target, outcome: 'in-flight', latencyMs: null, attempts });
  }
  return out.sort((a, b) => a.id - b.id);
}
