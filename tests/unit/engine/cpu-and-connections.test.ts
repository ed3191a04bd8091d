// CPU is compute, not a busy slot; and how targets hold long-lived connections (thread per connection or an
// event loop).
import { describe, expect, it } from 'vitest';
import { createSimulation, TARGET_STRIDE, TF } from '../../../src/engine/index.ts';
import { checked } from './support/scenarios.ts';
import type { ScenarioInput } from '../../../src/scenario/schema.ts';

/** One target of 4 slots computing 10 ms per request, then waiting `waitMs` on a shared session store; 100 req/s keeps its slots full. */
function waiting(waitMs: number, scaling = false): ScenarioInput {
  return {
    schemaVersion: 1,
    name: 'waits',
    traffic: { arrival: { kind: 'constant', ratePerSec: 100 }, sessions: { idleSec: 1800 } },
    balancers: [{ id: 'lb', listeners: [{ port: 80, defaultForward: 'web' }] }],
    targetGroups: [
      {
        id: 'web',
        algorithm: 'round-robin',
        requestTimeoutMs: 3_600_000,
        sessionStore: { kind: 'shared', latencyMs: waitMs },
        targets: [{ id: 'web-1', concurrency: 4, serviceTimeMs: 10 }],
      },
    ],
    scalingGroups: scaling ? [{ id: 'asg', targetGroup: 'web', min: 1, max: 4, warmupSec: 0, policies: [{ kind: 'target-tracking', metric: 'CPUUtilization', targetValue: 50 }] }] : [],
  };
}

const field = (sim: ReturnType<typeof createSimulation>, t: number, f: keyof typeof TF) => sim.snapshot().targets[t * TARGET_STRIDE + TF[f]];

describe('CPU is compute, not a busy slot', () => {
  it('a target that mostly waits for its session store has full slots and 10 % CPU', () => {
    const sim = createSimulation(checked(waiting(90)));
    sim.runUntil(30_000);
    expect(field(sim, 0, 'utilization')).toBe(1);
    expect(field(sim, 0, 'inService')).toBe(4);
    expect(field(sim, 0, 'cpu')).toBeCloseTo(0.1, 12);
    // over the run (slots filled 30 ms after the start): a tenth of the busy slot-time is compute
    const run = sim.metrics().targets['web-1'];
    expect(run.utilization).toBeCloseTo(1 - 0.025 / 30, 12);
    expect(run.cpu).toBeCloseTo(run.utilization / 10, 12);
  });

  it('a target that mostly waits for the database keeps its slots full while its CPU stays near 10 %', () => {
    const doc = waiting(0);
    doc.traffic.sessions = undefined;
    doc.targetGroups[0].sessionStore = undefined;
    doc.targetGroups[0].database = { id: 'db', poolSize: 4 };
    doc.databases = [{ id: 'db', maxConnections: 100, queryTimeMs: 90, concurrency: 10_000 }];
    const sim = createSimulation(checked(doc));
    sim.runUntil(30_000);
    expect(field(sim, 0, 'utilization')).toBe(1);
    // the database is nearly idle (40 queries/s on 10,000 lanes): 10 / (10 + 90 × 1.00036)
    expect(field(sim, 0, 'cpu')).toBeCloseTo(0.1, 4);
    expect(field(sim, 0, 'cpu')).toBeLessThan(0.1);
  });

  it('without waits CPU equals slot utilisation exactly', () => {
    const doc = waiting(0);
    doc.traffic.sessions = undefined;
    doc.targetGroups[0].sessionStore = undefined;
    doc.traffic.arrival = { kind: 'poisson', ratePerSec: 200 };
    doc.targetGroups[0].targets[0].concurrency = 3;
    const sim = createSimulation(checked(doc));
    for (let t = 1; t <= 20; t++) {
      sim.runUntil(t * 1000 + 1);
      expect(field(sim, 0, 'cpu')).toBe(field(sim, 0, 'utilization'));
    }
  });

  it('CPU target tracking does not scale out a target whose slots are full of waiting', () => {
    const sim = createSimulation(checked(waiting(90, true)));
    sim.runUntil(600_000);
    const [asg] = sim.scaling();
    expect(asg.desired).toBe(1);
    expect(Math.max(...asg.series.cpu)).toBeCloseTo(10, 6);
    // the same target computing for the whole 100 ms is at 100 % CPU and the group scales out
    const busy = waiting(0, true);
    busy.targetGroups[0].targets[0].serviceTimeMs = 100;
    const scaled = createSimulation(checked(busy));
    scaled.runUntil(600_000);
    expect(scaled.scaling()[0].desired).toBeGreaterThan(1);
  });
});

