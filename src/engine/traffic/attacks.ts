/**
 * DDoS waves: a botnet (its own client ids and addresses) sending extra requests as a Poisson stream
 * from the wave's start for its duration, from the 'attack' random stream so ordinary traffic is untouched.
 */
import type { SimState } from '../state.ts';
import { EV_ATTACK } from '../event-kinds.ts';
import { admit } from '../request/arrive.ts';

/** The first request of every DDoS wave. */
export function scheduleAttacks(s: SimState): void {
  s.traffic.attacks.forEach((a, i) => {
    const first = a.atSec * 1000 + (-Math.log(1 - s.rng.attack.next()) / a.ratePerSec) * 1000;
    if (a.ratePerSec > 0) s.queue.push(first, EV_ATTACK, i, 0);
  });
}

/** One bot request of wave i, and the next one while the wave lasts (Poisson). */
export function attackArrival(s: SimState, i: number): void {
  const attacks = s.traffic.attacks;
  const a = attacks[i];
  if (a.stopped || s.nowMs >= (a.atSec + a.durationSec) * 1000) return;
  // each wave's bots follow the ordinary clients and the bots of the waves before it
  let offset = s.clients.normal;
  for (let k = 0; k < i; k++) if (!attacks[k].stopped) offset += attacks[k].bots;
  const cls = a.class === undefined ? 0 : s.mix.names.indexOf(a.class);
  admit(s, offset + s.rng.attack.int(a.bots), cls);
  s.queue.push(s.nowMs + (-Math.log(1 - s.rng.attack.next()) / a.ratePerSec) * 1000, EV_ATTACK, i, 0);
}
