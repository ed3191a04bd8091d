import { describe, expect, it } from 'vitest';
import { ChangeSchema } from '../../../src/scenario/schema.ts';
import { buildChange, DEFAULT_PARAMS, targetActions, type TargetAction } from '../../../src/viz/target-actions.ts';

const all: TargetAction[] = ['crash', 'hang', 'slow', 'errors', 'brownout', 'break-dependency', 'recover', 'deregister', 'register'];

describe('target actions', () => {
  it('build changes in the live-change vocabulary, with the defaults slow ×4, errors 30 %, brownout ×3 + 20 %', () => {
    for (const action of all) expect(ChangeSchema.safeParse(buildChange(action, 'b')).success, action).toBe(true);
    expect(buildChange('slow', 'b')).toEqual({ action: 'slow', target: 'b', factor: 4 });
    expect(buildChange('errors', 'b')).toEqual({ action: 'errors', target: 'b', share: 0.3 });
    expect(buildChange('brownout', 'b')).toEqual({ action: 'brownout', target: 'b', factor: 3, share: 0.2 });
    expect(buildChange('deregister', 'b')).toEqual({ action: 'deregister', target: 'b' });
    expect(buildChange('break-dependency', 'b')).toEqual({ action: 'break-dependency', target: 'b' });
  });

  it('clamp typed parameters to what the schema accepts', () => {
    const change = buildChange('brownout', 'b', { ...DEFAULT_PARAMS, brownoutFactor: 0.2, brownoutShare: 7 });
    expect(change).toEqual({ action: 'brownout', target: 'b', factor: 1, share: 1 });
    expect(ChangeSchema.safeParse(change).success).toBe(true);
    expect(buildChange('slow', 'b', { ...DEFAULT_PARAMS, slowFactor: NaN })).toMatchObject({ factor: 4 });
  });

  it('offer only what the engine accepts in the target’s state', () => {
    const enabled = (state: 'up' | 'crashed' | 'hung' | 'degraded', lifecycle: 'in-service' | 'draining' | 'unused' | 'pending' = 'in-service') =>
      targetActions({ state, lifecycle }).filter((a) => a.enabled).map((a) => a.action);
    expect(enabled('up')).toEqual(['crash', 'hang', 'slow', 'errors', 'brownout', 'break-dependency', 'deregister']);
    expect(enabled('crashed')).toEqual(['recover', 'deregister']);
    expect(enabled('hung')).toEqual(['crash', 'recover', 'deregister']);
    expect(enabled('degraded', 'draining')).toEqual(['crash', 'hang', 'slow', 'errors', 'brownout', 'break-dependency', 'recover', 'register']);
    expect(enabled('up', 'unused')).toContain('register');
  });

  it('leave an instance that is still booting to its scaling group: no register, no drain', () => {
    const actions = targetActions({ state: 'up', lifecycle: 'pending' }).filter((a) => a.enabled).map((a) => a.action);
    expect(actions).not.toContain('register');
    expect(actions).not.toContain('deregister');
  });

  it('label parameterised actions with their parameters', () => {
    const labels = targetActions({ state: 'up', lifecycle: 'in-service' }).map((a) => a.label);
    expect(labels).toContain('Slow ×4');
    expect(labels).toContain('Errors 30%');
    expect(labels).toContain('Brownout ×3 + 20%');
  });
});
