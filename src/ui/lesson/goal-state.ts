/**
 * One consistent state per goal: a configuration goal is judged at any moment (it is about how the system is
 * set up); a metric or event goal is pending until the run reaches the lesson's check second, then it is
 * this run's result. "Completed earlier" is the progress store's business, shown apart.
 */
import type { Goal, GoalResult } from '../../engine/goals.ts';

export type GoalState = 'pending' | 'met' | 'unmet';

export const GOAL_STATE_TEXT: Record<GoalState, { mark: string; spoken: string }> = {
  pending: { mark: '◌', spoken: 'Pending:' },
  met: { mark: '✔', spoken: 'Met in this run:' },
  unmet: { mark: '✘', spoken: 'Not met in this run:' },
};

export function goalState(goal: Goal, result: GoalResult | undefined, judged: boolean): GoalState {
  if (result === undefined) return 'pending';
  if (goal.kind !== 'config' && !judged) return 'pending';
  return result.met ? 'met' : 'unmet';
}
