import { describe, expect, it } from 'vitest';
import { RecordHealth, type HealthTransition } from '../../../../src/engine/infra/dns/health-checker.ts';

/** Makes every probe of record 0 due by `toMs`, with the endpoint up iff `up(probeTimeMs)`. */
function run(h: RecordHealth, toMs: number, up: (ms: number) => boolean): HealthTransition[] {
  const out: HealthTransition[] = [];
  for (let at = h.nextCheckMs(0); at <= toMs; at = h.nextCheckMs(0)) {
    const t = h.observe(0, up(at), at);
    if (t) out.push(t);
  }
  return out;
}

const oneChecker = { intervalSec: 30, failureThreshold: 3, checkers: 1 } as const;
const eightCheckers = { intervalSec: 30, failureThreshold: 3, checkers: 8 } as const;

describe('RecordHealth', () => {
  it('a new check starts healthy, before it has any data', () => {
    const h = new RecordHealth([true], oneChecker);
    expect(h.isHealthy(0)).toBe(true);
    expect(run(h, 60_000, () => false)).toEqual([
      { recordIndex: 0, healthy: false, atMs: 60_000, healthyCheckers: 0, checkers: 1 },
    ]);
  });

  it('one checker at 30 s, threshold 3: an endpoint dying at 45 s is marked unhealthy at the third failed probe (120 s)', () => {
    const h = new RecordHealth([true], oneChecker);
    const dead = (ms: number): boolean => ms < 45_000;
    expect(run(h, 119_999, dead)).toEqual([]);
    expect(h.isHealthy(0)).toBe(true);
    expect(run(h, 120_000, dead).map((t) => t.atMs)).toEqual([120_000]);
    expect(h.isHealthy(0)).toBe(false);
  });

  it('recovery also takes 3 consecutive passed probes: back at 200 s, healthy at 270 s', () => {
    const h = new RecordHealth([true], oneChecker);
    const up = (ms: number): boolean => ms < 45_000 || ms >= 200_000;
    expect(run(h, 1_000_000, up).map((t) => [t.atMs, t.healthy])).toEqual([
      [120_000, false],
      [270_000, true],
    ]);
  });

  it('an endpoint failing 2 probes of every 3 never reaches 3 in a row and stays healthy', () => {
    const h = new RecordHealth([true], oneChecker);
    expect(run(h, 600_000, (ms) => (ms / 30_000) % 3 === 2)).toEqual([]);
  });

  it('threshold 1 at the fast 10 s interval flips at the first failed probe', () => {
    const h = new RecordHealth([true], { intervalSec: 10, failureThreshold: 1, checkers: 1 });
    expect(run(h, 100_000, (ms) => ms < 31_000).map((t) => t.atMs)).toEqual([40_000]);
  });

  it('8 staggered checkers probe every 3.75 s, each checker every 30 s', () => {
    const h = new RecordHealth([true], eightCheckers, 1_000);
    const times: number[] = [];
    for (let k = 0; k < 10; k++) {
      times.push(h.nextCheckMs(0));
      h.observe(0, true, h.nextCheckMs(0));
    }
    expect(times).toEqual([1_000, 4_750, 8_500, 12_250, 16_000, 19_750, 23_500, 27_250, 31_000, 34_750]);
  });

  it('8 checkers: unhealthy only once 7 have flipped (> 18 % healthy needs 2), healthy again once 2 have', () => {
    // Dies at 10 s: checkers 3,4,5,6,7,0,1,2 see their first failure at 11.25, 15, ..., 37.5 s and flip
    // 60 s later; the 7th (checker 1) flips at 93.75 s. Back at 200 s: checkers 6 and 7 first pass at
    // 202.5 and 206.25 s, the second of them flips at 266.25 s.
    const h = new RecordHealth([true], eightCheckers);
    const up = (ms: number): boolean => ms < 10_000 || ms >= 200_000;
    expect(run(h, 1_000_000, up)).toEqual([
      { recordIndex: 0, healthy: false, atMs: 93_750, healthyCheckers: 1, checkers: 8 },
      { recordIndex: 0, healthy: true, atMs: 266_250, healthyCheckers: 2, checkers: 8 },
    ]);
  });

  it('a record without a health check is always healthy and never probed', () => {
    const h = new RecordHealth([false, true], oneChecker);
    expect(h.nextCheckMs(0)).toBe(Infinity);
    expect(h.observe(0, false, 0)).toBeNull();
    expect(h.isHealthy(0)).toBe(true);
    expect(h.healthyCheckers(0)).toBe(1);
  });
});