/** WebSockets held 300 s, 20 new ones a second, on two targets of 8 slots. */
function sockets(model: 'thread-per-connection' | 'event-loop', algorithm: 'round-robin' | 'least-connections' = 'round-robin'): ScenarioInput {
  return {
    schemaVersion: 1,
    name: 'sockets',
    traffic: { arrival: { kind: 'constant', ratePerSec: 20 }, mix: [{ name: 'ws', path: '/live', share: 1, longLivedMs: 300_000 }] },
    balancers: [{ id: 'lb', listeners: [{ port: 443, protocol: 'https', defaultForward: 'ws' }] }],
    targetGroups: [{ id: 'ws', algorithm, targets: ['a', 'b'].map((id) => ({ id, concurrency: 8, queueLimit: 100, connectionModel: model, serviceTimeMs: 5 })) }],
  };
}

describe('connection models', () => {
  it('event-loop servers hold many WebSockets without filling their slots', () => {
    const sim = createSimulation(checked(sockets('event-loop')));
    sim.runUntil(60_000);
    // one connection every 50 ms, alternately: a opens at 50, 150, … ms and b at 100, 200, … ms. Over the last
    // second [59, 60) s each began with 590; a opened 10 more at 59.05 … 59.95 s (5 on average over the second),
    // b 9 more at 59.1 … 59.9 s (4.5; its tenth, at 60 s, falls after). Heartbeats: 0.002 ms/s over 8 slots.
    for (const [t, held] of [[0, 595], [1, 594.5]]) {
      expect(field(sim, t, 'connections')).toBe(600);
      expect(field(sim, t, 'inService')).toBe(0);
      expect(field(sim, t, 'queued')).toBe(0);
      expect(field(sim, t, 'cpu')).toBeCloseTo((held * 0.002) / 1000 / 8, 12);
    }
    expect(sim.metrics().requests.failed).toBe(0);
    expect(sim.metrics().targets.a.inFlight).toBe(600);
  });

  it('thread-per-connection servers give each WebSocket a slot: 8 each, then a queue, then 503', () => {
    const sim = createSimulation(checked(sockets('thread-per-connection')));
    sim.runUntil(60_000);
    for (const t of [0, 1]) {
      expect(field(sim, t, 'inService')).toBe(8);
      expect(field(sim, t, 'queued')).toBe(100);
      expect(field(sim, t, 'connections')).toBe(0);
      expect(field(sim, t, 'utilization')).toBe(1);
      expect(field(sim, t, 'cpu')).toBeCloseTo(0.002 / 1000, 12);
    }
    expect(sim.metrics().failures.rejected).toBe(1200 - 2 * 108);
  });

  it('least connections evens out open WebSockets on event-loop servers after a target joins; round robin does not', () => {
    const spread = (algorithm: 'round-robin' | 'least-connections') => {
      const sim = createSimulation(checked(sockets('event-loop', algorithm)));
      sim.runUntil(60_000);
      sim.apply({ action: 'set-target-count', group: 'ws', count: 3 });
      sim.runUntil(120_000);
      return [0, 1, 2].map((t) => field(sim, t, 'connections'));
    };
    expect(spread('round-robin')).toEqual([1000, 1000, 400]);
    expect(spread('least-connections')).toEqual([800, 800, 800]);
  });

  it("an event-loop server's memory caps its connections: beyond, new ones get 503", () => {
    const doc = sockets('event-loop');
    for (const t of doc.targetGroups[0].targets) Object.assign(t, { instanceType: 't3.micro', connectionMemoryKiB: 4096 });
    const sim = createSimulation(checked(doc));
    sim.runUntil(60_000);
    // 1 GiB / 4 MiB = 256 connections each
    expect([0, 1].map((t) => field(sim, t, 'connections'))).toEqual([256, 256]);
    expect(sim.metrics().failures.rejected).toBe(1200 - 512);
  });
});
