import { describe, expect, it } from 'vitest';
import { goalState } from '../../../../src/ui/lesson/goal-state.ts';
import type { Goal } from '../../../../src/engine/goals/index.ts';

const metric = { id: 'up', label: '', kind: 'metric', metric: 'errorRate', windowSec: 30, atMost: 0.01 } as Goal;
const config = { id: 'hc', label: '', kind: 'config', check: 'health-check', group: 'web' } as Goal;
const result = (met: boolean) => ({ id: 'x', label: '', met, detail: '', value: null });

describe('a goal’s one state', () => {
  it('a metric goal is pending until the run reaches the check, then it is this run’s result', () => {
    expect(goalState(metric, result(true), false)).toBe('pending');
    expect(goalState(metric, result(true), true)).toBe('met');
    expect(goalState(metric, result(false), true)).toBe('unmet');
  });

  it('a configuration goal already met shows at once; nothing is called failed before the check', () => {
    expect(goalState(config, result(true), false)).toBe('met');
    expect(goalState(config, result(false), false)).toBe('pending');
    expect(goalState(config, result(false), true)).toBe('unmet');
    expect(goalState(config, undefined, true)).toBe('pending');
  });
});
