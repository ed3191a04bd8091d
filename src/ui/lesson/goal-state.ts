/**
 * One consistent state per goal: pending until the run reaches the lesson's check second, then this run's
 * result. A configuration goal already met (it is about how the system is set up) shows as met at once.
 * "Completed earlier" is the progress store's business, shown apart.
 */
import { m } from '../../i18n/paraglide/messages.js';
import type { GoalResult } from '../../engine/goals/index.ts';
import type { LessonGoal } from '../../content/conditions.ts';

export type GoalState = 'pending' | 'met' | 'unmet';

export const GOAL_STATE_TEXT: Record<GoalState, { mark: string; spoken: () => string }> = {
  pending: { mark: '◌', spoken: m.goal_pending },
  met: { mark: '✔', spoken: m.goal_met },
  unmet: { mark: '✘', spoken: m.goal_unmet },
};

export function goalState(goal: LessonGoal, result: GoalResult | undefined, judged: boolean): GoalState {
  if (result === undefined) return 'pending';
  // before the check, a set-up already right shows as met; nothing is called failed until it is judged
  if (!judged) return goal.kind === 'config' && result.met ? 'met' : 'pending';
  return result.met ? 'met' : 'unmet';
}
