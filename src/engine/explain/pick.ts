/**
 * Why the algorithm picked this target, with the numbers it compared: taken before the pick (requests
 * held, weights, eligibility, the algorithm's own bookkeeping via `inspect`, a copy of the balancer's
 * random stream) and read against the pick. Nothing here changes the run: the random draws a pick made
 * are found again on a copy of the stream, and hashes are recomputed from the key.
 */
import type { SimState } from '../state.ts';
import type { TargetGroup } from '../balancer/target-group.ts';
import type { AlgorithmInternals } from '../balancer/algorithm.ts';
import type { Rng } from '../core/rng.ts';
import { CRC32_INIT, crc32Final, crc32Text } from '../core/hash/crc32.ts';
import { formatIpv4 } from '../traffic/clients.ts';
import { num } from './journey.ts';

/** The group as the algorithm saw it just before a pick. */
export interface PickBefore {
  group: number;
  /** Member targets, in configuration order. */
  members: number[];
  /** Member may take this request (rotation, zone, tried, passive health) and has weight above 0. */
  usable: boolean[];
  active: number[];
  weight: number[];
  internals: AlgorithmInternals | null;
  /** The balancer stream at the moment of the pick (a copy). */
  rng: Rng;
  /** The live stream, to know where the pick's draws ended. */
  live: Rng;
  /** Targets this request already tried (excluded). */
  tried: number[];
  zone: number;
}

export function pickBefore(s: SimState, group: TargetGroup): PickBefore {
  const members = Array.from(group.memberIds);
  const internals = group.algorithmInUse().inspect?.() ?? null;
  return {
    group: group.index,
    members,
    usable: members.map((t, i) => group.weightOf[i] > 0 && group.canTake(t)),
    active: Array.from(group.activeOf),
    weight: Array.from(group.weightOf),
    internals,
    rng: s.rng.balancer.clone(),
    live: s.rng.balancer,
    tried: [...group.excluded],
    zone: group.zoneFilter,
  };
}

export interface PickExplanation {
  what: string;
  why: string;
}

/** Explains the pick of target `t` (-1: none) from the state before it. */
export function explainPick(s: SimState, group: TargetGroup, before: PickBefore, t: number, passes: number, ip: number): PickExplanation {
  const name = (m: number) => s.store.ids[before.members[m]];
  const chosen = t < 0 ? -1 : before.members.indexOf(t);
  const notes: string[] = [];
  if (before.tried.length > 0) notes.push(`already tried: ${before.tried.map((x) => s.store.ids[x]).join(', ')}`);
  if (before.zone >= 0) notes.push(`cross-zone off: only targets in ${s.zoneNames[before.zone]}`);
  const unusable = before.members.map((_, i) => i).filter((i) => !before.usable[i]);
  if (unusable.length > 0 && unusable.length <= 8) notes.push(`not eligible: ${unusable.map(name).join(', ')}`);
  else if (unusable.length > 8) notes.push(`${unusable.length} of ${before.members.length} not eligible`);
  if (passes > 0) notes.push(`slow start passed over ${passes} warming pick${passes > 1 ? 's' : ''} first`);
  if (chosen < 0) {
    return { what: 'no target can take the request', why: [`${group.algorithmName}: no eligible member`, ...notes].join('; ') };
  }
  const how = reason(group, before, chosen, name, ip);
  return { what: `${group.algorithmName} picks ${name(chosen)}`, why: [how, ...notes].filter((x) => x !== '').join('; ') };
}

type Namer = (m: number) => string;

function usableList(before: PickBefore): number[] {
  return before.members.map((_, i) => i).filter((i) => before.usable[i]);
}

/** "a 3, b 1, c 1 active" (with weights when they differ). */
function counts(before: PickBefore, ids: number[], name: Namer): string {
  const equal = ids.every((i) => before.weight[i] === before.weight[ids[0]]);
  return ids.map((i) => `${name(i)} ${before.active[i]}${equal ? '' : `/w${num(before.weight[i])}`}`).join(', ') + ' active';
}

