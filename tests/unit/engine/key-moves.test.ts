/**
 * Which keys move when a target leaves a consistent-hash group (explain/key-moves.ts), checked against the
 * real thing: the same traffic run with that target left out of the scenario (same addresses), where the
 * algorithm builds its own ring or table without it. Every key whose target differs between the two runs is
 * a key that moved; the internals' answer must name exactly those.
 */
import { describe, expect, it } from 'vitest';
import { createSimulation } from '../../../src/engine/index.ts';
import { JourneyRecorder } from '../../../src/engine/explain/index.ts';
import type { Scenario, ScenarioInput } from '../../../src/scenario/schema.ts';
import { checked } from './support/scenarios.ts';

const IDS = ['a', 'b', 'c', 'd', 'e'];

function doc(algorithm: string, ids: readonly string[], hashed = true): Scenario {
  return checked({
    schemaVersion: 1,
    name: 'key moves',
    seed: 5,
    durationSec: 10,
    // 60 clients, 20 requests a second: 200 requests, under the 256 recent keys a group keeps, so the recent keys
    // are every key of the run (a client's cookie "c<client>" is its key)
    traffic: { arrival: { kind: 'constant', ratePerSec: 20 }, clients: { count: 60 } },
    balancers: [{ id: 'lb', listeners: [{ port: 80, defaultForward: 'web' }] }],
    targetGroups: [
      {
        id: 'web',
        algorithm,
        ...(hashed ? { hashKey: 'cookie:session' } : {}),
        targets: ids.map((id) => ({ id, address: `10.0.0.${IDS.indexOf(id) + 1}:80`, concurrency: 4, serviceTimeMs: { dist: 'constant' as const, valueMs: 20 } })),
      } as ScenarioInput['targetGroups'][number],
    ],
  } as ScenarioInput);
}

/** The target each client's key went to over a run (its last choice). */
function ownerByKey(s: Scenario): Map<string, string> {
  const rec = new JourneyRecorder({ all: true, keep: 1_000_000 });
  const sim = createSimulation(s, { recorder: rec });
  sim.runUntil(s.durationSec * 1000);
  const out = new Map<string, string>();
  for (let id = 0; id < sim.metrics().requests.total; id++) {
    const j = rec.journey(id);
    if (j === null) continue;
    const client = /client (\d+)/.exec(j.steps[0].where)?.[1];
    const chose = j.steps.find((st) => st.kind === 'choose');
    const target = chose === undefined ? undefined : /picks (\w+)/.exec(chose.what)?.[1];
    if (client !== undefined && target !== undefined) out.set(`c${client}`, target);
  }
  return out;
}

describe.each(['consistent-hash', 'maglev'])('%s: which keys move when a target leaves', (algorithm) => {
  it('names exactly the keys that a run without that target sends elsewhere, and where they go', () => {
    const full = doc(algorithm, IDS);
    const before = ownerByKey(full);
    const without = ownerByKey(doc(algorithm, IDS.filter((id) => id !== 'b')));
    expect(before.size).toBeGreaterThan(40);
    const moved = [...before].filter(([key, target]) => without.get(key) !== target);
    const movedTo: Record<string, number> = {};
    for (const [key] of moved) movedTo[without.get(key)!] = (movedTo[without.get(key)!] ?? 0) + 1;
    const onB = [...before.values()].filter((t) => t === 'b').length;
    expect(onB).toBeGreaterThan(0);

    const sim = createSimulation(full);
    sim.runUntil(full.durationSec * 1000);
    const km = sim.internals('web', 'b')!.keyMoves!;
    expect(km.leaving).toBe('b');
    expect(km.keys).toBe(before.size);
    expect(km.onLeaving).toBe(onB);
    expect(km.moved).toBe(moved.length);
    expect(km.movedTo).toEqual(movedTo);
    for (const ex of km.examples) expect(without.get(ex.key)).toBe(ex.to);
    // consistent hashing moves b's keys; hash mod n would move most of them: with 5 targets about 4/5
    expect(km.moved).toBeGreaterThanOrEqual(onB);
    expect(km.moduloMoved).toBeGreaterThan(km.moved);
    if (algorithm === 'consistent-hash') {
      expect(km.movedFromOthers).toBe(0); // ketama: other points never move
      // the ring drawn: arcs cover [0, 1) in order, and each key lies on an arc of the target it went to
      const { arcs, keys } = km.ring!;
      expect(arcs[0].from).toBe(0);
      expect(arcs[arcs.length - 1].to).toBe(1);
      arcs.slice(1).forEach((a, i) => expect(a.from).toBe(arcs[i].to));
      expect(keys).toHaveLength(km.keys);
      for (const k of keys) expect(arcs.find((a) => k.at > a.from && k.at <= a.to)?.owner).toBe(k.owner);
      expect(keys.filter((k) => k.owner !== k.to)).toHaveLength(km.moved);
    } else expect(km.ring).toBeUndefined();
  });

  it('is left out when no target is asked about, or the target is not a member', () => {
    const s = doc(algorithm, IDS);
    const sim = createSimulation(s);
    sim.runUntil(5_000);
    expect(sim.internals('web')!.keyMoves).toBeUndefined();
    expect(sim.internals('web', 'zz')!.keyMoves).toBeUndefined();
  });
});

describe('groups that do not hash', () => {
  it('have no key moves', () => {
    const s = doc('round-robin', IDS, false);
    const sim = createSimulation(s);
    sim.runUntil(5_000);
    expect(sim.internals('web', 'b')!.keyMoves).toBeUndefined();
  });
});
