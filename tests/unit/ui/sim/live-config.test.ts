import { describe, expect, it } from 'vitest';
import { describeChange } from '../../../../src/ui/sim/live-config.ts';

describe('the change log in words', () => {
  it('names each live change by its subject', () => {
    expect(describeChange({ action: 'set-health-check', group: 'web', healthCheck: { preset: 'aws-alb', intervalSec: 10 } })).toBe('web: health check aws-alb, interval 10 s');
    expect(describeChange({ action: 'set-capacity', scalingGroup: 'web-asg', desired: 6, max: 20 })).toBe('web-asg: desired 6, max 20');
    expect(describeChange({ action: 'zone-outage', zone: 'us-east-1a' })).toBe('zone us-east-1a: outage');
    expect(describeChange({ action: 'zone-recover', zone: 'us-east-1a' })).toBe('zone us-east-1a: recovered');
    expect(describeChange({ action: 'region-outage', region: 'us-east-1' })).toBe('region us-east-1: outage');
    expect(describeChange({ action: 'crash-balancer', balancer: 'alb' })).toBe('balancer alb: crash');
    expect(describeChange({ action: 'recover-balancer', balancer: 'alb' })).toBe('balancer alb: recovered');
    expect(describeChange({ action: 'db-failover', database: 'db' })).toBe('database db: failover');
    expect(describeChange({ action: 'set-forward-weights', balancer: 'alb', weights: [{ group: 'blue', weight: 90 }, { group: 'green', weight: 10 }] })).toBe('alb: weights blue 90, green 10');
    expect(describeChange({ action: 'crash', target: 'b' })).toBe('b: crash');
  });
});