function reason(group: TargetGroup, before: PickBefore, chosen: number, name: Namer, ip: number): string {
  const ids = usableList(before);
  switch (group.algorithmName) {
    case 'weighted-round-robin':
      return swrrStep(before, ids, chosen, name, 'smooth WRR');
    case 'haproxy-leastconn': {
      // the pick re-sorted the tree first (each server's load since the last pick); read it as the pick did
      const tree = group.algorithmInUse().inspect?.().trees?.[0];
      const tied = lowest(before, ids, (i) => before.active[i]);
      const base = `${counts(before, ids, name)} → fewest: ${tied.map(name).join(', ')}`;
      if (tree === undefined) return base;
      const order = tree.members.map((m, k) => `${name(m)} ${num(tree.keys[k])}`).join(', ');
      return `${base}; HAProxy's leastconn tree, key (held + 1) × 4096 / weight (0 when idle), equal keys in the order they were queued: ${order} → the first usable: ${name(chosen)}`;
    }
    case 'haproxy-roundrobin':
      return fwrrStep(before, chosen, name);
    case 'least-connections': {
      const tied = lowest(before, ids, (i) => before.active[i]);
      const base = `${counts(before, ids, name)} → fewest: ${tied.map(name).join(', ')}`;
      if (tied.length < 2) return base;
      return `${base} tie → ${swrrStep(before, tied, chosen, name, 'smooth WRR over the tied')}`;
    }
    case 'least-outstanding-requests': {
      const tied = lowest(before, ids, (i) => before.active[i]);
      const start = before.internals?.next ?? 0;
      return `${counts(before, ids, name)} → fewest: ${tied.map(name).join(', ')}${tied.length > 1 ? `; ties go to the first after the previous pick (scan from ${name(start)}) → ${name(chosen)}` : ''}`;
    }
    case 'least-response-time': {
      const rt = before.internals?.costMs ?? [];
      const eta = (i: number) => (rt[i] ?? 0) * (1 + before.active[i]);
      const list = ids.map((i) => `${name(i)} rt ${num(rt[i] ?? 0)} ms × (1 + ${before.active[i]}) = ${num(eta(i))}`).join(', ');
      const tied = lowest(before, ids, eta);
      return `${list} → lowest: ${tied.map(name).join(', ')}${tied.length > 1 ? ` tie → ${swrrStep(before, tied, chosen, name, 'smooth WRR over the tied')}` : ''}`;
    }
    case 'round-robin': {
      const from = before.internals?.next ?? 0;
      const skipped: string[] = [];
      for (let k = 0, i = from; k < before.members.length && i !== chosen; k++, i = (i + 1) % before.members.length) skipped.push(name(i));
      return `rotation in configuration order: next was ${name(from)}${skipped.length > 0 ? `; passed over ${skipped.join(', ')} (not eligible)` : ''} → ${name(chosen)}`;
    }
    case 'power-of-two-choices':
      return twoChoices(before, chosen, name, (i) => `${before.active[i]} active`, 'fewer active requests wins, a tie keeps the first draw');
    case 'peak-ewma': {
      // the pick decays each candidate's cost to now: inspect() after the pick shows the costs it used
      const cost = group.algorithmInUse().inspect?.().costMs ?? [];
      return twoChoices(before, chosen, name, (i) => `cost ${num(cost[i] ?? 0)} ms × (${before.active[i]} + 1) = ${num((cost[i] ?? 0) * (before.active[i] + 1))}`, 'the lower peak-EWMA load wins');
    }
    case 'random': {
      const draws = drawsOf(before);
      const total = before.weight.reduce((a, b) => a + b, 0);
      return draws.length > 0 ? `draw ${num(draws[0])} × total weight ${num(total)} = ${num(draws[0] * total)} → falls in ${name(chosen)}'s range${draws.length > 1 ? ` (${draws.length} draws: earlier ones hit ineligible members)` : ''}` : `fallback: smooth WRR → ${name(chosen)}`;
    }
    case 'ip-hash': {
      const o = [ip >>> 24, (ip >>> 16) & 0xff, (ip >>> 8) & 0xff];
      let h = 89;
      for (const b of o) h = (h * 113 + b) % 6271;
      const total = before.weight.reduce((a, b) => a + b, 0);
      return `ip_hash of ${formatIpv4(ip)}'s first three octets ${o.join('.')} = ${h}; ${h} mod total weight ${num(total)} = ${num(h % total)} → ${name(chosen)}`;
    }
    case 'hash': {
      const key = group.lastKey;
      const crc = crc32Final(crc32Text(CRC32_INIT, key));
      const total = before.weight.reduce((a, b) => a + b, 0);
      const part = (crc >>> 16) & 0x7fff;
      return `key "${key}": crc32 ${crc} → (crc >> 16) & 0x7fff = ${part}; mod total weight ${num(total)} = ${num(part % total)} → ${name(chosen)}`;
    }
    case 'consistent-hash': {
      const key = group.lastKey;
      const hash = crc32Final(crc32Text(CRC32_INIT, key));
      const ring = before.internals?.ringHash;
      if (ring === undefined || ring.length === 0) return `key "${key}" → ${name(chosen)}`;
      const pos = ringPosition(ring, hash);
      const owner = before.internals!.ringMember![pos % ring.length];
      return `key "${key}": crc32 ${hash}; first ring point ≥ it is #${pos % ring.length} of ${ring.length} (hash ${ring[pos % ring.length]}, ${name(owner)})${owner !== chosen ? `; ${name(owner)} cannot take it, the next points lead to ${name(chosen)}` : ''}`;
    }
    case 'maglev': {
      const key = group.lastKey;
      const table = before.internals?.table;
      if (key === '' || table === undefined || table.length === 0) return `no key: a random hash → ${name(chosen)}`;
      const hash = crc32Final(crc32Text(CRC32_INIT, key));
      const slot = hash % table.length;
      return `key "${key}": hash ${hash}; slot ${slot} of the ${table.length}-entry table holds ${name(table[slot])}${table[slot] !== chosen ? `; not eligible, the retry hashes lead to ${name(chosen)}` : ''}`;
    }
    case 'haproxy-source':
    case 'haproxy-hash':
      return `HAProxy ${group.algorithmName === 'haproxy-source' ? 'balance source' : 'balance hash'} of key "${group.lastKey}" over the usable servers' weights → ${name(chosen)}`;
    default:
      return `${counts(before, ids, name)}; weights ${ids.map((i) => `${name(i)} ${num(before.weight[i])}`).join(', ')} → ${name(chosen)}`;
  }
}

