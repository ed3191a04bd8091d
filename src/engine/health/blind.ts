/** Opening and closing blind windows as targets fail, recover or leave rotation (see blind-windows.ts). */
import type { SimState } from '../state.ts';

/** Target t really failed now. */
export function failureBegan(s: SimState, t: number, cause: string): void {
  s.health.blind.begin(t, s.nowMs, cause);
}

/** Target t left rotation: if it had failed, its blind window ends here, and the log says how long it lasted. */
export function failureDetected(s: SimState, t: number, by: string): void {
  const blind = s.health.blind;
  if (!blind.isOpen(t)) return;
  const id = s.store.ids[t];
  const w = blind.close(t, id, s.nowMs, by);
  s.log.add(s.nowMs, 'detected', id, `${id} out of rotation ${(w.detectMs! / 1000).toFixed(1)} s after it ${w.cause} (by ${by}); ${w.failedRequests} request${w.failedRequests === 1 ? '' : 's'} failed in the blind window`);
}

/** Target t recovered while still in rotation: nobody noticed. */
export function recoveredUnnoticed(s: SimState, t: number): void {
  const blind = s.health.blind;
  if (blind.isOpen(t)) blind.close(t, s.store.ids[t], s.nowMs, null);
}
