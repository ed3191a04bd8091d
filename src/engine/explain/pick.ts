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
import { list, say, type Phrase, type Words } from './phrase.ts';

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
  what: Phrase;
  why: Phrase;
}

/** Explains the pick of target `t` (-1: none) from the state before it. */
export function explainPick(s: SimState, group: TargetGroup, before: PickBefore, t: number, passes: number, ip: number): PickExplanation {
  const name = (m: number) => s.store.ids[before.members[m]];
  const chosen = t < 0 ? -1 : before.members.indexOf(t);
  const notes: Phrase[] = [];
  if (before.tried.length > 0) notes.push(say('explain_pick_tried', { ids: before.tried.map((x) => s.store.ids[x]).join(', ') }));
  if (before.zone >= 0) notes.push(say('explain_pick_zone_only', { zone: s.zoneNames[before.zone] }));
  const unusable = before.members.map((_, i) => i).filter((i) => !before.usable[i]);
  if (unusable.length > 0 && unusable.length <= 8) notes.push(say('explain_pick_not_eligible', { ids: unusable.map(name).join(', ') }));
  else if (unusable.length > 8) notes.push(say('explain_pick_n_not_eligible', { count: String(unusable.length), total: String(before.members.length) }));
  if (passes > 0) notes.push(say(passes > 1 ? 'explain_pick_slow_start' : 'explain_pick_slow_start_one', { count: String(passes) }));
  if (chosen < 0) {
    return { what: say('explain_pick_none'), why: list([say('explain_pick_no_eligible', { algorithm: group.algorithmName }), ...notes]) };
  }
  const how = reason(group, before, chosen, name, ip);
  return { what: say('explain_pick_picks', { algorithm: group.algorithmName, id: name(chosen) }), why: list([how, ...notes]) };
}

type Namer = (m: number) => string;

function usableList(before: PickBefore): number[] {
  return before.members.map((_, i) => i).filter((i) => before.usable[i]);
}

/** "a 3, b 1, c 1 active" (with weights when they differ). */
function counts(before: PickBefore, ids: number[], name: Namer): Phrase {
  const equal = ids.every((i) => before.weight[i] === before.weight[ids[0]]);
  const item = (i: number): Phrase => (equal ? say('explain_pick_count', { id: name(i), count: before.active[i] }) : say('explain_pick_count_weight', { id: name(i), count: before.active[i], weight: before.weight[i] }));
  return say('explain_pick_active', { list: list(ids.map(item), ', ') });
}

/** "counts → fewest: a, b". */
const fewest = (before: PickBefore, ids: number[], tied: number[], name: Namer): Phrase => say('explain_pick_fewest', { counts: counts(before, ids, name), tied: tied.map(name).join(', ') });

/** " tie → …" after a list of equals. */
const tie = (then: Words): Phrase => say('explain_pick_tie_then', { then });