/** Members with the lowest cost / weight (cross-multiplied, as nginx compares). */
function lowest(before: PickBefore, ids: number[], cost: (i: number) => number): number[] {
  let best: number[] = [];
  for (const i of ids) {
    if (best.length === 0) best = [i];
    else {
      const b = best[0];
      const l = cost(i) * before.weight[b], r = cost(b) * before.weight[i];
      if (l < r) best = [i];
      else if (l === r) best.push(i);
    }
  }
  return best;
}

/** One smooth-WRR step over `ids`: cw += ew, the highest wins (the earliest on ties), it gives back the total. */
function swrrStep(before: PickBefore, ids: number[], chosen: number, name: Namer, label: string): string {
  const cw = before.internals?.current;
  const ew = before.internals?.effective;
  if (cw === undefined || ew === undefined) return `${label} → ${name(chosen)}`;
  const total = ids.reduce((a, i) => a + ew[i], 0);
  const parts = ids.map((i) => `${name(i)} ${num(cw[i])}+${num(ew[i])}=${num(cw[i] + ew[i])}`);
  return `${label}: current + effective weight: ${parts.join(', ')} → ${name(chosen)} is highest; it gives back the total ${num(total)} (→ ${num(cw[chosen] + ew[chosen] - total)})`;
}

/**
 * HAProxy FWRR (lb_fwrr.c): the head of the `curr` tree goes when its next position has come (≤ the window's
 * position); otherwise the heaviest server of `init` starts its round; when both are empty the window ends and
 * `next` becomes `init`. Reads the trees as they were before the pick.
 */
