import { describe, expect, it } from 'vitest';
import { capacityChange, cpuTargets, scalingState } from '../../../../src/ui/sim/scaling-form.ts';
import type { ScalingReport } from '../../../../src/engine/types.ts';
import { validateScenario } from '../../../../src/scenario/validate.ts';
import blackFriday from '../../../../scenarios/black-friday-autoscaling.json';
import threeServers from '../../../../scenarios/three-servers.json';

const series = { startSec: 0, desired: new Float64Array(), inService: new Float64Array(), live: new Float64Array(), cpu: new Float64Array() };
const report: ScalingReport = {
  id: 'web-asg',
  desired: 5,
  min: 3,
  max: 12,
  instances: [
    { id: 'web-1', state: 'in-service', zone: 'a' },
    { id: 'web-2', state: 'in-service', zone: 'b' },
    { id: 'web-3', state: 'draining', zone: 'c' },
    { id: 'web-asg-1', state: 'booting', zone: 'a' },
    { id: 'web-asg-2', state: 'booting', zone: 'b' },
    { id: 'web-asg-3', state: 'warming', zone: 'c' },
    { id: 'web-asg-0', state: 'terminated', zone: 'c' },
  ],
  series,
};

describe('the scaling-group section', () => {
  it('counts the instances by state', () => {
    expect(scalingState(report)).toEqual({ desired: 5, min: 3, max: 12, inService: 2, booting: 2, warming: 1, draining: 1 });
  });

  it('a set-capacity change carries only the numbers the learner changed', () => {
    const now = { desired: 5, min: 3, max: 12 };
    expect(capacityChange('web-asg', { desired: 8, min: 3, max: 12 }, now)).toEqual({ action: 'set-capacity', scalingGroup: 'web-asg', desired: 8 });
    expect(capacityChange('web-asg', { desired: 5, min: 4, max: 20 }, now)).toEqual({ action: 'set-capacity', scalingGroup: 'web-asg', min: 4, max: 20 });
  });

  it('makes no change when nothing differs or a field is empty, fractional or out of range', () => {
    const now = { desired: 5, min: 3, max: 12 };
    expect(capacityChange('web-asg', { ...now }, now)).toBeNull();
    expect(capacityChange('web-asg', { ...now, desired: null }, now)).toBeNull();
    expect(capacityChange('web-asg', { ...now, desired: 2.5 }, now)).toBeNull();
    expect(capacityChange('web-asg', { ...now, max: 10_001 }, now)).toBeNull();
  });

  it('leaves min above max for the validator to refuse', () => {
    expect(capacityChange('web-asg', { desired: 5, min: 9, max: 6 }, { desired: 5, min: 3, max: 12 })).toEqual({ action: 'set-capacity', scalingGroup: 'web-asg', min: 9, max: 6 });
  });

  it('finds the CPU target of each scaling group for the charts', () => {
    const bf = validateScenario(blackFriday);
    const three = validateScenario(threeServers);
    if (!bf.ok || !three.ok) throw new Error('examples must be valid');
    expect(cpuTargets(bf.value)).toEqual({ 'web-asg': 50 });
    expect(cpuTargets(three.value)).toEqual({});
    expect(cpuTargets(null)).toEqual({});
  });
});
