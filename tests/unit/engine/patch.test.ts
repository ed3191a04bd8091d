// Live patches: any part of the scenario changes while it runs, validated as a whole, adopted without a
// reset. Exact expectations come from the engine's common random numbers: the same seed gives the same
// requests (arrival, client, class, size) whatever the routing, so a run patched at 20 s can be compared
// request by request with a run that had the patched world from the start.
import { describe, expect, it } from 'vitest';
import { createSimulation, type TraceRecord } from '../../../src/engine/index.ts';
import type { Change, Scenario, ScenarioInput } from '../../../src/scenario/schema.ts';
import { checked, simple } from './support/scenarios.ts';

const mixWorld = (withCart: boolean): ScenarioInput => ({
  schemaVersion: 1,
  name: 'shop',
  seed: 3,
  traffic: {
    arrival: { kind: 'poisson', ratePerSec: 40 },
    clients: { count: 500 },
    mix: [
      { name: 'browse', path: '/', share: 0.7 },
      { name: 'cart', path: '/cart/items', share: 0.3 },
    ],
  },
  balancers: [{ id: 'alb', listeners: [{ port: 80, defaultForward: 'web', rules: withCart ? [{ match: { pathPrefix: '/cart' }, forward: 'cart' }] : [] }] }],
  targetGroups: [
    { id: 'web', algorithm: 'round-robin', targets: ['w1', 'w2', 'w3'].map((id) => ({ id, concurrency: 20, serviceTimeMs: { dist: 'exponential', meanMs: 20 } })) },
    ...(withCart ? [{ id: 'cart', algorithm: 'round-robin' as const, targets: ['c1', 'c2'].map((id) => ({ id, concurrency: 20, serviceTimeMs: { dist: 'exponential' as const, meanMs: 20 } })) }] : []),
  ],
});

const cartPatch: Change = {
  action: 'patch',
  patches: [
    { op: 'add', path: '/targetGroups/-', value: { id: 'cart', algorithm: 'round-robin', targets: ['c1', 'c2'].map((id) => ({ id, concurrency: 20, serviceTimeMs: { dist: 'exponential', meanMs: 20 } })) } },
    { op: 'add', path: '/balancers/0/listeners/0/rules/-', value: { match: { pathPrefix: '/cart' }, forward: 'cart' } },
  ],
};

/** Runs `world` to `untilMs`, applying `changes` at their times; returns every finished request and the simulation. */
function run(world: Scenario, changes: { atMs: number; change: Change }[], untilMs: number) {
  const done: TraceRecord[] = [];
  const sim = createSimulation(world, { onRequestDone: (r) => done.push(r) });
  for (const c of changes) {
    sim.runUntil(c.atMs);
    expect(sim.apply(c.change)).toBeNull();
  }
  sim.runUntil(untilMs);
  return { sim, done };
}

