// The numbers the lesson prose states, checked against the engine: if the engine changes and a sentence
// stops being true, this fails and names the sentence's lesson. Each test quotes the claim it guards.
import { describe, expect, it } from 'vitest';
import { loadLessonsFromDir } from '../../src/content/node-loader.ts';
import type { Lesson } from '../../src/content/lesson.ts';
import { evaluateCondition, goalStateOf, type Condition, type TimedChange } from '../../src/engine/goals/index.ts';
import { createSimulation } from '../../src/engine/index.ts';
import type { Change, Scenario } from '../../src/scenario/schema.ts';

const { lessons } = loadLessonsFromDir('lessons');
const lesson = (order: number): Lesson => lessons.find((l) => l.order === order)!;

function run(world: Scenario, changes: readonly TimedChange[], untilSec: number) {
  const sim = createSimulation(world);
  for (const c of changes) {
    sim.runUntil(c.atMs);
    expect(sim.apply(c.change)).toBeNull();
  }
  sim.runUntil(untilSec * 1000);
  return sim;
}

const at = (sec: number, change: Change): TimedChange => ({ atMs: sec * 1000, change });
type Sim = ReturnType<typeof run>;
const value = (sim: Sim, c: Condition): number => evaluateCondition(c, goalStateOf(sim, [])).value!;
const logAt = (sim: Sim, kind: string, subject: string) => sim.events(0).filter((e) => e.kind === kind && e.subject === subject).map((e) => e.timeMs / 1000);

describe('01 one server is not enough', () => {
  const l = lesson(1);

  it('DNS: "Route 53 marked record-1 unhealthy at 105 s"; "failures trickled on until 128 s"; "1,069 failed requests"; "roughly a third"', () => {
    const sim = run(l.scenes.dns, [], 180);
    expect(logAt(sim, 'dns-unhealthy', 'record-1')).toEqual([105]);
    const s = sim.series();
    const failing = [...s.failed].map((f, i) => (f > 0 ? i : -1)).filter((i) => i >= 0);
    expect(Math.max(...failing)).toBe(127);
    expect(sim.metrics().requests.failed).toBe(1069);
    const share = value(sim, { kind: 'metric', metric: 'errorRate', fromSec: 21, toSec: 105, atLeast: 0 });
    expect(share).toBeGreaterThan(0.28);
    expect(share).toBeLessThan(0.4);
  });

  it('with the fix: "web-1 left rotation 40 s after the crash, and 383 requests failed"', () => {
    const w = run(l.scenario, l.solution, 120).health().windows[0];
    expect(w.detectMs).toBe(40_001);
    expect(w.failedRequests).toBe(383);
  });
});

describe('02 round robin and its weighted cousin', () => {
  const l = lesson(2);

  it('round robin: "318 requests were rejected", "the slowest second\'s p99 reached 2.8 s", "large is only about 27 % busy"', () => {
    const sim = run(l.scenario, [], 90);
    expect(sim.metrics().failures.rejected).toBe(318);
    const worst = value(sim, { kind: 'metric', metric: 'p99Ms', fromSec: 0, toSec: 90, atMost: 0 });
    expect(worst).toBeGreaterThan(2750);
    expect(worst).toBeLessThan(2850);
    const large = value(sim, { kind: 'metric', metric: 'targetUtilization', target: 'large', fromSec: 10, toSec: 90, atLeast: 0 });
    expect(large).toBeGreaterThan(0.24);
    expect(large).toBeLessThan(0.3);
  });

  it('weights 4:2:1: "57 %, 29 % and 14 %", "about 47 % busy", "p99 around 300 ms", "no request is rejected"', () => {
    const sim = run(l.scenario, l.solution, 90);
    const share = (target: string) => value(sim, { kind: 'metric', metric: 'targetShare', target, windowSec: 60, atLeast: 0 });
    expect([share('large'), share('medium'), share('small')].map((x) => Math.round(x * 100))).toEqual([57, 29, 14]);
    for (const t of ['large', 'medium', 'small']) {
      const u = value(sim, { kind: 'metric', metric: 'targetUtilization', target: t, windowSec: 60, atLeast: 0 });
      expect(u).toBeGreaterThan(0.43);
      expect(u).toBeLessThan(0.51);
    }
    expect(sim.metrics().latencyMs.p99).toBeGreaterThan(250);
    expect(sim.metrics().latencyMs.p99).toBeLessThan(350);
    expect(sim.metrics().requests.failed).toBe(0);
  });

  it('small 3× slower: "100 % busy within ten seconds, and p99 climbs past five seconds"', () => {
    const sim = run(l.scenario, [...l.solution, at(30, { action: 'slow', target: 'small', factor: 3 })], 90);
    expect(value(sim, { kind: 'metric', metric: 'targetUtilization', target: 'small', fromSec: 40, toSec: 90, atLeast: 0 })).toBeGreaterThan(0.99);
    expect(value(sim, { kind: 'metric', metric: 'p99Ms', fromSec: 50, toSec: 90, atMost: 0 })).toBeGreaterThan(5000);
  });
});