function fwrrStep(before: PickBefore, chosen: number, name: Namer): string {
  const trees = before.internals?.trees;
  const w = before.internals?.window;
  if (trees === undefined || w === undefined) return `HAProxy roundrobin (FWRR) → ${name(chosen)}`;
  const [curr, init, next] = trees;
  const list = (t: { members: number[]; keys: number[] }, what: string) => (t.members.length === 0 ? 'empty' : t.members.map((m, k) => `${name(m)} ${what} ${num(t.keys[k])}`).join(', '));
  const where = `window position ${num(w.position)} of ${num(w.weight)}; curr tree: ${list(curr, 'at')}; init: ${list(init, 'weight')}; next: ${list(next, 'weight')}`;
  const head = curr.members[0];
  if (head === chosen && curr.keys[0] <= w.position) return `${where} → ${name(chosen)}, the head of curr, whose turn has come (${num(curr.keys[0])} ≤ ${num(w.position)}); it moves total weight / its weight further`;
  if (head === chosen && init.members.length === 0) return `${where} → init is empty, so the head of curr, ${name(chosen)}, goes before its turn`;
  if (init.members[0] === chosen) return `${where} → ${head === undefined ? 'curr is empty' : `${name(head)}'s turn has not come (${num(curr.keys[0])} > ${num(w.position)})`}, so the heaviest of init, ${name(chosen)}, starts its round`;
  if (init.members.length === 0 && curr.members.length === 0 && next.members.includes(chosen)) return `${where} → the window is over: next becomes init, and its heaviest, ${name(chosen)}, goes first`;
  return `${where} → ${name(chosen)} (the server to avoid on a retry, or one just changed, moved the order)`;
}

/** The pick's random draws, found again on the copy of the stream. */
function drawsOf(before: PickBefore): number[] {
  const draws: number[] = [];
  const copy = before.rng.clone();
  while (!copy.samePlace(before.live) && draws.length < 64) draws.push(copy.next());
  return draws;
}

/** Power of two choices: replays the uniform draws of usable members (eligible-draw.ts) to name the candidates. */
function twoChoices(before: PickBefore, chosen: number, name: Namer, load: (i: number) => string, rule: string): string {
  const draws = drawsOf(before);
  const n = before.members.length;
  const candidates: number[] = [];
  let k = 0;
  const drawUsable = (exclude: number): number => {
    for (let tries = 0; tries < 16 && k < draws.length; tries++) {
      const i = Math.floor(draws[k++] * n);
      if (i !== exclude && before.usable[i]) return i;
    }
    const usable = before.members.map((_, i) => i).filter((i) => i !== exclude && before.usable[i]);
    if (usable.length === 0 || k >= draws.length) return -1;
    return usable[Math.floor(draws[k++] * usable.length)];
  };
  while (k < draws.length && candidates.length < 8) {
    const c = drawUsable(candidates.length === 1 && rule.includes('peak') ? candidates[0] : -1);
    if (c < 0) break;
    candidates.push(c);
  }
  if (candidates.length === 0) return `weighted: earliest deadline first over weight / (active + 1) → ${name(chosen)}`;
  return `draws ${candidates.map((c) => `${name(c)} (${load(c)})`).join(' and ')} → ${name(chosen)}: ${rule}`;
}

/** Index of the first ring point ≥ hash (may equal the ring's length: wrap to 0). */
function ringPosition(ring: Uint32Array, hash: number): number {
  let lo = 0, hi = ring.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (ring[mid] < hash) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
