/**
 * Adopting traffic settings live. Request classes (the mix) are matched by name: requests in flight keep
 * theirs (a removed class becomes the first one), and the targets' service-time table is re-laid. A new
 * client population (count, addresses, NAT, a botnet's size) keeps what each client id knew. The rate and
 * its profile apply from now on as written (the part before now is history); think time and the number of
 * closed-loop users too. DDoS waves are matched by their settings: a new one starts at its time (or now),
 * a removed one stops. Switching between open and closed loop, or editing a replayed traffic file, needs a
 * new run.
 */
import type { Scenario } from '../../scenario/schema.ts';
import type { SimState } from '../state.ts';
import { REQ_FREE } from '../request/pool.ts';
import { RequestMix } from '../traffic/request-mix.ts';
import { ClientPopulation } from '../traffic/clients.ts';
import { ClientCookies } from '../traffic/cookies.ts';
import { RateProfile } from '../traffic/rate-profile.ts';
import { distParams } from '../core/distributions.ts';
import { EV_ATTACK, EV_USER } from '../event-kinds.ts';
import { scheduleArrival } from '../request/arrive.ts';
import { thinkTime } from '../traffic/think-time.ts';
import { coded } from '../../scenario/error-codes.ts';
import type { ValidationError } from '../../scenario/validated.ts';

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

export function trafficRefusal(prev: Scenario, next: Scenario): ValidationError | null {
  const was = prev.traffic.arrival.kind;
  const now = next.traffic.arrival.kind;
  if ((was === 'closed') !== (now === 'closed')) return coded('traffic.arrival.kind', 'val_adopt_closed');
  if ((was === 'replay' || now === 'replay') && !same(prev.traffic.arrival, next.traffic.arrival)) return coded('traffic.arrival', 'val_adopt_replay');
  // a replayed request's own path, host and headers are forms built on its class (RequestMix.addForm)
  if (now === 'replay' && !same(prev.traffic.mix, next.traffic.mix)) return coded('traffic.mix', 'val_adopt_replay_mix');
  return null;
}

/** Classes, clients and cookies: before the groups and balancers, which read them. */
export function adoptTraffic(s: SimState, prev: Scenario, next: Scenario): void {
  if (!same(prev.traffic.mix, next.traffic.mix)) {
    const mix = new RequestMix(next);
    const remap = s.mix.names.map((name) => Math.max(0, mix.names.indexOf(name)));
    const pool = s.pool;
    for (let slot = 0; slot < pool.cap; slot++) if (pool.state[slot] !== REQ_FREE) pool.form[slot] = pool.cls[slot] = remap[pool.cls[slot]];
    s.mix = mix;
    s.store.setClasses(mix.names);
  }
  const bots = (t: Scenario['traffic']) => t.attacks.reduce((n, a) => n + a.bots, 0);
  const users = (t: Scenario['traffic']) => (t.arrival.kind === 'closed' ? t.arrival.users : t.clients.count);
  const p = prev.traffic;
  const n = next.traffic;
  if (users(p) !== users(n) || bots(p) !== bots(n) || p.clients.ipBase !== n.clients.ipBase || !same(p.clients.nat, n.clients.nat)) {
    s.clients = new ClientPopulation(users(n), n.clients.ipBase, n.clients.nat, bots(n));
  }
  if (!same(p.clients.cookies, n.clients.cookies)) s.cookies = new ClientCookies(next);
}

/** Arrivals and DDoS waves: last, once everything they reach is in place. */
export function adoptArrivals(s: SimState, prev: Scenario, next: Scenario): void {
  const p = prev.traffic;
  const n = next.traffic;
  const traffic = s.traffic;
  const a = n.arrival;
  if (a.kind === 'closed') {
    if (!same(p.arrival, a)) traffic.think = distParams(a.thinkTimeMs);
    // new users start thinking now; users beyond the count stop when their next request is due
    const before = p.arrival.kind === 'closed' ? p.arrival.users : 0;
    for (let u = before; u < a.users; u++) s.queue.push(s.nowMs + thinkTime(s), EV_USER, u, 0);
  } else if (a.kind !== 'replay' && (!same(p.arrival, a) || !same(p.profile, n.profile))) {
    traffic.profile = new RateProfile(a.ratePerSec, n.profile ?? []);
    traffic.poisson = a.kind === 'poisson';
    traffic.generation++;
    scheduleArrival(s, s.nowMs);
  }
  if (!same(p.attacks, n.attacks)) adoptAttacks(s, n.attacks);
}

/** Waves are matched by their settings: new ones join (starting at their time, or now), gone ones stop. */
function adoptAttacks(s: SimState, waves: Scenario['traffic']['attacks']): void {
  const known = s.traffic.attacks;
  const keep = new Set<number>();
  for (const w of waves) {
    const i = known.findIndex((k, ki) => !keep.has(ki) && !k.stopped && same({ ...k, stopped: undefined }, { ...w, stopped: undefined }));
    if (i >= 0) {
      keep.add(i);
      continue;
    }
    known.push({ ...w });
    keep.add(known.length - 1);
    const start = Math.max(w.atSec * 1000, s.nowMs);
    if (w.ratePerSec > 0) s.queue.push(start + (-Math.log(1 - s.rng.attack.next()) / w.ratePerSec) * 1000, EV_ATTACK, known.length - 1, 0);
  }
  known.forEach((k, i) => {
    if (!keep.has(i)) k.stopped = true;
  });
}
