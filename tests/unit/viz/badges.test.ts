import { describe, expect, it } from 'vitest';
import { beliefText, degradationText, describeTarget, HEALTH_BADGES, healthBadge, rotationNotes, STATE_BADGES, stateText } from '../../../src/viz/badges.ts';
import { decodeTargets, type TargetView } from '../../../src/sim/snapshot-decoder.ts';
import { snapshotOf, topologyOf } from './fixtures.ts';

const topology = topologyOf([{ id: 'web', count: 3 }]);

/** A target as decoded at 1 s, once the first second has closed (before it, a target has no rate yet). */
function target(fields: Parameters<typeof snapshotOf>[1][number], timeMs = 1000): TargetView {
  return decodeTargets(snapshotOf(timeMs, [fields, {}, {}]), topology)[0];
}

describe('target badges', () => {
  it('show the truth with a word and a shape', () => {
    expect([STATE_BADGES.up, STATE_BADGES.crashed, STATE_BADGES.hung, STATE_BADGES.degraded].map((b) => [b.label, b.glyph])).toEqual([
      ['up', 'circle'],
      ['crashed', 'cross'],
      ['hung', 'hourglass'],
      ['degraded', 'triangle'],
    ]);
    expect(stateText(target({ state: 3, slowFactor: 4 }))).toBe('degraded: 4× slower');
    expect(stateText(target({ state: 1 }))).toBe('crashed');
  });

  it('show the balancer’s belief only when something checks health', () => {
    expect(healthBadge(target({}))).toBeNull();
    expect(healthBadge(target({ checkCount: 3 }))).toBe(HEALTH_BADGES.healthy);
    expect(healthBadge(target({ health: 2 }))).toBe(HEALTH_BADGES.unhealthy);
  });

  it('say what the balancer does with the target', () => {
    expect(rotationNotes(target({}))).toEqual(['in rotation']);
    expect(rotationNotes(target({ lifecycle: 1, inRotation: 0 }))).toEqual(['draining']);
    expect(rotationNotes(target({ inRotation: 0 }))).toEqual(['out of rotation']);
    expect(rotationNotes(target({ ejected: 1, inRotation: 0 }))).toEqual(['ejected']);
    expect(rotationNotes(target({ state: 1, blindWindow: 1 }))).toEqual(['still in rotation']);
  });

  it('put the balancer’s side on one line, without saying the obvious', () => {
    expect(beliefText(target({ checkCount: 4 }))).toBe('healthy · in rotation');
    expect(beliefText(target({ checkCount: 4, health: 2, inRotation: 0 }))).toBe('unhealthy');
    expect(beliefText(target({ checkCount: 4, health: 2 }))).toBe('unhealthy · in rotation');
    expect(beliefText(target({ inRotation: 0 }))).toBe('out of rotation');
  });

  it('describe a degradation in words', () => {
    expect(degradationText({ slowFactor: 3, errorShare: 0.2 })).toBe('3× slower, 20% errors');
    expect(degradationText({ slowFactor: 1, errorShare: 0 })).toBe('');
  });

  it('give screen readers the whole state in one sentence', () => {
    expect(describeTarget(target({ inService: 3, concurrency: 4, queued: 2, utilization: 0.75, ratePerSec: 8, checkCount: 5 }))).toBe(
      'Target web-1: up; healthy, in rotation; 3 of 4 slots busy, 2 queued, utilisation 75%, 8 requests per second',
    );
    // in the first second no full second has been counted: no rate, rather than "NaN" or a false 0
    expect(describeTarget(target({ ratePerSec: 8 }, 400))).toMatch(/, — requests per second$/);
  });
});

describe('decoding targets', () => {
  it('reads every field of the snapshot, joined with the topology', () => {
    const [t] = decodeTargets(snapshotOf(0, [{ state: 3, lifecycle: 1, queued: 5, weight: 2 }]), topology);
    expect(t).toMatchObject({ id: 'web-1', group: 'web', state: 'degraded', lifecycle: 'draining', queued: 5, weight: 2 });
  });

  it('reads a target the snapshot does not know yet (or no snapshot) as idle', () => {
    const views = decodeTargets(null, topology);
    expect(views).toHaveLength(3);
    expect(views[2]).toMatchObject({ state: 'up', lifecycle: 'in-service', inService: 0, queued: 0 });
  });
});

describe('scaling-group instance badges', () => {
  it('give every instance state its own shape and word', async () => {
    const { INSTANCE_BADGES, instanceStates } = await import('../../../src/viz/badges.ts');
    const shapes = Object.values(INSTANCE_BADGES).map((b) => b.glyph);
    expect(new Set(shapes).size).toBe(shapes.length);
    const report = { id: 'asg', desired: 2, min: 1, max: 4, instances: [{ id: 'web-1', state: 'booting' as const, zone: 'a' }], series: { startSec: 0, desired: new Float64Array(), inService: new Float64Array(), live: new Float64Array(), cpu: new Float64Array() } };
    expect(instanceStates([report]).get('web-1')).toBe('booting');
    expect(instanceStates(null).size).toBe(0);
  });

  it('say that an instance still booting is not registered yet', () => {
    expect(rotationNotes(target({ lifecycle: 3, inRotation: 0 }))).toEqual(['not registered yet']);
  });
});
