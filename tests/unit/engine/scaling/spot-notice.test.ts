// Spot interruptions come with EC2's two-minute notice: the instance is deregistered and drains when
// notified, and is reclaimed 2 min later.
import { describe, expect, it } from 'vitest';
import { createSimulation } from '../../../../src/engine/index.ts';
import { checked } from '../support/scenarios.ts';
import type { ScenarioInput } from '../../../../src/scenario/schema.ts';

/** Three spot instances interrupted about once a minute each, behind a balancer; requests of 50 ms. */
function spot(deregistrationDelaySec: number, longLivedMs?: number): ScenarioInput {
  return {
    schemaVersion: 1,
    name: 'spot',
    durationSec: 600,
    traffic: { arrival: { kind: 'constant', ratePerSec: 20 }, ...(longLivedMs ? { mix: [{ name: 'ws', path: '/live', share: 1, longLivedMs }] } : {}) },
    balancers: [{ id: 'lb', listeners: [{ port: 80, defaultForward: 'web' }] }],
    targetGroups: [{ id: 'web', algorithm: 'round-robin', deregistrationDelaySec, targets: [{ id: 'web-1', concurrency: 100, serviceTimeMs: 50 }] }],
    scalingGroups: [{ id: 'asg', targetGroup: 'web', min: 3, max: 3, desired: 3, bootSec: 30, warmupSec: 0, market: 'spot', spotInterruptionsPerHour: 60 }],
  };
}

const log = (sim: ReturnType<typeof createSimulation>) => sim.events(0);

describe('spot interruption notice', () => {
  it('a notified instance is deregistered and drains (30 s) well before the reclaim 120 s later; no request fails', () => {
    const sim = createSimulation(checked(spot(30)));
    sim.runUntil(600_000);
    const events = log(sim);
    const notices = events.filter((e) => e.kind === 'spot' && e.message.includes('notice') && e.message.includes('drains'));
    expect(notices.length).toBeGreaterThan(3);
    for (const n of notices) {
      const after = events.filter((e) => e.subject === n.subject && e.timeMs >= n.timeMs);
      const unused = after.find((e) => e.kind === 'unused')!;
      expect(unused.timeMs).toBe(n.timeMs + 30_000);
      expect(unused.message).toContain('finished draining and is now unused');
      // the reclaim finds it already gone: no "stopped" entry
      expect(after.some((e) => e.kind === 'spot' && e.message.includes('is stopped'))).toBe(false);
    }
    expect(sim.metrics().requests.failed).toBe(0);
  });

  it('a drain longer than the notice is cut off at the reclaim: 120 s after the notice, what it holds fails', () => {
    // WebSockets held 10 min: a draining instance still holds its connections when EC2 reclaims it
    const sim = createSimulation(checked(spot(300, 600_000)));
    sim.runUntil(600_000);
    const events = log(sim);
    const n = events.find((e) => e.kind === 'spot' && e.message.includes('drains'))!;
    const after = events.filter((e) => e.subject === n.subject && e.timeMs > n.timeMs);
    const stopped = after.find((e) => e.kind === 'spot' && e.message.includes('is stopped'))!;
    expect(stopped.timeMs).toBe(n.timeMs + 120_000);
    const unused = after.find((e) => e.kind === 'unused')!;
    expect(unused.timeMs).toBe(n.timeMs + 120_000);
    expect(sim.metrics().failures.refused).toBeGreaterThan(0);
  });
});
