/**
 * The parameter panel's health-check form: a target group's active health check as the learner edits it
 * (none, or a preset with its interval, timeout, thresholds, protocol and depth), turned into a
 * `set-health-check` change. Values equal to the preset's are left out of the change, so the change log
 * and share links say only what differs; fields the form does not show (path, success codes…) are kept
 * while the preset stays the same. Whether the result is allowed (timeout shorter than the interval…)
 * is the validator's to say, in the worker.
 */
import { HEALTH_PRESETS, resolveHealthCheck, type ResolvedHealthCheck } from '../../scenario/health-presets.ts';
import type { Change, HealthCheckInput, Scenario } from '../../scenario/schema.ts';
import type { LoggedChange } from '../../sim/sim-session.svelte.ts';
import { m } from '../../i18n/paraglide/messages.js';
import { formatNumber, localizeNumberText } from '../../viz/number-format.ts';

export type PresetName = keyof typeof HEALTH_PRESETS;
export const PRESET_NAMES = Object.keys(HEALTH_PRESETS) as PresetName[];
export type HealthCheckChange = Extract<Change, { action: 'set-health-check' }>;

/** What the form shows; a number field is null while it is empty. */
export interface HealthCheckForm {
  mode: 'none' | PresetName;
  protocol: 'http' | 'tcp';
  intervalSec: number | null;
  timeoutSec: number | null;
  healthyThreshold: number | null;
  unhealthyThreshold: number | null;
  deep: boolean;
}

/** The fields the form edits, in the order of the change it builds. */
const EDITED = ['protocol', 'intervalSec', 'timeoutSec', 'healthyThreshold', 'unhealthyThreshold', 'deep'] as const;

/** The group's health check now: the last set-health-check applied, else the scenario's (null: none). */
export function currentHealthCheck(scenario: Scenario, changes: readonly LoggedChange[], group: string): HealthCheckInput | null {
  for (let i = changes.length - 1; i >= 0; i--) {
    const c = changes[i].change;
    if (c.action === 'set-health-check' && c.group === group) return c.healthCheck;
  }
  return scenario.targetGroups.find((g) => g.id === group)?.healthCheck ?? null;
}

function fromResolved(mode: HealthCheckForm['mode'], r: ResolvedHealthCheck): HealthCheckForm {
  return { mode, protocol: r.protocol, intervalSec: r.intervalSec, timeoutSec: r.timeoutSec, healthyThreshold: r.healthyThreshold, unhealthyThreshold: r.unhealthyThreshold, deep: r.deep };
}

/** The form for a health check as it is now (none shows the AWS ALB values, ready to be switched on). */
export function formOf(current: HealthCheckInput | null): HealthCheckForm {
  if (current === null) return { ...fromResolved('aws-alb', resolveHealthCheck({})), mode: 'none' };
  return fromResolved(current.preset ?? 'aws-alb', resolveHealthCheck(current));
}

/** The form refilled with a preset's own values (when the learner picks another preset). */
export function presetForm(mode: HealthCheckForm['mode']): HealthCheckForm {
  return mode === 'none' ? { ...formOf(null) } : fromResolved(mode, resolveHealthCheck({ preset: mode }));
}

/** The change the form describes, or null while a number field is empty or not a number. */
export function healthCheckChange(group: string, form: HealthCheckForm, current: HealthCheckInput | null): HealthCheckChange | null {
  if (form.mode === 'none') return { action: 'set-health-check', group, healthCheck: null };
  const numbers = [form.intervalSec, form.timeoutSec, form.healthyThreshold, form.unhealthyThreshold];
  if (numbers.some((n) => typeof n !== 'number' || !Number.isFinite(n))) return null;
  const base = resolveHealthCheck({ preset: form.mode });
  // Fields the form does not show stay as they were, unless the preset changes under them.
  const kept: HealthCheckInput = current !== null && (current.preset ?? 'aws-alb') === form.mode ? { ...current } : {};
  for (const key of EDITED) delete kept[key];
  const healthCheck: HealthCheckInput = { preset: form.mode };
  for (const key of EDITED) {
    if (form[key] !== base[key]) Object.assign(healthCheck, { [key]: form[key] });
  }
  delete kept.preset;
  return { action: 'set-health-check', group, healthCheck: { ...healthCheck, ...kept } };
}

/** The values a change would run with, presets filled in (null: no active health check). */
export function resolvedOf(change: HealthCheckChange | null): ResolvedHealthCheck | null {
  return change?.healthCheck ? resolveHealthCheck(change.healthCheck) : null;
}

/** The resolved values in one line: "HTTP GET / expecting 200 every 10 s, timeout 5 s · healthy after 5 passes, unhealthy after 2 failures · shallow". */
export function describeResolved(r: ResolvedHealthCheck): string {
  const numbers = { interval: formatNumber(r.intervalSec), timeout: formatNumber(r.timeoutSec), healthy: formatNumber(r.healthyThreshold), unhealthy: formatNumber(r.unhealthyThreshold) };
  const probe = r.protocol === 'http' ? m.change_hc_http({ path: r.path, codes: r.successCodes, ...numbers }) : m.change_hc_tcp(numbers);
  const counting = r.model === 'rise-fall' ? ` ${m.change_hc_rise_fall()}` : '';
  return `${probe}${counting} · ${r.deep ? m.change_hc_deep() : m.change_hc_shallow()}`;
}

/** Whether applying the change would run different checks from the current ones. */
export function changesSomething(change: HealthCheckChange | null, current: HealthCheckInput | null): boolean {
  if (change === null) return false;
  return JSON.stringify(resolvedOf(change)) !== JSON.stringify(current === null ? null : resolveHealthCheck(current));
}

/** How long, at most, a target that fails stays in rotation before its checks notice: thresholds × interval. */
export function detectionSec(r: ResolvedHealthCheck): number {
  return r.unhealthyThreshold * r.intervalSec;
}

/** A set-health-check's block in words, for the change log: "health check off", "health check aws-alb, interval 10 s". */
export function describeHealthCheckInput(hc: HealthCheckInput | null): string {
  if (hc === null) return m.log_hc_off();
  const { preset, ...fields } = hc;
  const NAMES: Partial<Record<keyof HealthCheckInput, () => string>> = { intervalSec: m.log_hc_interval, timeoutSec: m.log_hc_timeout, healthyThreshold: m.log_hc_healthy_after, unhealthyThreshold: m.log_hc_unhealthy_after };
  const parts = Object.entries(fields).map(([k, v]) => {
    if (k === 'deep') return v ? m.log_hc_deep() : m.log_hc_shallow();
    const value = typeof v === 'number' ? localizeNumberText(String(v)) : String(v);
    return `${NAMES[k as keyof HealthCheckInput]?.() ?? k} ${value}${k.endsWith('Sec') ? ' s' : ''}`;
  });
  return [m.log_hc_preset({ preset: preset ?? 'aws-alb' }), ...parts].join(', ');
}
