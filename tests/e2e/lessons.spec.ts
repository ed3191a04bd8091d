import { expect, test } from '@playwright/test';
import { LessonPlayer, PROGRESS_KEY } from './support/lesson-page.ts';
import { collectPageErrors } from './support/page-errors.ts';
import { snap } from './support/artifacts.ts';

const LESSON_2 = 'round-robin-and-weights';

test('a learner completes lesson 2 with the keyboard alone, and it stays done after a reload', async ({ page }) => {
  const errors = collectPageErrors(page);
  const player = new LessonPlayer(page);
  await player.goto('#/lessons');
  await expect(player.lessonEntry(LESSON_2)).toHaveAttribute('data-done', 'false');

  await player.tabTo(player.lessonEntry(LESSON_2).getByRole('link'));
  await page.keyboard.press('Enter');
  await expect(player.stepTitle).toHaveText('Taking turns');
  await player.ready();

  // Step 1 asks for a prediction before the run: arrow keys choose, Enter locks it in.
  await player.tabTo(page.getByRole('radio').first());
  await page.keyboard.press('ArrowDown');
  await expect(page.getByRole('radio').nth(1)).toBeChecked();
  await player.tabTo(page.getByTestId('predict-submit'));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('radio').nth(1)).toBeDisabled();
  await player.advance(30_000);
  await expect(page.getByTestId('predict-outcome')).toContainText('You predicted “About 55 % busy”');

  for (const title of ['Targets of different sizes', 'What round robin ignores']) {
    await player.tabTo(page.getByTestId('step-next'));
    await page.keyboard.press('Enter');
    await expect(player.stepTitle).toHaveText(title);
    await expect(player.stepTitle).toBeFocused(); // a keyboard user starts reading the new step
  }
  // step 3 waits for the end of the run (90 s): its reveal gives that run's numbers, not the 30 s it arrives at
  await expect(page.getByTestId('step-next')).toBeDisabled();
  await player.tabTo(page.getByTestId('run-to-moment'));
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('reveal')).toContainText(/By 90 s in your run [\d,]+ requests were turned away/, { timeout: 60_000 });
  await player.tabTo(page.getByTestId('step-next'));
  await page.keyboard.press('Enter');
  await expect(player.stepTitle).toHaveText('Weighted round robin');
  await expect(player.stepTitle).toBeFocused();
  await expect(page).toHaveURL(new RegExp(`#/lessons/${LESSON_2}/4$`));
  await expect(player.status).toHaveText('Finished'); // the world runs on across steps: step 3 ran it to its end
  await expect(page.getByTestId('world-name')).toHaveText('Three targets of different sizes');
  await expect(player.goal('weights')).toHaveAttribute('data-met', 'false');

  // The hint ladder, one rung.
  await player.tabTo(page.getByTestId('hint-more'));
  await page.keyboard.press('Space');
  await expect(page.getByTestId('hints')).toContainText('A nudge');

  // The fix, with the lab's own controls.
  const algorithm = page.getByTestId('algorithm-web');
  await player.tabTo(algorithm);
  await player.arrowSelect(algorithm, 'weighted-round-robin');
  const pick = page.getByTestId('target-pick');
  const weight = page.getByTestId('weight');
  for (const [target, w] of [['large', '4'], ['medium', '2'], ['small', '1']] as const) {
    await player.tabTo(pick);
    await player.arrowSelect(pick, target);
    await player.tabTo(weight);
    await player.typeAndEnter(w);
  }
  await expect(player.goal('weights')).toHaveAttribute('data-met', 'true');
  // the run had finished (step 3 ran it to 90 s): the first change started it over from time 0, the changes kept
  await expect(page.getByTestId('sim-time')).toHaveText('0.0 s');
  await player.ready();

  await player.advance(90_000);
  for (const id of ['weights', 'large-share', 'small-share', 'no-hot-server', 'fast']) await expect(player.goal(id)).toHaveAttribute('data-met', 'true');
  await expect(player.complete).toContainText(/Lesson complete|Goals met/);
  await expect(page.getByTestId('lesson-announce')).toHaveText(/Lesson complete/);
  // goals met before the last step: recorded, and the lesson goes on (the next lesson is offered at its last step)
  await expect(page.getByTestId('goals-met-continue')).toBeVisible();
  await expect(page.getByTestId('next-lesson')).toHaveCount(0);
  await snap(page, 'lesson-done.png', { fullPage: true });

  await player.tabTo(page.getByRole('link', { name: 'Lessons', exact: true }).first());
  await page.keyboard.press('Enter');
  await expect(player.lessonEntry(LESSON_2)).toHaveAttribute('data-done', 'true');
  await page.reload();
  await expect(player.lessonEntry(LESSON_2)).toHaveAttribute('data-done', 'true');
  await expect(player.lessonEntry(LESSON_2)).toContainText('Done');
  await snap(page, 'lesson-list.png', { fullPage: true });
  expect(errors).toEqual([]);
});

test('a damaged progress entry is reset with a notice, and the rest is kept', async ({ page }) => {
  const errors = collectPageErrors(page);
  const player = new LessonPlayer(page);
  await player.goto('#/lessons');
  await expect(player.list).toBeVisible();
  await page.evaluate((key) => localStorage.setItem(key, JSON.stringify({ version: 1, lessons: { 'one-server-is-not-enough': { done: true }, [`round-robin-and-weights`]: { done: 'yes' } } })), PROGRESS_KEY);
  await page.reload();
  await expect(player.progressNotice).toContainText('round-robin-and-weights');
  await expect(player.lessonEntry('one-server-is-not-enough')).toHaveAttribute('data-done', 'true');
  await expect(player.lessonEntry(LESSON_2)).toHaveAttribute('data-done', 'false');

  await page.evaluate((key) => localStorage.setItem(key, '{not json'), PROGRESS_KEY);
  await page.reload();
  await expect(player.progressNotice).toContainText('could not be read');
  await expect(player.list).toBeVisible();
  await expect(player.lessonEntry('one-server-is-not-enough')).toHaveAttribute('data-done', 'false');
  expect(errors).toEqual([]);
});

test('a direct link opens a lesson at its step', async ({ page }) => {
  const errors = collectPageErrors(page);
  const player = new LessonPlayer(page);
  await player.goto('#/lessons/one-server-is-not-enough/2');
  await expect(player.title).toHaveText('One server is not enough');
  await expect(player.stepTitle).toHaveText('Three targets behind one name');
  await expect(page.getByTestId('lesson-step')).toContainText('Step 2 of 5');
  await player.ready();
  await snap(page, 'lesson-step.png', { fullPage: true });
  expect(errors).toEqual([]);
});
