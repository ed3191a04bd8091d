import { describe, expect, it } from 'vitest';
import { changesSomething, currentHealthCheck, describeHealthCheckInput, describeResolved, detectionSec, formOf, healthCheckChange, presetForm, resolvedOf } from '../../../../src/ui/sim/health-check-form.ts';
import { validateScenario } from '../../../../src/scenario/validate.ts';
import type { Scenario } from '../../../../src/scenario/schema.ts';
import blindWindow from '../../../../scenarios/health-check-blind-window.json';
import threeServers from '../../../../scenarios/three-servers.json';

function scenario(doc: unknown): Scenario {
  const v = validateScenario(doc);
  if (!v.ok) throw new Error(JSON.stringify(v.errors));
  return v.value;
}

describe('the health-check form', () => {
  const blind = scenario(blindWindow);

  it('starts from the scenario, with the preset filled in', () => {
    const current = currentHealthCheck(blind, [], 'web');
    expect(current).toEqual({ preset: 'aws-alb' });
    expect(formOf(current)).toEqual({ mode: 'aws-alb', protocol: 'http', intervalSec: 30, timeoutSec: 5, healthyThreshold: 5, unhealthyThreshold: 2, deep: false });
  });

  it('a group without checks shows "none", and the last live change wins over the scenario', () => {
    expect(formOf(currentHealthCheck(scenario(threeServers), [], 'web')).mode).toBe('none');
    const changes = [
      { atMs: 1_000, change: { action: 'set-health-check' as const, group: 'web', healthCheck: { preset: 'haproxy' as const } } },
      { atMs: 2_000, change: { action: 'set-health-check' as const, group: 'api', healthCheck: null } },
    ];
    expect(currentHealthCheck(blind, changes, 'web')).toEqual({ preset: 'haproxy' });
  });

  it('a 10 s interval becomes a change with only what differs from the preset', () => {
    const current = currentHealthCheck(blind, [], 'web');
    const form = { ...formOf(current), intervalSec: 10 };
    expect(healthCheckChange('web', form, current)).toEqual({ action: 'set-health-check', group: 'web', healthCheck: { preset: 'aws-alb', intervalSec: 10 } });
  });

  it('every edited field goes into the change, and fields the form does not show are kept under the same preset', () => {
    const current = { preset: 'envoy' as const, path: '/ready', successCodes: '200-299' };
    const form = { mode: 'envoy' as const, protocol: 'tcp' as const, intervalSec: 3, timeoutSec: 0.5, healthyThreshold: 1, unhealthyThreshold: 4, deep: true };
    expect(healthCheckChange('web', form, current)?.healthCheck).toEqual({ preset: 'envoy', protocol: 'tcp', intervalSec: 3, timeoutSec: 0.5, healthyThreshold: 1, unhealthyThreshold: 4, deep: true, path: '/ready', successCodes: '200-299' });
  });

  it('picking another preset refills the fields with its values and drops the old preset’s extras', () => {
    const form = presetForm('haproxy');
    expect(form).toEqual({ mode: 'haproxy', protocol: 'tcp', intervalSec: 2, timeoutSec: 2, healthyThreshold: 2, unhealthyThreshold: 3, deep: false });
    expect(healthCheckChange('web', form, { preset: 'envoy', path: '/ready' })?.healthCheck).toEqual({ preset: 'haproxy' });
  });

  it('"none" switches active checks off', () => {
    expect(healthCheckChange('web', presetForm('none'), { preset: 'aws-alb' })).toEqual({ action: 'set-health-check', group: 'web', healthCheck: null });
    expect(resolvedOf(healthCheckChange('web', presetForm('none'), null))).toBeNull();
  });

  it('an empty number field makes no change', () => {
    expect(healthCheckChange('web', { ...presetForm('aws-alb'), timeoutSec: null }, null)).toBeNull();
    expect(healthCheckChange('web', { ...presetForm('aws-alb'), intervalSec: NaN }, null)).toBeNull();
  });

  it('leaves a timeout as long as the interval for the validator to refuse (it is not silently fixed)', () => {
    const change = healthCheckChange('web', { ...presetForm('aws-alb'), intervalSec: 10, timeoutSec: 10 }, null);
    expect(change?.healthCheck).toEqual({ preset: 'aws-alb', intervalSec: 10, timeoutSec: 10 });
  });

  it('knows when applying would change nothing', () => {
    const current = { preset: 'aws-alb' as const };
    expect(changesSomething(healthCheckChange('web', formOf(current), current), current)).toBe(false);
    expect(changesSomething(healthCheckChange('web', { ...formOf(current), intervalSec: 10 }, current), current)).toBe(true);
    expect(changesSomething(healthCheckChange('web', presetForm('none'), null), null)).toBe(false);
    expect(changesSomething(null, current)).toBe(false);
  });

  it('shows the resolved values and the worst-case time a failed target stays in rotation', () => {
    const resolved = resolvedOf(healthCheckChange('web', { ...presetForm('aws-alb'), intervalSec: 10 }, null));
    if (resolved === null) throw new Error('expected checks');
    expect(describeResolved(resolved)).toBe('HTTP GET / expecting 200 every 10 s, timeout 5 s · healthy after 5 passes, unhealthy after 2 failures · shallow');
    expect(detectionSec(resolved)).toBe(20);
    const haproxy = resolvedOf(healthCheckChange('web', presetForm('haproxy'), null));
    expect(haproxy && describeResolved(haproxy)).toBe('TCP connect every 2 s, timeout 2 s · healthy after 2 passes, unhealthy after 3 failures (rise/fall counter) · shallow');
  });

  it('says a change in words for the change log', () => {
    expect(describeHealthCheckInput(null)).toBe('health check off');
    expect(describeHealthCheckInput({ preset: 'aws-alb', intervalSec: 10 })).toBe('health check aws-alb, interval 10 s');
    expect(describeHealthCheckInput({ timeoutSec: 2, unhealthyThreshold: 3, deep: true })).toBe('health check aws-alb, timeout 2 s, unhealthy after 3, deep');
  });
});
