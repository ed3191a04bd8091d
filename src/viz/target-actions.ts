/**
 * What a learner can do to a target from the picture or the table, as changes in the scenario's live
 * change vocabulary (ChangeSchema). Which actions are offered mirrors what the engine accepts: a crashed
 * or hung target must recover before it can be slowed or lose its dependency; only a target in service
 * can be drained.
 */
import type { Change } from '../scenario/schema.ts';
import type { TargetView } from '../sim/snapshot-decoder.ts';

export type TargetAction = 'crash' | 'hang' | 'slow' | 'errors' | 'brownout' | 'break-dependency' | 'recover' | 'deregister' | 'register';
export type TargetChange = Extract<Change, { action: TargetAction }>;

export interface ActionParams {
  /** Service-time multiplier for 'slow' (1..1000). */
  slowFactor: number;
  /** Share of 5xx answers for 'errors' (0..1). */
  errorShare: number;
  brownoutFactor: number;
  brownoutShare: number;
}

export const DEFAULT_PARAMS: ActionParams = { slowFactor: 4, errorShare: 0.3, brownoutFactor: 3, brownoutShare: 0.2 };

export interface ActionItem {
  action: TargetAction;
  label: string;
  /** What it does, in one line. */
  hint: string;
  enabled: boolean;
}

const clamp = (v: number, lo: number, hi: number, fallback: number): number => (Number.isFinite(v) ? Math.min(Math.max(v, lo), hi) : fallback);

/** The actions for a target, in menu order, with the ones that make no sense now disabled. */
export function targetActions(t: Pick<TargetView, 'state' | 'lifecycle'>, p: ActionParams = DEFAULT_PARAMS): ActionItem[] {
  const workable = t.state === 'up' || t.state === 'degraded';
  return [
    { action: 'crash', label: 'Crash', hint: 'refuses connections', enabled: t.state !== 'crashed' },
    { action: 'hang', label: 'Hang', hint: 'never answers: requests time out', enabled: workable },
    { action: 'slow', label: `Slow ×${p.slowFactor}`, hint: 'requests take longer', enabled: workable },
    { action: 'errors', label: `Errors ${Math.round(p.errorShare * 100)}%`, hint: 'answers some with 500', enabled: workable },
    { action: 'brownout', label: `Brownout ×${p.brownoutFactor} + ${Math.round(p.brownoutShare * 100)}%`, hint: 'slower, and some 500s', enabled: workable },
    { action: 'break-dependency', label: 'Break dependency', hint: 'loses its database: all 500s, shallow checks pass', enabled: workable },
    { action: 'recover', label: 'Recover', hint: 'back to normal', enabled: t.state !== 'up' },
    { action: 'deregister', label: 'Drain', hint: 'deregister; in-flight ones finish', enabled: t.lifecycle === 'in-service' },
    // a pending target is an instance still booting: its scaling group registers it when it is ready
    { action: 'register', label: 'Register', hint: 'back into its target group', enabled: t.lifecycle === 'draining' || t.lifecycle === 'unused' },
  ];
}

/** The change object for an action on target `id`, parameters clamped to what the schema allows. */
export function buildChange(action: TargetAction, id: string, p: ActionParams = DEFAULT_PARAMS): TargetChange {
  switch (action) {
    case 'slow':
      return { action, target: id, factor: clamp(p.slowFactor, 1, 1000, DEFAULT_PARAMS.slowFactor) };
    case 'errors':
      return { action, target: id, share: clamp(p.errorShare, 0, 1, DEFAULT_PARAMS.errorShare) };
    case 'brownout':
      return { action, target: id, factor: clamp(p.brownoutFactor, 1, 1000, DEFAULT_PARAMS.brownoutFactor), share: clamp(p.brownoutShare, 0, 1, DEFAULT_PARAMS.brownoutShare) };
    default:
      return { action, target: id };
  }
}
