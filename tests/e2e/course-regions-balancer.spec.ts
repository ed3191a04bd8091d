/**
 * Chapter 4's lessons on regions and on the balancer itself, completed as a learner would: a prediction
 * locked in before running, the fix made with the Build tab (the parts each lesson unlocks: the DNS name's
 * policy, a balancer's standby) and the Change-it form, Restart run, the reveal with the learner's own
 * numbers, and every goal met.
 */
import { expect, test } from '@playwright/test';
import { LessonPlayer } from './support/lesson-page.ts';
import { collectPageErrors } from './support/page-errors.ts';
import { snap } from './support/artifacts.ts';

const MOMENT = { timeout: 600_000 };

async function ready(player: LessonPlayer): Promise<void> {
  await expect(player.status).toHaveText('Paused', { timeout: 120_000 });
}

async function predict(player: LessonPlayer, option: number): Promise<void> {
  const page = player.page;
  const max = page.getByTestId('speed-max');
  if (!(await max.isChecked())) await max.check();
  await page.getByRole('radio').nth(option).check();
  await page.getByTestId('predict-submit').click();
  await page.getByTestId('run-to-moment').click();
}

async function next(player: LessonPlayer, title: string): Promise<void> {
  await player.page.getByTestId('step-next').click();
  await expect(player.stepTitle).toHaveText(title);
}

test('the balancer itself: a learner gives the lone HAProxy a standby in the Build tab and completes the lesson', async ({ page }) => {
  test.setTimeout(300_000);
  await page.setViewportSize({ width: 1280, height: 720 });
  const errors = collectPageErrors(page);
  const player = new LessonPlayer(page);
  await player.goto('#/lessons/the-balancer-itself/1');
  await expect(player.title).toHaveText('The balancer itself');
  await ready(player);
  await snap(page, 'course-balancer-step1.png');

  await predict(player, 2);
  await expect(page.getByTestId('predict-outcome')).toContainText('The run shows: All of them', MOMENT);
  await snap(page, 'course-balancer-spof.png');

  await next(player, 'A standby pair');
  await expect(page.getByTestId('step-next')).toBeDisabled();
  await page.getByTestId('tab-build').click();
  const builder = page.getByTestId('builder');
  await builder.locator('[data-testid="outline-node"][data-kind="balancer"]', { hasText: 'lb-1' }).click();
  const standby = page.getByTestId('inspector').locator('[data-key="standby"]');
  await standby.getByRole('button', { name: /^Add / }).click();
  await expect(standby.getByRole('button', { name: /^Remove / })).toBeVisible();
  await expect(builder.getByTestId('change-entry')).toHaveText(['balancer lb-1: standby added, with its defaults']);
  await page.getByTestId('reset').click();
  await ready(player);
  await player.advance(180_000);
  // the reveal reads this run: the standby took over 3 s after the crash at 60 s
  await expect(page.getByTestId('reveal')).toContainText('In your run the standby took over at 63 s');
  await expect(page.getByTestId('reveal')).not.toContainText('in our run');
  await expect(player.complete).toContainText(/Lesson complete|Goals met/);
  for (const goal of await page.locator('[data-testid^="goal-"][data-state]').all()) await expect(goal).toHaveAttribute('data-state', 'met');
  await snap(page, 'course-balancer-standby.png');
  expect(errors).toEqual([]);
});

test('active-active regions: a learner switches the name to latency routing, sizes the survivor and completes the lesson', async ({ page }) => {
  test.setTimeout(400_000);
  await page.setViewportSize({ width: 1280, height: 720 });
  const errors = collectPageErrors(page);
  const player = new LessonPlayer(page);
  await player.goto('#/lessons/active-active-regions/1');
  await expect(player.title).toHaveText('Active-active regions');
  await ready(player);

  await predict(player, 2);
  await expect(page.getByTestId('predict-outcome')).toContainText('The run shows: Nothing', MOMENT);

  await page.goto('./?test#/lessons/active-active-regions/4');
  await expect(player.stepTitle).toHaveText('Active-active with latency routing');
  await ready(player);
  await page.getByTestId('tab-build').click();
  const builder = page.getByTestId('builder');
  await builder.locator('[data-testid="outline-node"][data-kind="dns"]').click();
  await page.getByTestId('inspector').locator('[data-key="policy"] select').selectOption('latency');
  await page.getByTestId('tab-controls').click();
  await page.getByTestId('count-eu').fill('3');
  await page.getByTestId('group-eu').getByRole('button', { name: 'Set' }).click();
  // both changes are in the run before Restart run (which keeps them), not still on their way to the worker
  await expect.poll(() => page.evaluate(() => window.__lab.changes().map((c) => c.change))).toEqual([
    { action: 'patch', patches: [{ op: 'add', path: '/dns/policy', value: 'latency' }] },
    { action: 'set-target-count', group: 'eu', count: 3 },
  ]);
  await page.getByTestId('reset').click();
  await ready(player);
  await player.advance(420_000);
  await expect(player.complete).toContainText(/Lesson complete|Goals met/);
  for (const goal of await page.locator('[data-testid^="goal-"][data-state]').all()) await expect(goal).toHaveAttribute('data-state', 'met');
  await snap(page, 'course-regions-complete.png', { fullPage: true });
  expect(errors).toEqual([]);
});

test('other policies: a learner runs a whole day to the 18:00 rush, moves the scheduled action to 17:50 in the Build tab and completes the lesson', async ({ page }) => {
  test.setTimeout(300_000);
  await page.setViewportSize({ width: 1280, height: 720 });
  const errors = collectPageErrors(page);
  const player = new LessonPlayer(page);
  await player.goto('#/lessons/other-policies/1');
  await expect(player.title).toHaveText('Step, simple, scheduled and predictive scaling', { timeout: 60_000 });
  await ready(player);
  await snap(page, 'course-policies-step1.png');

  // a day to 18:10: Run to jumps to 17:59 (in hour-long legs) and runs the last 600 s the charts keep; every request simulated
  await predict(player, 1);
  await expect(page.getByTestId('predict-outcome')).toContainText('The run shows: Thousands of requests fail', MOMENT);
  await expect(page.getByTestId('reveal')).toContainText('In your run 5,106 requests failed');
  await snap(page, 'course-policies-rush.png');

  await next(player, 'Schedule it before the rush');
  await page.getByTestId('tab-build').click();
  await page.getByTestId('builder').locator('[data-testid="outline-node"][data-kind="scaling-group"]').click();
  // the scheduled action's recurrence, in its own field of the policy's form
  const recurrence = page.getByTestId('inspector').locator('[data-testid="list-item"][data-kind="scheduled"] [data-key="recurrence"] input');
  await expect(recurrence).toHaveValue('0 18 * * *');
  await recurrence.fill('50 17 * * *');
  await recurrence.press('Tab');
  await expect(page.getByTestId('builder').getByTestId('change-entry')).toHaveCount(1);
  await page.getByTestId('reset').click();
  // the restarted day is on screen (not the finished one it replaces) before it runs on
  await page.waitForFunction(() => window.__lab.timeMs() === 0, null, { timeout: 60_000 });
  await ready(player);
  // the day again, to the check at 18:10, in hour-long legs
  await player.advance(65_400_000);
  await expect(player.complete).toContainText(/Lesson complete|Goals met/, { timeout: 60_000 });
  for (const goal of await page.locator('[data-testid^="goal-"][data-state]').all()) await expect(goal).toHaveAttribute('data-state', 'met');
  await snap(page, 'course-policies-complete.png');
  expect(errors).toEqual([]);
});
