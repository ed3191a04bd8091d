// An inspection appliance's capacity (network/appliance-queue.ts): c workers, a FIFO queue of L, drops past
// it. Expectations are worked out by hand from deterministic service times and known arrivals.
import { describe, expect, it } from 'vitest';
import { ApplianceQueue } from '../../../src/engine/network/appliance-queue.ts';

describe('ApplianceQueue', () => {
  it('two workers, a queue of three, eight jobs of 10 ms at once: two start, three wait 10, 10 and 20 ms, three are dropped', () => {
    const q = new ApplianceQueue(2, 3);
    const waits = Array.from({ length: 8 }, () => q.admit(0, 10));
    expect(waits).toEqual([0, 0, 10, 10, 20, -1, -1, -1]);
    expect([q.admitted, q.dropped, q.peakQueued, q.queued(0), q.busy(0)]).toEqual([5, 3, 3, 3, 2]);
    // at 10 ms jobs 3 and 4 start; job 5 still waits (it starts at 20 ms on the worker job 3 frees)
    expect(q.queued(10)).toBe(1);
    // a job arriving at 10 ms takes the other worker when job 4 ends, at 20 ms
    expect(q.admit(10, 10)).toBe(10);
    expect(q.queued(10)).toBe(2);
    expect(q.queued(20)).toBe(0);
    expect(q.waitedMs).toBe(10 + 10 + 20 + 10);
  });

  it('arrivals every 4 ms at two workers of 10 ms (load 1.25): job n waits 2 × ⌊n / 2⌋ ms', () => {
    // start(n) = max(4n, start(n − 2) + 10): start(2k) = 10k and start(2k + 1) = 10k + 4 for k ≥ 1,
    // so job 2k waits 10k − 8k = 2k ms, and job 2k + 1 waits 10k + 4 − (8k + 4) = 2k ms
    const q = new ApplianceQueue(2, 1000);
    for (let n = 0; n < 200; n++) expect(q.admit(4 * n, 10)).toBe(2 * Math.floor(n / 2));
    expect(q.dropped).toBe(0);
  });

  it('arrivals every 10 ms at one worker of 25 ms with a queue of two: after the queue fills, two of every five are inspected', () => {
    // worked by hand: arrivals at 10, 20, 30, … ms; the queue holds the start times of the jobs waiting
    // a0 starts at 10; a1, a2 wait (starts 35, 60); a3 at 40 finds 35 started, starts at 85 (waits 45);
    // a4 at 50 finds two waiting: dropped; a5 at 60 starts at 110 (waits 50); a6, a7 dropped; a8 at 90
    // starts at 135 (45); … from a3 on the pattern repeats every 5 arrivals: waits 45 and 50, three drops
    const q = new ApplianceQueue(1, 2);
    const waits = Array.from({ length: 23 }, (_, n) => q.admit(10 * (n + 1), 25));
    const period = [45, -1, 50, -1, -1];
    expect(waits).toEqual([0, 15, 30, ...Array.from({ length: 20 }, (_, i) => period[i % 5])]);
    expect(q.dropped).toBe(12);
    expect(q.peakQueued).toBe(2);
  });

  it('a queue limit of 0 drops whatever finds every worker busy', () => {
    const q = new ApplianceQueue(1, 0);
    expect([q.admit(0, 5), q.admit(1, 5), q.admit(5, 5)]).toEqual([0, -1, 0]);
  });
});
