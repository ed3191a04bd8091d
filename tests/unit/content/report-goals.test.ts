// A lesson's report goal says how the run stands in the numbers its label uses: lesson 17's "at most 1 % of requests
// fail" as a percentage (it read "0 (goal ≤ 0.0100)"), lesson 7's "$0.0075" bill as 0.00750 (it read
// "goal ≤ 0.00800": rounded to thousandths before its three significant figures).
import { describe, expect, it } from 'vitest';
import { evaluateLessonCondition, type ReportCondition } from '../../../src/content/conditions.ts';
import type { GoalState } from '../../../src/engine/goals/index.ts';

const state = (metrics: object): GoalState => ({ metrics }) as unknown as GoalState;
const detail = (c: ReportCondition, metrics: object): string => evaluateLessonCondition(c, state(metrics)).detail;

describe('report goal details', () => {
  it('write shares of 1 as percentages, as the label does', () => {
    expect(detail({ kind: 'report', path: 'errorRate', atMost: 0.01 }, { errorRate: 0.0123 })).toBe('error rate over the run so far: 1.2 % (goal ≤ 1 %)');
    expect(detail({ kind: 'report', path: 'slo.goodShare', atLeast: 0.99 }, { slo: { goodShare: 0.9964 } })).toBe('share of requests within the SLO over the run so far: 99.6 % (goal ≥ 99 %)');
    expect(detail({ kind: 'report', path: 'targets.web-1.utilization', atLeast: 0.5, atMost: 0.8 }, { targets: { 'web-1': { utilization: 0.25 } } })).toBe("web-1's utilisation over the run so far: 25 % (goal ≥ 50 % and ≤ 80 %)");
  });

  it('keep a small bound and value to three significant figures', () => {
    expect(detail({ kind: 'report', path: 'cost.balancerUsd', atMost: 0.0075 }, { cost: { balancerUsd: 0.0061234 } })).toBe('balancer cost (USD) over the run so far: 0.00612 (goal ≤ 0.00750)');
    expect(detail({ kind: 'report', path: 'cost.instanceUsd', atMost: 0.15 }, { cost: { instanceUsd: 0.00012 } })).toBe('instance cost (USD) over the run so far: 0.000120 (goal ≤ 0.150)');
    expect(detail({ kind: 'report', path: 'sessions.cartsLost', atMost: 0 }, { sessions: { cartsLost: 181 } })).toBe('carts lost over the run so far: 181 (goal ≤ 0)');
  });
});
