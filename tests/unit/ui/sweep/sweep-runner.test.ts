import { describe, expect, it } from 'vitest';
import { expose } from 'comlink';
import { createSimApi, type SimApi } from '../../../../workers/sim-api.ts';
import { validateScenario } from '../../../../src/scenario/validate.ts';
import { createSimulation } from '../../../../src/engine/index.ts';
import { planSweep, type SweepParameter } from '../../../../src/ui/sweep/sweep-plan.ts';
import { defaultParallel, runSweep } from '../../../../src/ui/sweep/sweep-runner.ts';
import three from '../../../../scenarios/three-servers.json';

/** A "worker" in the same thread: the real API behind a message channel; counts the workers made and ended. */
function fakeWorkers(make: () => SimApi = () => createSimApi(), onCreate: (started: number) => void = () => {}) {
  const made = { started: 0, ended: 0 };
  const create = (): Worker => {
    made.started++;
    onCreate(made.started);
    const { port1, port2 } = new MessageChannel();
    expose(make(), port1);
    const worker = port2 as unknown as Worker;
    worker.terminate = () => {
      made.ended++;
      port1.close();
      port2.close();
    };
    return worker;
  };
  return { made, create };
}

function scenario() {
  const v = validateScenario(structuredClone(three));
  if (!v.ok) throw new Error(JSON.stringify(v.errors));
  return v.value;
}

const rate: SweepParameter = { kind: 'number', path: '/traffic/arrival/ratePerSec', integer: false, label: 'rate' };

describe('sweep runner', () => {
  it('runs each job in its own worker and reports the engine’s own p99, error rate and cost of the whole run', async () => {
    const s = scenario();
    const plan = planSweep(s, [{ name: 'A', patches: [] }, { name: 'B', patches: [{ op: 'replace', path: '/targetGroups/0/algorithm', value: 'least-connections' }] }], rate, [20, 40], 15);
    expect(plan.jobs).toHaveLength(4);
    const { made, create } = fakeWorkers();
    const seen: number[] = [];
    const run = runSweep(plan.jobs, { createWorker: create, parallel: 3, sliceMs: 4000, onpoint: (p) => seen.push(p.value) });
    const { points, failures, cancelled } = await run.done;
    expect(cancelled).toBe(false);
    expect(failures).toEqual([]);
    expect(seen).toHaveLength(4);
    // one worker per run, each ended when its run is done
    expect(made).toEqual({ started: 4, ended: 4 });
    // the same numbers as the engine run directly on the same document to the same time
    for (const job of plan.jobs) {
      const sim = createSimulation(job.scenario);
      sim.runUntil(15_000);
      const m = sim.metrics();
      const point = points.find((p) => p.design === job.design && p.value === job.value)!;
      expect(point).toEqual({ design: job.design, value: job.value, p99Ms: m.latencyMs.p99, errorRate: m.errorRate, costUsd: m.cost.totalUsd, requests: m.requests.total });
      expect(point.requests).toBeGreaterThan(0);
    }
  });

  it('cancels: every worker is terminated and no further run starts', async () => {
    const s = scenario();
    const plan = planSweep(s, [{ name: 'A', patches: [] }], rate, [10, 20, 30, 40, 50], 60);
    // cancelled as soon as both parallel workers exist, before either run can finish (not after a wall-clock
    // wait: on a fast machine two short runs finished within 20 ms and a third worker started)
    let cancel = () => {};
    const { made, create } = fakeWorkers(undefined, (started) => {
      if (started === 2) queueMicrotask(() => cancel());
    });
    const run = runSweep(plan.jobs, { createWorker: create, parallel: 2, sliceMs: 1000 });
    cancel = () => run.cancel();
    const { points, cancelled } = await run.done;
    expect(cancelled).toBe(true);
    expect(made.started).toBeLessThanOrEqual(2);
    expect(made.ended).toBe(made.started);
    expect(points.length).toBeLessThan(5);
  });

  it('reports a run the worker refuses with its reason, and goes on with the others', async () => {
    const s = scenario();
    const plan = planSweep(s, [{ name: 'A', patches: [] }], rate, [20, 30], 5);
    const broken = { ...plan.jobs[0], scenario: { ...plan.jobs[0].scenario, targetGroups: [] } };
    const { create } = fakeWorkers();
    const { points, failures } = await runSweep([broken, plan.jobs[1]], { createWorker: create, parallel: 1 }).done;
    expect(points.map((p) => p.value)).toEqual([30]);
    expect(failures).toHaveLength(1);
    expect(failures[0].value).toBe(20);
    expect(failures[0].message).toMatch(/^targetGroups/);
  });

  it('runs 2 to 4 at once, leaving a core for the page when there are more than 3', () => {
    expect([undefined, 1, 2, 3, 4, 8, 16].map(defaultParallel)).toEqual([2, 2, 2, 2, 3, 4, 4]);
  });
});
