// What a step starts from and what its buttons do: Solve fixes only the task of the step the learner is on (lesson 6
// has two), a goal appears from the step that asks for it, a scene step that acts on the scene the step before
// showed starts it over as written (lessons 7 and 8), and a Try pressed on a run that reached its end restarts the
// run with the change (lesson 2).
import { expect, test } from '@playwright/test';
import { LessonPlayer } from './support/lesson-page.ts';
import { collectPageErrors } from './support/page-errors.ts';
import { snap } from './support/artifacts.ts';

test.use({ viewport: { width: 1366, height: 768 } });

const changes = (player: LessonPlayer) => player.page.evaluate(() => window.__lab.changes());
const timeMs = (player: LessonPlayer) => player.page.evaluate(() => window.__lab.timeMs());

test('lesson 6: Solve at step 2 adds the host rule only; the A/B goal and the rule removal wait for step 5', async ({ page }) => {
  const errors = collectPageErrors(page);
  const player = new LessonPlayer(page);
  await player.goto('#/lessons/hosts-and-headers/2');
  await player.ready(30_000);
  await expect(player.goal('beta-carts')).toHaveCount(0); // step 5's goal is not listed at step 2
  await page.getByTestId('lesson-solve').click();
  await expect(page.getByTestId('check-met-so-far')).toBeVisible({ timeout: 60_000 });
  await expect(page.getByTestId('check-failed')).toHaveCount(0);
  await expect(player.stepTitle).toHaveText('Conditions are ANDed');
  const solved = JSON.stringify(await changes(player));
  expect(solved).toContain('/balancers/0/listeners/0/rules/0/match/host');
  expect(solved).not.toContain('/balancers/0/listeners/0/rules/1');
  await expect(player.goal('shop-fast')).toContainText('✔');
  await snap(page, 'lesson-06-solve-step-2.png');
  await page.getByTestId('check-met-so-far').scrollIntoViewIfNeeded();
  await snap(page, 'lesson-06-solve-step-2-goals.png');

  // step 4's prediction: the /cart rule is still there, so the A/B test never starts
  await page.getByTestId('step-next').click();
  await page.getByTestId('step-next').click();
  await expect(player.stepTitle).toHaveText('An A/B test by cookie');
  await page.getByRole('radio').nth(1).check();
  await page.getByTestId('predict-submit').click();
  await page.getByTestId('reset').click();
  await page.getByTestId('run-to-moment').click();
  await expect(page.getByTestId('predict-outcome')).toContainText('The run shows: None', { timeout: 60_000 });
  await expect(page.getByTestId('reveal')).toContainText('served 0 requests by 60 s');

  // step 5 sets the second task: its goal appears, and Solve there removes the plain /cart rule too
  await page.getByTestId('step-next').click();
  await expect(player.goal('beta-carts')).toHaveCount(1);
  await page.getByTestId('lesson-solve').click();
  await expect(player.complete).toBeVisible({ timeout: 60_000 });
  expect(JSON.stringify(await changes(player))).toContain('/balancers/0/listeners/0/rules/1');
  expect(errors).toEqual([]);
});

test('lesson 7: step 6 starts the inspected scene over, without step 5’s Crash fw-1', async ({ page }) => {
  const errors = collectPageErrors(page);
  const player = new LessonPlayer(page);
  await player.goto('#/lessons/layer-4-or-layer-7/5');
  await player.ready(30_000);
  await page.getByRole('radio').nth(1).check();
  await page.getByTestId('predict-submit').click();
  await page.getByTestId('run-to-moment').click();
  await expect(page.getByTestId('reveal')).toBeVisible({ timeout: 60_000 });
  await page.getByRole('button', { name: /Crash fw-1/ }).click();
  await expect.poll(() => changes(player)).toHaveLength(1);
  await page.getByTestId('step-next').click();
  await expect(player.stepTitle).toHaveText('When the appliances fall behind');
  await player.ready(30_000);
  expect(await changes(player)).toEqual([]);
  expect(await timeMs(player)).toBe(0);
  await snap(page, 'lesson-07-step-6-start.png');
  expect(errors).toEqual([]);
});

test('lesson 8: step 4 starts the scene over and reveals nothing until the hash type is changed', async ({ page }) => {
  const errors = collectPageErrors(page);
  const player = new LessonPlayer(page);
  await player.goto('#/lessons/haproxy-in-front-of-a-database/3');
  await player.ready(30_000);
  await page.getByRole('radio').nth(1).check();
  await page.getByTestId('predict-submit').click();
  await page.getByTestId('run-to-moment').click();
  await expect(page.getByTestId('reveal')).toContainText('180 workers moved', { timeout: 60_000 });
  await page.getByTestId('step-next').click();
  await expect(player.stepTitle).toHaveText('Consistent hashing');
  await player.ready(30_000);
  expect(await timeMs(player)).toBe(0);
  await expect(page.getByTestId('reveal')).toHaveCount(0);
  await snap(page, 'lesson-08-step-4-start.png');
  // the map-based run to 90 s alone does not answer the step
  await player.advance(90_000);
  await expect(page.getByTestId('reveal')).toHaveCount(0);
  await page.getByTestId('reset').click();
  await player.ready(30_000);
  await page.getByRole('button', { name: /hash-type consistent/ }).click();
  await page.getByTestId('run-to-moment').click();
  await expect(page.getByTestId('reveal')).toContainText('64 workers moved by 90 s', { timeout: 60_000 });
  await snap(page, 'lesson-08-step-4-revealed.png');
  expect(errors).toEqual([]);
});

test('lesson 2: a Try pressed at the end of the run restarts it from 0 s with the change', async ({ page }) => {
  const errors = collectPageErrors(page);
  const player = new LessonPlayer(page);
  await player.goto('#/lessons/round-robin-and-weights/5');
  await player.ready(30_000);
  await player.advance(90_000);
  expect(await timeMs(player)).toBe(90_000);
  await page.getByRole('button', { name: /Make small 3× slower/ }).click();
  await expect.poll(() => timeMs(player)).toBe(0);
  await player.ready(30_000);
  expect(await changes(player)).toEqual([{ atMs: 0, change: { action: 'slow', target: 'small', factor: 3 } }]);
  await snap(page, 'lesson-02-try-at-end.png');
  expect(errors).toEqual([]);
});
