/**
 * DDoS waves: a botnet (its own client ids and addresses) sending extra requests as a Poisson stream
 * from the wave's start for its duration, from the 'attack' random stream so ordinary traffic is untouched.
 */
import type { Engine } from '../simulation.ts';
import { EV_ATTACK } from '../event-kinds.ts';
import { admit } from './admit.ts';

/** The first request of every DDoS wave. */
export function scheduleAttacks(e: Engine): void {
  e.scenario.traffic.attacks.forEach((a, i) => {
    const first = a.atSec * 1000 + (-Math.log(1 - e.rng.attack.next()) / a.ratePerSec) * 1000;
    if (a.ratePerSec > 0) e.queue.push(first, EV_ATTACK, i, 0);
  });
}

/** One bot request of wave i, and the next one while the wave lasts (Poisson). */
export function attackArrival(e: Engine, i: number): void {
  const a = e.scenario.traffic.attacks[i];
  if (e.nowMs >= (a.atSec + a.durationSec) * 1000) return;
  let offset = e.clients.normal;
  for (let k = 0; k < i; k++) offset += e.scenario.traffic.attacks[k].bots;
  const cls = a.class === undefined ? 0 : e.mix.names.indexOf(a.class);
  admit(e, offset + e.rng.attack.int(a.bots), cls);
  e.queue.push(e.nowMs + (-Math.log(1 - e.rng.attack.next()) / a.ratePerSec) * 1000, EV_ATTACK, i, 0);
}
