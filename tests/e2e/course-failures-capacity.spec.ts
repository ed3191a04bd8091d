/**
 * The course's chapters 4 (Surviving failures) and 5 (Capacity), one lesson of each, completed as a learner
 * would: predictions locked in before running, runs to the moment, the reveal with the learner's own numbers,
 * the fix with the lesson's own means (try buttons for Route 53's settings, the scaling group's form for
 * Beanstalk's MinSize and MaxSize), Restart run, and every goal met; and lesson 20's primary failover, predicted and
 * read back in the reveal.
 */
import { expect, test } from '@playwright/test';
import { LessonPlayer } from './support/lesson-page.ts';
import { collectPageErrors } from './support/page-errors.ts';
import { snap } from './support/artifacts.ts';

/** Runs to the moment play at the lesson's speed, so a long moment takes tens of wall seconds. */
const MOMENT = { timeout: 600_000 };

/** The lab is ready (paused at its moment); a busy machine may take a while to build a long run. */
async function ready(player: LessonPlayer): Promise<void> {
  await expect(player.status).toHaveText('Paused', { timeout: 60_000 });
}

/** A learner in a hurry ticks "As fast as possible" before a long run to the moment. */
async function hurry(player: LessonPlayer): Promise<void> {
  const max = player.page.getByTestId('speed-max');
  if (!(await max.isChecked())) await max.check();
}

async function predict(player: LessonPlayer, option: number, fast = false): Promise<void> {
  const page = player.page;
  if (fast) await hurry(player);
  await page.getByRole('radio').nth(option).check();
  await page.getByTestId('predict-submit').click();
  await page.getByTestId('run-to-moment').click();
}

async function next(player: LessonPlayer, title: string): Promise<void> {
  await player.page.getByTestId('step-next').click();
  await expect(player.stepTitle).toHaveText(title);
}

test('chapter 4: a learner shortens SecureCart’s Route 53 failover and completes the lesson', async ({ page }) => {
  test.setTimeout(300_000);
  const errors = collectPageErrors(page);
  const player = new LessonPlayer(page);
  await player.goto('#/lessons/route-53-failover/1');
  await expect(player.title).toHaveText('Route 53 failover during an outage');
  await expect(player.stepTitle).toHaveText('One name, two regions');
  await ready(player);

  await predict(player, 2);
  await expect(page.getByTestId('predict-outcome')).toContainText('You predicted “Two minutes or more: Route 53 must be sure first, then the caches must expire”. The run shows: Two minutes or more', MOMENT);
  await snap(page, 'course-r53-outage.png');

  await next(player, 'What Route 53 waits for');
  // the run is already past the verdict: the reveal shows this run's second, not the fallback
  await expect(page.getByTestId('reveal')).toContainText('In your run Route 53 marked the primary unhealthy at 173 s');
  await expect(page.getByTestId('reveal')).not.toContainText('in our run');

  await next(player, 'The customers who never move');
  await predict(player, 1);
  await expect(page.getByTestId('predict-outcome')).toContainText('The run shows: About one in twenty', MOMENT);

  await next(player, 'Shorten the failover');
  await expect(player.goal('customers-back')).toHaveAttribute('data-state', /pending|unmet/);
  await expect(page.getByTestId('hints')).toBeVisible();
  // in the Build tab (the task opens on it): the DNS name's checks every 10 s, threshold 2, and a 10 s TTL
  await expect(page.getByTestId('tab-build')).toHaveAttribute('aria-selected', 'true');
  const builder = page.getByTestId('builder');
  await builder.locator('[data-testid="outline-node"][data-kind="dns"]').click();
  const inspector = page.getByTestId('inspector');
  await inspector.locator('[data-pointer="/dns/healthChecks/intervalSec"] select').selectOption({ label: '10' });
  for (const [pointer, value] of [['/dns/healthChecks/failureThreshold', '2'], ['/dns/ttlSec', '10']]) {
    const input = inspector.locator(`[data-pointer="${pointer}"] > .row input`);
    await input.fill(value);
    await input.press('Enter');
  }
  await expect(builder.getByTestId('change-entry')).toHaveText(['DNS name shop.securecart.com: health checks interval = 10 s', 'DNS name shop.securecart.com: health checks failure threshold = 2', 'DNS name shop.securecart.com: ttl = 10 s']);
  await page.getByTestId('reset').click();
  await ready(player);
  await player.advance(200_000);
  await expect(player.complete).toContainText(/Lesson complete|Goals met/);
  for (const goal of await page.locator('[data-testid^="goal-"][data-state]').all()) await expect(goal).toHaveAttribute('data-state', 'met');
  await snap(page, 'course-r53-complete.png', { fullPage: true });
  expect(errors).toEqual([]);
});

