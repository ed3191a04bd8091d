/**
 * Badges: how a state is shown — a glyph shape, an Okabe–Ito fill and a word, never colour alone.
 * A target shows two things side by side: the truth (up, crashed, hung, degraded — what is really wrong)
 * and the balancer's belief (healthy, initial, unhealthy — what its health checks concluded), plus short
 * notes on what the balancer does with it (draining, out of rotation, ejected…). The gap between truth
 * and belief is the lesson: a crashed target that is still "healthy" and in rotation is a blind window.
 */
import { m } from '../i18n/paraglide/messages.js';
import type { InfraSnapshot, ScalingReport, TargetState } from '../engine/types.ts';
import type { GlyphShape } from './glyphs.ts';
import { OKABE_ITO } from './palette.ts';
import type { HealthState, TargetView } from '../sim/snapshot-decoder.ts';

export interface Badge {
  key: string;
  /** The word shown next to the glyph (and read by screen readers). */
  label: string;
  glyph: GlyphShape;
  fill: string;
}

export const STATE_BADGES: Record<TargetState, Badge> = {
  up: { key: 'up', get label() { return m.badge_up(); }, glyph: 'circle', fill: OKABE_ITO.bluishGreen },
  crashed: { key: 'crashed', get label() { return m.badge_crashed(); }, glyph: 'cross', fill: OKABE_ITO.vermillion },
  hung: { key: 'hung', get label() { return m.badge_hung(); }, glyph: 'hourglass', fill: OKABE_ITO.reddishPurple },
  degraded: { key: 'degraded', get label() { return m.badge_degraded(); }, glyph: 'triangle', fill: OKABE_ITO.orange },
};

/** The balancer's belief, from active health checks (AWS target health states). */
export const HEALTH_BADGES: Record<HealthState, Badge> = {
  healthy: { key: 'healthy', get label() { return m.badge_healthy(); }, glyph: 'check', fill: OKABE_ITO.bluishGreen },
  initial: { key: 'initial', get label() { return m.badge_initial(); }, glyph: 'ring', fill: OKABE_ITO.skyBlue },
  unhealthy: { key: 'unhealthy', get label() { return m.badge_unhealthy(); }, glyph: 'square', fill: OKABE_ITO.vermillion },
};

/** "4× slower, 30% errors" for a degraded target; '' otherwise. */
export function degradationText(t: Pick<TargetView, 'slowFactor' | 'errorShare'>): string {
  const parts: string[] = [];
  if (t.slowFactor !== 1) parts.push(m.badge_slower({ factor: Number(t.slowFactor.toFixed(1)) }));
  if (t.errorShare > 0) parts.push(m.badge_errors({ percent: Math.round(t.errorShare * 100) }));
  return parts.join(', ');
}

/** The truth, in words: "up", "degraded: 4× slower". */
export function stateText(t: TargetView): string {
  const detail = t.state === 'degraded' ? degradationText(t) : '';
  return detail ? m.badge_degraded_detail({ detail }) : STATE_BADGES[t.state].label;
}

/** The health badge, when the balancer checks health (or has concluded something other than healthy). */
export function healthBadge(t: TargetView): Badge | null {
  return t.checks > 0 || t.health !== 'healthy' ? HEALTH_BADGES[t.health] : null;
}

/** What the balancer does with the target, in short words, most important first. */
export function rotationNotes(t: TargetView): string[] {
  const notes: string[] = [];
  if (t.lifecycle === 'pending') notes.push(m.rot_not_registered());
  else if (!t.registered || t.lifecycle === 'unused') notes.push(m.rot_unused());
  else if (t.lifecycle === 'draining') notes.push(m.rot_draining());
  if (t.ejected) notes.push(m.rot_ejected());
  if (t.circuit !== 'closed') notes.push(m.rot_circuit({ state: t.circuit }));
  if (t.lifecycle === 'in-service' && t.registered && !t.inRotation && !t.ejected) notes.push(m.rot_out());
  if (t.slowStart < 1 && t.inRotation) notes.push(m.rot_warming({ percent: Math.round(t.slowStart * 100) }));
  if (t.blind) notes.push(m.rot_blind());
  if (notes.length === 0) notes.push(m.rot_in());
  return notes;
}