describe('03 when requests are not alike', () => {
  const l = lesson(3);

  it('round robin: "the worst second\'s p95 reached almost 7 s"', () => {
    const worst = value(run(l.scenario, [], 80), { kind: 'metric', metric: 'p95Ms', fromSec: 20, toSec: 80, atMost: 0 });
    expect(worst).toBeGreaterThan(6000);
    expect(worst).toBeLessThan(7000);
  });

  it('power of two choices: "the typical second\'s p95 was under 100 ms"', () => {
    expect(value(run(l.scenes['two-choices'], [], 120), { kind: 'metric', metric: 'p95Ms', windowSec: 60, aggregate: 'mean', atMost: 0 })).toBeLessThan(100);
  });

  it('least response time from the start: "the typical second\'s p95 near 600 ms"', () => {
    const sim = run(l.scenario, [at(0, { action: 'set-algorithm', group: 'web', algorithm: 'least-response-time' })], 120);
    const p95 = value(sim, { kind: 'metric', metric: 'p95Ms', windowSec: 60, aggregate: 'mean', atMost: 0 });
    expect(p95).toBeGreaterThan(500);
    expect(p95).toBeLessThan(700);
  });
});

describe('04 health checks and the blind window', () => {
  const l = lesson(4);
  // "a twitchy HAProxy HTTP check": an ALB refuses intervals under 5 s, so the 1 s check runs on HAProxy
  const check = (intervalSec: number, timeoutSec: number, unhealthyThreshold: number): Change => ({
    action: 'set-health-check',
    group: 'web',
    healthCheck: { preset: 'haproxy', protocol: 'http', intervalSec, timeoutSec, unhealthyThreshold, healthyThreshold: 2 },
  });

  it('defaults: "it lasted 45 s and 672 requests failed"; web-3 "stays idle until the end of this run"', () => {
    const sim = run(l.scenario, [], 180);
    const w = sim.health().windows[0];
    expect(w.detectMs).toBe(45_001);
    expect(w.failedRequests).toBe(672);
    expect(logAt(sim, 'healthy', 'web-3')).toEqual([]);
  });

  it('twitchy check: "noticed the crash in 1.5 s", "pulled web-4 out at 101.8 s for two seconds", "well over a hundred more failed"', () => {
    const twitchy = run(l.scenario, [at(0, check(1, 0.5, 2))], 180);
    expect(twitchy.health().windows[0].detectMs).toBe(1501);
    const out = logAt(twitchy, 'unhealthy', 'web-4');
    const back = logAt(twitchy, 'healthy', 'web-4');
    expect(out.map((t) => t.toFixed(1))).toEqual(['101.8']);
    expect(back[0] - out[0]).toBeCloseTo(2, 1);
    const patient = run(l.scenario, [at(0, check(1, 0.5, 3))], 180);
    expect(twitchy.metrics().requests.failed - patient.metrics().requests.failed).toBeGreaterThan(100);
  });

  it('passive: "one request failed", "marked it down within a tenth of a second"', () => {
    const w = run(l.scenes.passive, [], 60).health().windows[0];
    expect(w.failedRequests).toBe(1);
    expect(w.detectedBy).toBe('passive health (max_fails)');
    expect(w.detectMs!).toBeLessThan(100);
  });
});