describe('live patches', () => {
  it('a group and a rule added at 20 s take exactly the requests the rule matches from then on', () => {
    const patched = run(checked(mixWorld(false)), [{ atMs: 20_000, change: cartPatch }], 60_000).done;
    const fromStart = run(checked(mixWorld(true)), [], 60_000).done;
    const toCart = (records: TraceRecord[], after: boolean) =>
      records.filter((r) => (r.arrivalMs >= 20_000) === after && (r.target === 'c1' || r.target === 'c2')).map((r) => r.id).sort((a, b) => a - b);
    // before 20 s nothing reaches the cart group; after it, exactly the requests the rule matches in a world that always had it
    expect(toCart(patched, false)).toEqual([]);
    const expected = toCart(fromStart, true);
    expect(expected.length).toBeGreaterThan(300);
    expect(toCart(patched, true)).toEqual(expected);
    expect(patched.every((r) => r.outcome === 'ok')).toBe(true);
  });

  it("a new HAProxy hash-type starts the algorithm afresh: patched at 0 s it routes exactly as the world that had it", () => {
    const world = (hashType: 'map-based' | 'consistent'): ScenarioInput => ({
      schemaVersion: 1,
      name: 'replicas',
      seed: 4,
      traffic: { arrival: { kind: 'poisson', ratePerSec: 50 }, clients: { count: 60 } },
      balancers: [{ id: 'haproxy', listeners: [{ port: 80, defaultForward: 'db' }] }],
      targetGroups: [{ id: 'db', algorithm: 'haproxy-source', hashType, targets: ['r1', 'r2', 'r3', 'r4'].map((id) => ({ id, concurrency: 8, serviceTimeMs: 5 })) }],
    });
    const targets = (records: TraceRecord[]) => records.map((r) => `${r.id}:${r.target}`);
    const patched = run(checked(world('map-based')), [{ atMs: 0, change: { action: 'patch', path: '/targetGroups/0/hashType', value: 'consistent' } }], 20_000).done;
    const consistent = run(checked(world('consistent')), [], 20_000).done;
    const mapBased = run(checked(world('map-based')), [], 20_000).done;
    // the two hash types place some clients differently, so the check can fail
    expect(targets(mapBased)).not.toEqual(targets(consistent));
    expect(targets(patched)).toEqual(targets(consistent));
  });

  it('the run adopts the patch without a reset: requests, counters and the clock go on', () => {
    const sim = createSimulation(checked(mixWorld(false)));
    sim.runUntil(20_000);
    const before = sim.metrics().requests.total;
    expect(sim.apply(cartPatch)).toBeNull();
    expect(sim.nowMs).toBe(20_000);
    expect(sim.metrics().requests.total).toBe(before);
    expect(sim.scenario.targetGroups.map((g) => g.id)).toEqual(['web', 'cart']);
    expect(sim.topology().groups.map((g) => g.id)).toEqual(['web', 'cart']);
    expect(sim.events(0).some((e) => e.kind === 'config' && e.message.includes('add /targetGroups/-'))).toBe(true);
  });

  it('switching a group\'s session store to shared before a crash loses no cart', () => {
    const world = (): Scenario =>
      checked({
        schemaVersion: 1,
        name: 'carts',
        seed: 5,
        traffic: { arrival: { kind: 'poisson', ratePerSec: 30 }, clients: { count: 200 }, sessions: { idleSec: 1800 }, mix: [{ name: 'add', path: '/cart', share: 1, cart: 'add' }] },
        balancers: [{ id: 'alb', listeners: [{ port: 80, defaultForward: 'web' }] }],
        targetGroups: [{ id: 'web', algorithm: 'round-robin', stickiness: { kind: 'lb-cookie' }, healthCheck: { preset: 'aws-alb', intervalSec: 5, timeoutSec: 2, unhealthyThreshold: 2, healthyThreshold: 2 }, targets: ['a', 'b', 'c'].map((id) => ({ id, concurrency: 8, serviceTimeMs: { dist: 'exponential', meanMs: 30 } })) }],
        events: [{ atSec: 30, action: 'crash', target: 'b' }],
      });
    const memory = run(world(), [], 60_000).sim.metrics().sessions!;
    expect(memory.cartsLost).toBeGreaterThan(10);
    const shared = run(world(), [{ atMs: 20_000, change: { action: 'patch', path: '/targetGroups/0/sessionStore', value: { kind: 'shared', latencyMs: 1 } } }], 60_000).sim.metrics().sessions!;
    expect(shared.cartsLost).toBe(0);
    expect(shared.sessionsStarted).toBeGreaterThan(100);
  });

  it('cross-zone turned off mid-run confines each node to its zone', () => {
    const world = checked({
      schemaVersion: 1,
      name: 'zones',
      seed: 2,
      traffic: { arrival: { kind: 'poisson', ratePerSec: 40 }, clients: { count: 400 } },
      balancers: [{ id: 'alb', zones: ['za', 'zb'], listeners: [{ port: 80, defaultForward: 'web' }] }],
      targetGroups: [{ id: 'web', algorithm: 'round-robin', targets: [['a1', 'za'], ['a2', 'za'], ['b1', 'zb']].map(([id, zone]) => ({ id, zone, concurrency: 20, serviceTimeMs: { dist: 'exponential', meanMs: 20 } })) }],
    });
    const { done } = run(world, [{ atMs: 20_000, change: { action: 'patch', path: '/balancers/0/crossZone', op: 'add', value: false } }], 60_000);
    // a client talks to its home node (client id mod 2: za, zb) while both are up
    const zoneOfTarget: Record<string, number> = { a1: 0, a2: 0, b1: 1 };
    const crossed = (after: boolean) => done.filter((r) => (r.arrivalMs >= 20_000) === after && zoneOfTarget[r.target!] !== r.client % 2).length;
    expect(crossed(false)).toBeGreaterThan(50);
    expect(crossed(true)).toBe(0);
    expect(done.filter((r) => r.arrivalMs >= 20_000).length).toBeGreaterThan(1000);
  });

  it('a zone removed mid-run takes the targets placed in it out of rotation, cross-zone on or off; added back, they return', () => {
    for (const crossZone of [true, false]) {
      // t1, t2, t3 name no zone: the lab places them round robin over alb's zones, za, zb, za
      const world = checked({
        schemaVersion: 1,
        name: 'zones',
        seed: 2,
        traffic: { arrival: { kind: 'poisson', ratePerSec: 40 }, clients: { count: 400 } },
        balancers: [{ id: 'alb', zones: ['za', 'zb'], crossZone, listeners: [{ port: 80, defaultForward: 'web' }] }],
        targetGroups: [{ id: 'web', algorithm: 'round-robin', targets: ['t1', 't2', 't3'].map((id) => ({ id, concurrency: 20, serviceTimeMs: { dist: 'exponential', meanMs: 20 } })) }],
      });
      const { done, sim } = run(
        world,
        [
          { atMs: 20_000, change: { action: 'patch', op: 'remove', path: '/balancers/0/zones/1' } },
          { atMs: 40_000, change: { action: 'patch', op: 'add', path: '/balancers/0/zones/-', value: 'zb' } },
        ],
        60_000,
      );
      const to = (target: string, from: number, until: number) => done.filter((r) => r.target === target && r.arrivalMs >= from && r.arrivalMs < until).length;
      expect(to('t2', 0, 20_000)).toBeGreaterThan(100);
      // from the removal on, t2 (in zb) takes nothing, and no request fails for it
      expect(to('t2', 20_000, 40_000)).toBe(0);
      expect(done.filter((r) => r.arrivalMs >= 20_000 && r.arrivalMs < 40_000 && r.outcome !== 'ok')).toEqual([]);
      // round robin alternates the two left, so they split the requests evenly
      expect(Math.abs(to('t1', 20_000, 40_000) - to('t3', 20_000, 40_000))).toBeLessThanOrEqual(1);
      expect(to('t2', 40_000, 60_000)).toBeGreaterThan(100);
      const log = sim.events(0).filter((e) => e.kind === 'config' && e.subject === 't2');
      expect(log.map((e) => [e.timeMs, e.message])).toEqual([
        [20_000, "t2 is in zone zb, which no balancer forwarding to web has any more: it leaves rotation and finishes what it holds (as ELB's Target.NotInUse)"],
        [40_000, 'zone zb is back for web: t2 returns to rotation'],
      ]);
    }
  });

  it('a scaling policy added mid-run acts at its first evaluation, on the datapoints already published', () => {
    const world = checked({
      schemaVersion: 1,
      name: 'asg',
      seed: 4,
      traffic: { arrival: { kind: 'poisson', ratePerSec: 60 }, clients: { count: 500 } },
      balancers: [{ id: 'alb', listeners: [{ port: 80, defaultForward: 'web' }] }],
      targetGroups: [{ id: 'web', algorithm: 'round-robin', targets: ['a', 'b'].map((id) => ({ id, concurrency: 4, serviceTimeMs: { dist: 'exponential', meanMs: 50 } })) }],
      scalingGroups: [{ id: 'asg', targetGroup: 'web', min: 1, max: 10, policies: [] }],
    });
    const policy = { kind: 'target-tracking', metric: 'CPUUtilization', targetValue: 30 };
    const { sim } = run(world, [{ atMs: 300_500, change: { action: 'patch', op: 'add', path: '/scalingGroups/0/policies/-', value: policy } }], 301_000);
    const decisions = sim.events(0).filter((e) => e.kind === 'scaling' && e.message.includes('desired'));
    expect(decisions.map((e) => e.timeMs)).toEqual([300_500]);
    expect(sim.scaling()[0].desired).toBeGreaterThan(2);
  });

  it('a group that rules still name is refused; removed together with its rule, it goes', () => {
    const sim = createSimulation(checked(mixWorld(true)));
    sim.runUntil(10_000);
    expect(sim.apply({ action: 'patch', op: 'remove', path: '/targetGroups/1' })).toMatch(/balancers\[0\]\.listeners\[0\]\.rules\[0\]\.forward: no target group with id "cart"/);
    expect(sim.scenario.targetGroups).toHaveLength(2);
    expect(sim.apply({ action: 'patch', patches: [{ op: 'remove', path: '/balancers/0/listeners/0/rules/0' }, { op: 'remove', path: '/targetGroups/1' }] })).toBeNull();
    sim.runUntil(20_000);
    expect(sim.topology().groups.map((g) => g.id)).toEqual(['web']);
    const m = sim.metrics();
    expect(m.failures['no-route']).toBe(0);
  });

  describe('bad patches are refused with the path and the reason, and the run goes on untouched', () => {
    const cases: [string, Change, RegExp][] = [
      ['an unknown path', { action: 'patch', path: '/targetGroups/0/nope', value: 1 }, /\/targetGroups\/0\/nope: there is no "nope" to replace/],
      ['a value of the wrong type', { action: 'patch', path: '/targetGroups/0/targets/0/weight', value: 'heavy' }, /targetGroups\[0\]\.targets\[0\]\.weight: must be number, got the text "heavy"/],
      ['a rule forwarding to a missing group', { action: 'patch', op: 'add', path: '/balancers/0/listeners/0/rules/-', value: { match: { pathPrefix: '/x' }, forward: 'ghost' } }, /balancers\[0\]\.listeners\[0\]\.rules\[0\]\.forward: no target group with id "ghost"/],
      ['removing the last target', { action: 'patch', op: 'remove', path: '/targetGroups/0/targets/0' }, /targetGroups\[0\]\.targets: needs at least 1 item/],
      ['an item past the end', { action: 'patch', path: '/targetGroups/3', value: {} }, /there is no item 3 \(the list has 1\)/],
      ['a pointer without its slash', { action: 'patch', path: 'targetGroups/0', value: {} }, /is not a JSON Pointer/],
      ['the seed, which makes the run', { action: 'patch', path: '/seed', value: 9 }, /seed: the seed makes the run/],
    ];
    it.each(cases)('%s', (_name, change, message) => {
      const world = simple({ targets: 1, ratePerSec: 20, concurrency: 4, serviceMs: 50 });
      const tried = createSimulation(world);
      const untouched = createSimulation(world);
      tried.runUntil(10_000);
      untouched.runUntil(10_000);
      expect(tried.apply(change)).toMatch(message);
      expect(tried.scenario).toEqual(world);
      tried.runUntil(30_000);
      untouched.runUntil(30_000);
      expect(tried.metrics()).toEqual(untouched.metrics());
    });
  });

  it('the friendly changes keep the scenario current, so a later patch starts from what runs', () => {
    const sim = createSimulation(simple({ targets: 3, ratePerSec: 20 }));
    sim.runUntil(5_000);
    expect(sim.apply({ action: 'set-weight', target: 'b', weight: 4 })).toBeNull();
    expect(sim.apply({ action: 'set-target-count', group: 'web', count: 4 })).toBeNull();
    expect(sim.apply({ action: 'set-algorithm', group: 'web', algorithm: 'least-connections' })).toBeNull();
    const g = sim.scenario.targetGroups[0];
    expect(g.algorithm).toBe('least-connections');
    expect(g.targets.map((t) => `${t.id}:${t.weight}`)).toEqual(['a:1', 'b:4', 'c:1', 'web-4:1']);
    expect(sim.apply({ action: 'patch', path: '/targetGroups/0/targets/3/concurrency', value: 7 })).toBeNull();
    expect(sim.scenario.targetGroups[0].targets[3].concurrency).toBe(7);
  });
});
