import { describe, expect, it } from 'vitest';
import { lockedReason, sectionUnlocked } from '../../../../src/ui/lesson/unlocked.ts';

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
});