test('chapter 5: a learner gives Better Call Buffet’s Beanstalk group a floor and a ceiling and completes the lesson', async ({ page }) => {
  test.setTimeout(1_500_000);
  const errors = collectPageErrors(page);
  const player = new LessonPlayer(page);
  await player.goto('#/lessons/better-call-buffet-on-beanstalk/1');
  await expect(player.stepTitle).toHaveText(/The project.s trigger/);
  await ready(player);

  await predict(player, 2, true);
  await expect(page.getByTestId('predict-outcome')).toContainText('The run shows: Around 20 minutes', MOMENT);

  await next(player, 'One at a time');
  await hurry(player);
  await page.getByTestId('run-to-moment').click();
  await expect(page.getByTestId('wait')).toContainText('Done: the group scales out a second time', MOMENT);
  await expect(page.getByTestId('reveal')).toContainText('In your run the first scale-out came at 1,200 s');
  await snap(page, 'course-beanstalk-one-at-a-time.png');

  await next(player, 'Where four are not enough');
  await ready(player);
  await predict(player, 1, true);
  await expect(page.getByTestId('predict-outcome')).toContainText('The run shows: About one order in six is refused', MOMENT);

  await next(player, 'Feed the lunch rush');
  await ready(player);
  await expect(page.getByTestId('tab-controls')).toHaveAttribute('aria-selected', 'true');
  await page.getByTestId('scaling-min-asg').fill('3');
  await page.getByTestId('scaling-max-asg').fill('8');
  await page.getByTestId('scaling-apply-asg').click();
  // the change is in the run before Restart run (which keeps it), not still on its way to the worker
  await expect.poll(() => page.evaluate(() => window.__lab.changes().map((c) => c.change))).toEqual([{ action: 'set-capacity', scalingGroup: 'asg', min: 3, max: 8 }]);
  await page.getByTestId('reset').click();
  await ready(player);
  await player.advance(3_300_000);
  await expect(player.complete).toContainText(/Lesson complete|Goals met/);
  for (const goal of await page.locator('[data-testid^="goal-"][data-state]').all()) await expect(goal).toHaveAttribute('data-state', 'met');
  await page.getByTestId('tab-charts').click();
  await snap(page, 'course-beanstalk-complete.png', { fullPage: true });
  expect(errors).toEqual([]);
});

test('chapter 5: a learner predicts what a primary failover does with read replicas and reads the failover in the reveal', async ({ page }) => {
  test.setTimeout(60_000);
  const errors = collectPageErrors(page);
  const player = new LessonPlayer(page);
  await player.goto('#/lessons/databases-under-autoscaling/5');
  await expect(player.stepTitle).toHaveText('When the primary fails');
  await ready(player);
  // the diagram names the database's replicas, uncut
  await expect(page.getByTestId('database-state-orders-db')).toHaveText('up · 2 replicas');

  await predict(player, 1);
  await expect(page.getByTestId('predict-outcome')).toContainText('You predicted “Only the orders fail, about one in ten, then all is well again”. The run shows: Only the orders fail', MOMENT);
  // the reveal reads this run: the failover at 30 s, back 60 s later, and the orders that failed meanwhile
  const reveal = page.getByTestId('reveal');
  await expect(reveal).toContainText('In your run the failover began at 30 s and orders-db was back at 90 s.');
  await expect(reveal).toContainText('3,597 requests failed with 500, 5 % of all requests over the two minutes: the orders, about one in ten of the requests while the primary was away.');
  await expect(reveal).not.toContainText('in our run');
  await snap(page, 'course-db-failover.png');
  expect(errors).toEqual([]);
});
