import { describe, expect, it } from 'vitest';
import { sceneStartsOver } from '../../../../src/ui/lesson/step-world.ts';

const crash = { label: 'Crash fw-1', changes: [{ action: 'crash' as const, target: 'fw-1' }] };

describe('a step that shows the scene the step before showed', () => {
  it('starts it over when it has tries of its own (lesson 7 step 6, lesson 8 step 4): the start its prose states holds', () => {
    expect(sceneStartsOver({ scene: 'inspected', tries: [crash] }, false)).toBe(true);
  });

  it('starts it over when the learner changed that run (step 5’s Crash fw-1 is not carried into step 6)', () => {
    expect(sceneStartsOver({ scene: 'inspected', tries: [] }, true)).toBe(true);
  });

  it('keeps an unchanged run when it only reads on about it (lesson 1 step 3 reads the events of step 2’s run)', () => {
    expect(sceneStartsOver({ scene: 'dns', tries: [] }, false)).toBe(false);
  });

  it('never starts the lesson’s own world over: the learner’s fix carries across steps', () => {
    expect(sceneStartsOver({ scene: null, tries: [crash] }, true)).toBe(false);
  });
});
