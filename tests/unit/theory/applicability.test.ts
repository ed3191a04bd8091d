// Which scenarios M/M/c covers, and the words for why a run departs from it.
import { describe, expect, it } from 'vitest';
import { mmcModel } from '../../../src/theory/applicability.ts';
import { simple } from '../engine/support/scenarios.ts';

describe('mmcModel', () => {
  it('one target with c slots, Poisson, exponential: exact, nothing departs', () => {
    expect(mmcModel(simple({ targets: 1, concurrency: 4, ratePerSec: 30, serviceMs: 100 }))).toEqual({ c: 4, lambdaPerSec: 30, serviceMs: 100, exact: true, departures: [] });
  });

  it('several targets with their own queues: a best case, said why', () => {
    const m = mmcModel(simple({ targets: 3, concurrency: 2, algorithm: 'round-robin' }));
    expect(typeof m).toBe('object');
    if (typeof m === 'string') return;
    expect(m.c).toBe(6);
    expect(m.exact).toBe(false);
    expect(m.departures[0]).toContain('each of the 3 targets keeps its own queue');
  });

  it('constant service or evenly spaced arrivals are named', () => {
    expect(mmcModel(simple({ exponential: false }))).toBe('M/M/c needs exponential service times with one mean for every target.');
    const m = mmcModel(simple({ targets: 1, arrival: 'constant' }));
    expect(typeof m === 'string' ? [] : m.departures).toEqual(['arrivals are evenly spaced, not Poisson: less waiting than predicted']);
  });

  it('a heavy tail and attack bursts are named', () => {
    const heavy = simple({ targets: 1 });
    heavy.targetGroups[0].targets[0].serviceTimeMs = { dist: 'lognormal', medianMs: 50, p99Ms: 2000 };
    expect(mmcModel(heavy)).toMatch(/^service times are lognormal, a heavy tail/);
    const burst = simple({ targets: 1 });
    burst.traffic.attacks = [{ atSec: 10, durationSec: 5, ratePerSec: 500, bots: 10 }] as typeof burst.traffic.attacks;
    const m = mmcModel(burst);
    expect(typeof m === 'string' ? [] : m.departures).toContain('attack waves are bursts far above the steady rate: queues build during them and drain after');
  });
});