/**
 * The balancer's side on one short line: "healthy · in rotation", "unhealthy", "initial · draining". Being
 * out of rotation goes without saying for a target that is not healthy; saying "in rotation" for one
 * does not (fail-open).
 */
export function beliefText(t: TargetView): string {
  const health = healthBadge(t);
  const notes = rotationNotes(t).filter((n) => !(health !== null && t.health !== 'healthy' && n === m.rot_out()));
  return [health?.label, ...notes].filter(Boolean).join(' · ');
}

/** A sentence describing a target for assistive technology. */
export function describeTarget(t: TargetView): string {
  const health = healthBadge(t);
  return m.describe_target({
    id: t.id,
    state: stateText(t),
    health: health ? `${health.label}, ` : '',
    notes: rotationNotes(t).join(', '),
    busy: t.inService,
    slots: t.concurrency,
    queued: t.queued,
    percent: Math.round(t.utilization * 100),
    // before the first full second there is no rate yet: a dash, as on the card
    rate: Number.isFinite(t.ratePerSec) ? Math.round(t.ratePerSec) : '—',
  });
}

/** A balancer as a whole: answering, answered by its hot standby, or down (a single point of failure). */
export const BALANCER_BADGES: Record<InfraSnapshot['balancers'][number]['state'], Badge> = {
  up: { key: 'up', get label() { return m.badge_up(); }, glyph: 'circle', fill: OKABE_ITO.bluishGreen },
  standby: { key: 'standby', get label() { return m.badge_standby_serving(); }, glyph: 'triangle', fill: OKABE_ITO.orange },
  down: { key: 'down', get label() { return m.badge_down(); }, glyph: 'cross', fill: OKABE_ITO.vermillion },
};

/** A DNS record, as Route 53's health checks see it. */
export function dnsBadge(healthy: boolean): Badge {
  return healthy ? HEALTH_BADGES.healthy : HEALTH_BADGES.unhealthy;
}

/** A database: failing over, out of connections for some clients, or fine. */
export function databaseBadge(db: InfraSnapshot['databases'][number]): Badge {
  if (db.failingOver) return { key: 'failing-over', get label() { return m.badge_failing_over(); }, glyph: 'hourglass', fill: OKABE_ITO.reddishPurple };
  if (db.starved > 0) return { key: 'starved', get label() { return m.badge_out_of_connections(); }, glyph: 'triangle', fill: OKABE_ITO.orange };
  return { key: 'up', get label() { return m.badge_up(); }, glyph: 'circle', fill: OKABE_ITO.bluishGreen };
}

export type InstanceState = ScalingReport['instances'][number]['state'];

/** Where a scaling group's instance is in its life: launched and booting, warming up, serving, draining, gone. */
export const INSTANCE_BADGES: Record<InstanceState, Badge> = {
  booting: { key: 'booting', get label() { return m.badge_booting(); }, glyph: 'plus', fill: OKABE_ITO.skyBlue },
  warming: { key: 'warming', get label() { return m.badge_warming_up(); }, glyph: 'arrow-up', fill: OKABE_ITO.yellow },
  'in-service': { key: 'in-service', get label() { return m.badge_in_service(); }, glyph: 'circle', fill: OKABE_ITO.bluishGreen },
  draining: { key: 'draining', get label() { return m.badge_draining(); }, glyph: 'bar', fill: OKABE_ITO.orange },
  terminated: { key: 'terminated', get label() { return m.badge_terminated(); }, glyph: 'cross', fill: OKABE_ITO.vermillion },
};

/** Instance state by target id, over every scaling group (a target belongs to at most one). */
export function instanceStates(scaling: readonly ScalingReport[] | null | undefined): Map<string, InstanceState> {
  const states = new Map<string, InstanceState>();
  for (const r of scaling ?? []) for (const i of r.instances) states.set(i.id, i.state);
  return states;
}

/** A zone as every balancer node in it reports it. */
export function zoneBadge(down: boolean): Badge {
  return down ? { key: 'down', get label() { return m.badge_down(); }, glyph: 'cross', fill: OKABE_ITO.vermillion } : { key: 'up', get label() { return m.badge_up(); }, glyph: 'circle', fill: OKABE_ITO.bluishGreen };
}
