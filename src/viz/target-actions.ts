/**
 * What a learner can do to a target from the picture or the table, as changes in the scenario's live
 * change vocabulary (ChangeSchema). Which actions are offered mirrors what the engine accepts: a crashed
 * or hung target must recover before it can be slowed or lose its dependency; only a target in service
 * can be drained.
 */
import type { Change } from '../scenario/schema.ts';
import type { TargetView } from '../sim/snapshot-decoder.ts';
import { m } from '../i18n/paraglide/messages.js';

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
    { action: 'crash', label: m.menu_crash(), hint: m.menu_crash_hint(), enabled: t.state !== 'crashed' },
    { action: 'hang', label: m.menu_hang(), hint: m.menu_hang_hint(), enabled: workable },
    { action: 'slow', label: m.menu_slow({ factor: p.slowFactor }), hint: m.menu_slow_hint(), enabled: workable },
    { action: 'errors', label: m.menu_errors({ percent: Math.round(p.errorShare * 100) }), hint: m.menu_errors_hint(), enabled: workable },
    { action: 'brownout', label: m.menu_brownout({ factor: p.brownoutFactor, percent: Math.round(p.brownoutShare * 100) }), hint: m.menu_brownout_hint(), enabled: workable },
    { action: 'break-dependency', label: m.menu_break_dependency(), hint: m.menu_break_dependency_hint(), enabled: workable },
    { action: 'recover', label: m.menu_recover(), hint: m.menu_recover_hint(), enabled: t.state !== 'up' },
    { action: 'deregister', label: m.menu_drain(), hint: m.menu_drain_hint(), enabled: t.lifecycle === 'in-service' },
    // a pending target is an instance still booting: its scaling group registers it when it is ready
    { action: 'register', label: m.menu_register(), hint: m.menu_register_hint(), enabled: t.lifecycle === 'draining' || t.lifecycle === 'unused' },
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
