/**
 * What a step finds on screen when it shows the scene the step before it showed (lesson 1's steps 2–3, lesson 7's
 * 5–6, lesson 8's 3–4): the scene starts over, as written, when the learner changed that run (a try, a control, an
 * edit) or when the step has tries of its own (it asks the learner to act on the scene from the start its prose
 * states); a step that only reads on about the same, unchanged run keeps it. The lesson's own world keeps running
 * across steps, changes and all (the learner's fix is the point there). A different world always opens fresh.
 */
import type { Step } from '../../content/lesson.ts';

export function sceneStartsOver(step: Pick<Step, 'scene' | 'tries'>, runChanged: boolean): boolean {
  return step.scene !== null && (step.tries.length > 0 || runChanged);
}