function reason(group: TargetGroup, before: PickBefore, chosen: number, name: Namer, ip: number): Words {
  const ids = usableList(before);
  switch (group.algorithmName) {
    case 'weighted-round-robin':
      return swrrStep(before, ids, chosen, name, say('explain_pick_swrr'));
    case 'haproxy-leastconn': {
      // the pick re-sorted the tree first (each server's load since the last pick); read it as the pick did
      const tree = group.algorithmInUse().inspect?.().trees?.[0];
      const tied = lowest(before, ids, (i) => before.active[i]);
      const base = fewest(before, ids, tied, name);
      if (tree === undefined) return base;
      const order = list(tree.members.map((m, k) => say('explain_pick_id_number', { id: name(m), n: tree.keys[k] })), ', ');
      return list([base, say('explain_pick_hap_leastconn', { order, id: name(chosen) })]);
    }
    case 'haproxy-roundrobin':
      return fwrrStep(before, chosen, name);
    case 'least-connections': {
      const tied = lowest(before, ids, (i) => before.active[i]);
      const base = fewest(before, ids, tied, name);
      if (tied.length < 2) return base;
      return list([base, tie(swrrStep(before, tied, chosen, name, say('explain_pick_swrr_tied')))], '');
    }
    case 'least-outstanding-requests': {
      const tied = lowest(before, ids, (i) => before.active[i]);
      const start = before.internals?.next ?? 0;
      return list([fewest(before, ids, tied, name), tied.length > 1 ? say('explain_pick_lor_ties', { start: name(start), id: name(chosen) }) : '']);
    }
    case 'least-response-time': {
      const rt = before.internals?.costMs ?? [];
      const eta = (i: number) => (rt[i] ?? 0) * (1 + before.active[i]);
      const items = list(ids.map((i) => say('explain_pick_rt_item', { id: name(i), rt: rt[i] ?? 0, active: before.active[i], eta: eta(i) })), ', ');
      const tied = lowest(before, ids, eta);
      const lowestOf = say('explain_pick_lowest', { list: items, tied: tied.map(name).join(', ') });
      return list([lowestOf, tied.length > 1 ? tie(swrrStep(before, tied, chosen, name, say('explain_pick_swrr_tied'))) : ''], '');
    }
    case 'round-robin': {
      const from = before.internals?.next ?? 0;
      const skipped: string[] = [];
      for (let k = 0, i = from; k < before.members.length && i !== chosen; k++, i = (i + 1) % before.members.length) skipped.push(name(i));
      return say('explain_pick_rr', { from: name(from), skipped: skipped.length > 0 ? say('explain_pick_rr_skipped', { ids: skipped.join(', ') }) : '', id: name(chosen) });
    }
    case 'power-of-two-choices':
      return twoChoices(before, chosen, name, (i) => say('explain_pick_n_active', { count: String(before.active[i]) }), false);
    case 'peak-ewma': {
      // the pick decays each candidate's cost to now: inspect() after the pick shows the costs it used
      const cost = group.algorithmInUse().inspect?.().costMs ?? [];
      return twoChoices(before, chosen, name, (i) => say('explain_pick_ewma_load', { cost: cost[i] ?? 0, active: String(before.active[i]), load: (cost[i] ?? 0) * (before.active[i] + 1) }), true);
    }
    case 'random': {
      const draws = drawsOf(before);
      const total = before.weight.reduce((a, b) => a + b, 0);
      if (draws.length === 0) return say('explain_pick_fallback_swrr', { id: name(chosen) });
      const more = draws.length > 1 ? say('explain_pick_random_more', { count: String(draws.length) }) : '';
      return say('explain_pick_random', { draw: draws[0], total: total, product: draws[0] * total, id: name(chosen), more });
    }
    case 'ip-hash': {
      const o = [ip >>> 24, (ip >>> 16) & 0xff, (ip >>> 8) & 0xff];
      let h = 89;
      for (const b of o) h = (h * 113 + b) % 6271;
      const total = before.weight.reduce((a, b) => a + b, 0);
      return say('explain_pick_ip_hash', { ip: formatIpv4(ip), octets: o.join('.'), hash: String(h), total: total, mod: h % total, id: name(chosen) });
    }
    case 'hash': {
      const key = group.lastKey;
      const crc = crc32Final(crc32Text(CRC32_INIT, key));
      const total = before.weight.reduce((a, b) => a + b, 0);
      const part = (crc >>> 16) & 0x7fff;
      return say('explain_pick_hash', { key, crc: String(crc), part: String(part), total: total, mod: part % total, id: name(chosen) });
    }
    case 'consistent-hash': {
      const key = group.lastKey;
      const hash = crc32Final(crc32Text(CRC32_INIT, key));
      const ring = before.internals?.ringHash;
      if (ring === undefined || ring.length === 0) return say('explain_pick_key', { key, id: name(chosen) });
      const pos = ringPosition(ring, hash);
      const owner = before.internals!.ringMember![pos % ring.length];
      const moved = owner !== chosen ? say('explain_pick_ring_moved', { owner: name(owner), id: name(chosen) }) : '';
      return say('explain_pick_ring', { key, hash: String(hash), pos: String(pos % ring.length), count: String(ring.length), point: String(ring[pos % ring.length]), owner: name(owner), moved });
    }
    case 'maglev': {
      const key = group.lastKey;
      const table = before.internals?.table;
      if (key === '' || table === undefined || table.length === 0) return say('explain_pick_maglev_nokey', { id: name(chosen) });
      const hash = crc32Final(crc32Text(CRC32_INIT, key));
      const slot = hash % table.length;
      const moved = table[slot] !== chosen ? say('explain_pick_maglev_moved', { id: name(chosen) }) : '';
      return say('explain_pick_maglev', { key, hash: String(hash), slot: String(slot), size: String(table.length), holder: name(table[slot]), moved });
    }
    case 'haproxy-source':
    case 'haproxy-hash':
      return say('explain_pick_hap_hash', { how: group.algorithmName === 'haproxy-source' ? 'balance source' : 'balance hash', key: group.lastKey, id: name(chosen) });
    default:
      return list([counts(before, ids, name), say('explain_pick_weights', { weights: list(ids.map((i) => say('explain_pick_id_number', { id: name(i), n: before.weight[i] })), ', '), id: name(chosen) })]);
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
function swrrStep(before: PickBefore, ids: number[], chosen: number, name: Namer, label: Phrase): Phrase {
  const cw = before.internals?.current;
  const ew = before.internals?.effective;
  if (cw === undefined || ew === undefined) return say('explain_pick_label', { label, id: name(chosen) });
  const total = ids.reduce((a, i) => a + ew[i], 0);
  const parts = list(ids.map((i) => say('explain_pick_swrr_part', { id: name(i), cw: cw[i], ew: ew[i], sum: cw[i] + ew[i] })), ', ');
  return say('explain_pick_swrr_step', { label, parts, id: name(chosen), total: total, after: cw[chosen] + ew[chosen] - total });
}

/**
 * HAProxy FWRR (lb_fwrr.c): the head of the `curr` tree goes when its next position has come (≤ the window's
 * position); otherwise the heaviest server of `init` starts its round; when both are empty the window ends and
 * `next` becomes `init`. Reads the trees as they were before the pick.
 */
function fwrrStep(before: PickBefore, chosen: number, name: Namer): Phrase {
  const trees = before.internals?.trees;
  const w = before.internals?.window;
  if (trees === undefined || w === undefined) return say('explain_pick_fwrr_plain', { id: name(chosen) });
  const [curr, init, next] = trees;
  const tree = (t: { members: number[]; keys: number[] }, what: 'explain_pick_at' | 'explain_pick_weight_of'): Words =>
    t.members.length === 0 ? say('explain_pick_empty') : list(t.members.map((m, k) => say(what, { id: name(m), key: t.keys[k] })), ', ');
  const where = say('explain_pick_fwrr_where', { position: w.position, weight: w.weight, curr: tree(curr, 'explain_pick_at'), init: tree(init, 'explain_pick_weight_of'), next: tree(next, 'explain_pick_weight_of') });
  const head = curr.members[0];
  const id = name(chosen);
  if (head === chosen && curr.keys[0] <= w.position) return say('explain_pick_fwrr_turn', { where, id, key: curr.keys[0], position: w.position });
  if (head === chosen && init.members.length === 0) return say('explain_pick_fwrr_early', { where, id });
  if (init.members[0] === chosen) {
    const why = head === undefined ? say('explain_pick_fwrr_curr_empty') : say('explain_pick_fwrr_not_yet', { head: name(head), key: curr.keys[0], position: w.position });
    return say('explain_pick_fwrr_init', { where, why, id });
  }
  if (init.members.length === 0 && curr.members.length === 0 && next.members.includes(chosen)) return say('explain_pick_fwrr_window', { where, id });
  return say('explain_pick_fwrr_other', { where, id });
}

/** The pick's random draws, found again on the copy of the stream. */
function drawsOf(before: PickBefore): number[] {
  const draws: number[] = [];
  const copy = before.rng.clone();
  while (!copy.samePlace(before.live) && draws.length < 64) draws.push(copy.next());
  return draws;
}

/** Power of two choices: replays the uniform draws of usable members (eligible-draw.ts) to name the candidates. */
function twoChoices(before: PickBefore, chosen: number, name: Namer, load: (i: number) => Phrase, peak: boolean): Phrase {
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
    const c = drawUsable(candidates.length === 1 && peak ? candidates[0] : -1);
    if (c < 0) break;
    candidates.push(c);
  }
  if (candidates.length === 0) return say('explain_pick_edf', { id: name(chosen) });
  const drawn = candidates.map((c): Phrase => say('explain_pick_candidate', { id: name(c), load: load(c) })).reduce((a, b) => say('explain_pick_and', { a, b }));
  return say('explain_pick_draws', { candidates: drawn, id: name(chosen), rule: say(peak ? 'explain_pick_ewma_rule' : 'explain_pick_p2c_rule') });
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
