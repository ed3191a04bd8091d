// The limits a real ALB or NLB puts on its target group's health check (real-systems.md §4.2): a check that
// names the aws-alb or aws-nlb preset gets them; a check without a preset, or on haproxy/envoy, does not.
import { describe, expect, it } from 'vitest';
import { validateChange, validateScenario } from '../../../src/scenario/validate.ts';
import type { HealthCheckInput, ScenarioInput } from '../../../src/scenario/schema.ts';

const withCheck = (healthCheck: HealthCheckInput): ScenarioInput => ({
  schemaVersion: 1,
  name: 'limits',
  traffic: { arrival: { kind: 'poisson', ratePerSec: 10 } },
  balancers: [{ id: 'lb', listeners: [{ port: 80, defaultForward: 'web' }] }],
  targetGroups: [{ id: 'web', algorithm: 'round-robin', healthCheck, targets: [{ id: 'a', serviceTimeMs: 10 }] }],
});
const errorsOf = (hc: HealthCheckInput) => {
  const r = validateScenario(withCheck(hc));
  // the English sentence and its path (the code and values for the page are checked in tests/unit/i18n)
  return r.ok ? [] : r.errors.map(({ path, message }) => ({ path, message }));
};
const at = 'targetGroups[0].healthCheck';

describe('aws-alb preset', () => {
  it('refuses a 2 s interval and states the real range', () => {
    expect(errorsOf({ preset: 'aws-alb', intervalSec: 2, timeoutSec: 1 })).toEqual([
      { path: `${at}.intervalSec`, message: 'an ALB checks every 5–300 s, not 2 s (for faster checks use a self-run balancer, e.g. the haproxy preset)' },
      { path: `${at}.timeoutSec`, message: "an ALB's check timeout is 2–120 s, not 1 s" },
    ]);
  });

  it('accepts the edges of each range and refuses one step outside', () => {
    expect(errorsOf({ preset: 'aws-alb', intervalSec: 5, timeoutSec: 2, healthyThreshold: 2, unhealthyThreshold: 10 })).toEqual([]);
    expect(errorsOf({ preset: 'aws-alb', intervalSec: 300, timeoutSec: 120, healthyThreshold: 10, unhealthyThreshold: 2 })).toEqual([]);
    expect(errorsOf({ preset: 'aws-alb', intervalSec: 301 }).map((e) => e.path)).toEqual([`${at}.intervalSec`]);
    expect(errorsOf({ preset: 'aws-alb', intervalSec: 300, timeoutSec: 121 }).map((e) => e.path)).toEqual([`${at}.timeoutSec`]);
    expect(errorsOf({ preset: 'aws-alb', healthyThreshold: 1 })).toEqual([{ path: `${at}.healthyThreshold`, message: 'an ALB counts 2–10 checks, not 1' }]);
    expect(errorsOf({ preset: 'aws-alb', unhealthyThreshold: 1 })).toEqual([{ path: `${at}.unhealthyThreshold`, message: 'an ALB counts 2–10 checks, not 1' }]);
    // above 10 no check of any kind is accepted (the schema's own limit)
    expect(errorsOf({ preset: 'aws-alb', unhealthyThreshold: 11 })).toEqual([{ path: `${at}.unhealthyThreshold`, message: 'must be ≤ 10, got number 11' }]);
  });

  it('wants the timeout below the interval, checks over HTTP, success codes within 200–499', () => {
    expect(errorsOf({ preset: 'aws-alb', intervalSec: 10, timeoutSec: 10 })).toEqual([
      { path: `${at}.timeoutSec`, message: 'the timeout (10 s) must be shorter than the interval (10 s), or checks would overlap' },
    ]);
    expect(errorsOf({ preset: 'aws-alb', protocol: 'tcp' })).toEqual([{ path: `${at}.protocol`, message: 'an ALB checks its targets over http, not tcp' }]);
    expect(errorsOf({ preset: 'aws-alb', successCodes: '200-599' })).toEqual([
      { path: `${at}.successCodes`, message: 'an ALB accepts success codes within 200–499, not "200-599"' },
    ]);
  });

  it('refuses the same values in a live change, with the change path', () => {
    const scenario = validateScenario(withCheck({ preset: 'aws-alb' }));
    if (!scenario.ok) throw new Error('base scenario must be valid');
    const r = validateChange({ action: 'set-health-check', group: 'web', healthCheck: { preset: 'aws-alb', intervalSec: 2, timeoutSec: 2 } }, scenario.value);
    expect(r.ok ? [] : r.errors).toMatchObject([
      { path: '(change).healthCheck.intervalSec', message: 'an ALB checks every 5–300 s, not 2 s (for faster checks use a self-run balancer, e.g. the haproxy preset)' },
    ]);
  });
});

describe('aws-nlb preset', () => {
  it('takes the same interval, timeout and threshold ranges, success codes up to 599', () => {
    expect(errorsOf({ preset: 'aws-nlb', intervalSec: 10, timeoutSec: 9 })).toEqual([]);
    expect(errorsOf({ preset: 'aws-nlb', protocol: 'http', successCodes: '200-599' })).toEqual([]);
    expect(errorsOf({ preset: 'aws-nlb', intervalSec: 4 })).toEqual([
      { path: `${at}.intervalSec`, message: 'an NLB checks every 5–300 s, not 4 s (for faster checks use a self-run balancer, e.g. the haproxy preset)' },
    ]);
    expect(errorsOf({ preset: 'aws-nlb', intervalSec: 10, timeoutSec: 10 }).map((e) => e.path)).toEqual([`${at}.timeoutSec`]);
  });
});

describe('other checks keep the looser rules', () => {
  it('a custom check without a preset, HAProxy and Envoy may probe every second', () => {
    expect(errorsOf({ intervalSec: 1, timeoutSec: 0.5, unhealthyThreshold: 1 })).toEqual([]);
    expect(errorsOf({ preset: 'haproxy', intervalSec: 1 })).toEqual([]);
    expect(errorsOf({ preset: 'envoy', intervalSec: 1, timeoutSec: 0.5 })).toEqual([]);
  });
});
