/**
 * Watches a lesson on screen for two listeners: the progress recorder (what a teacher collects) and the
 * embedding page (postMessage events, when the lesson is in an iframe). Call it while a component initialises.
 */
import { untrack } from 'svelte';
import type { Lesson } from '../../content/lesson.ts';
import { lessonMessages, postToEmbedder, type LessonMoment } from './embed-messages.ts';
import type { LessonRun } from './lesson-run.svelte.ts';
import type { ProgressStore } from './progress-store.svelte.ts';
import { ProgressRecorder } from './progress-recorder.ts';

export function watchLesson(run: LessonRun, store: ProgressStore, lesson: Lesson): void {
  const recorder = new ProgressRecorder((change) => store.update(change), lesson, () => performance.now());
  let before: LessonMoment | null = null;
  $effect(() => {
    const ctx = run.state.context;
    const moment: LessonMoment = { step: ctx.step, goals: ctx.goals, passed: run.state.value === 'passed', solved: ctx.solved };
    untrack(() => {
      recorder.observe(ctx);
      postToEmbedder(lessonMessages(lesson, before, moment));
    });
    before = moment;
  });
  $effect(() => {
    const onVisibility = () => (document.visibilityState === 'hidden' ? recorder.pause() : recorder.resume());
    const onHide = () => recorder.flush();
    if (document.visibilityState === 'hidden') recorder.pause();
    document.addEventListener('visibilitychange', onVisibility);
    window.addEventListener('pagehide', onHide);
    return () => {
      document.removeEventListener('visibilitychange', onVisibility);
      window.removeEventListener('pagehide', onHide);
      recorder.flush();
    };
  });
}
