import { describe, expect, it } from 'vitest';
import { validateScenario } from '../../../../src/scenario/validate.ts';
import { parameterValue, planSweep, sweepableParameters, sweepValues } from '../../../../src/ui/sweep/sweep-plan.ts';
import three from '../../../../scenarios/three-servers.json';

function scenario() {
  const v = validateScenario(structuredClone(three));
  if (!v.ok) throw new Error(JSON.stringify(v.errors));
  return v.value;
}

describe('sweep plan', () => {
  it('spaces values evenly, whole numbers when asked, duplicates dropped', () => {
    expect(sweepValues(2, 20, 10, true)).toEqual([2, 4, 6, 8, 10, 12, 14, 16, 18, 20]);
    expect(sweepValues(1, 2, 5, true)).toEqual([1, 2]);
    expect(sweepValues(0.5, 1, 3, false)).toEqual([0.5, 0.75, 1]);
  });

  it('makes one valid run per design and value: target counts 2, 4, 6 for two designs', () => {
    const s = scenario();
    const count = sweepableParameters(s).find((p) => p.kind === 'target-count')!;
    expect(parameterValue(s, count)).toBe(3);
    const plan = planSweep(s, [{ name: 'A', patches: [] }, { name: 'B', patches: [{ op: 'replace', path: '/targetGroups/0/algorithm', value: 'least-connections' }] }], count, [2, 4, 6], 20);
    // with 2 targets the scheduled crash of "c" names no target: refused, with the validator's sentence
    expect(plan.refused.map((r) => [r.design, r.value, r.message])).toEqual([
      [0, 2, 'events[0].target: no target with id "c"'],
      [1, 2, 'events[0].target: no target with id "c"'],
    ]);
    expect(plan.jobs.map((j) => [j.design, j.value, j.scenario.targetGroups[0].targets.length, j.scenario.targetGroups[0].algorithm, j.scenario.durationSec])).toEqual([
      [0, 4, 4, 'round-robin', 20],
      [0, 6, 6, 'round-robin', 20],
      [1, 4, 4, 'least-connections', 20],
      [1, 6, 6, 'least-connections', 20],
    ]);
    expect(new Set(plan.jobs[1].scenario.targetGroups[0].targets.map((t) => t.id)).size).toBe(6);
  });

  it('refuses a run the validator refuses, with its sentence', () => {
    const s = scenario();
    const plan = planSweep(s, [{ name: 'A', patches: [] }], { kind: 'number', path: '/traffic/arrival/ratePerSec', integer: false, label: 'rate' }, [10, -1], 20);
    expect(plan.jobs.map((j) => j.value)).toEqual([10]);
    expect(plan.refused).toHaveLength(1);
    expect(plan.refused[0].message).toContain('traffic.arrival');
  });
});
