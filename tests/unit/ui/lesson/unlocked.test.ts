import { describe, expect, it } from 'vitest';
import { panelUnlocked, sectionUnlocked, taskTab } from '../../../../src/ui/lesson/unlocked.ts';
import { lockedReason } from '../../../../src/ui/lesson/locked-reason.ts';

describe('controls a lesson unlocks', () => {
  it('refuses a change the lesson does not unlock, saying what it does unlock', () => {
    const allowed = ['set-algorithm', 'set-weight'];
    expect(lockedReason({ action: 'set-weight', target: 'a', weight: 2 }, allowed)).toBeNull();
    expect(lockedReason({ action: 'crash', target: 'a' }, allowed)).toEqual([
      { path: '(lesson)', message: 'this lesson does not unlock "crash"; here you can change: set-algorithm, set-weight' },
    ]);
  });

  it('everything is unlocked outside lessons', () => {
    expect(lockedReason({ action: 'crash', target: 'a' }, undefined)).toBeNull();
    expect(sectionUnlocked('scaling', undefined)).toBe(true);
  });

  it('shows only the panel sections with something unlocked', () => {
    expect(sectionUnlocked('groups', ['set-algorithm'])).toBe(true);
    expect(sectionUnlocked('traffic', ['set-algorithm'])).toBe(false);
    expect(sectionUnlocked('targets', ['crash'])).toBe(true);
  });

  it('hides the Change-it panel when it would be empty, and opens a task on the Build tab instead', () => {
    // patch-only lessons (05, 09, 10, 13) change things in the Build tab; failure buttons sit on the picture
    expect(panelUnlocked(['patch'])).toBe(false);
    expect(panelUnlocked(['crash-balancer', 'recover-balancer'])).toBe(false);
    expect(panelUnlocked([])).toBe(false);
    expect(panelUnlocked(['set-capacity'])).toBe(true);
    expect(panelUnlocked(['set-target-count', 'patch'])).toBe(true);
    expect(panelUnlocked(undefined)).toBe(true);
    expect(taskTab(['patch'], ['stickiness'])).toBe('build');
    expect(taskTab(['set-algorithm'], [])).toBe('controls');
    expect(taskTab(['patch'], undefined)).toBe('charts');
  });
});
