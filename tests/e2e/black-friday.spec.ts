import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { LessonPlayer, PROGRESS_KEY } from './support/lesson-page.ts';
import { collectPageErrors } from './support/page-errors.ts';
import { snap } from './support/artifacts.ts';

/*
 * The Black Friday challenge as a learner plays it: lesson 22's last step opens on the textbook design
 * (10/20/15/5 instances at 1,000,000 requests per second). Paused at 0 s, the learner sets each service's
 * count with the group controls (27/54/40/14, the hint's 75 % busy), then in the builder adds a scaling group
 * for each service (palette), with those counts as the minimum (inspector) and a target-tracking policy at
 * 60 % CPU (the policy forms: Add policy, then its target value), gives orders a shared session store (palette) so that carts outlive a crashed instance, and gives each
 * service nginx retries and nginx passive health (inspector), the gateway's answer to the two instances that crash
 * during the second (orders-6 at 0.6 s, products-13 at 0.85 s). The run to the 1 s check then meets every goal
 * and shows both crashes; the score card shows the run's score, keeps it as the best and gives a completion code,
 * which the teacher page reads back for the learner's name.
 */

const LESSON = 'black-friday-1m';
const COUNTS: Record<string, number> = { users: 27, products: 54, orders: 40, payments: 14 };
/** The lesson's target tracking: 60 % CPU. */
const TARGET_CPU = 60;
/** The budget goal's ceiling on instance dollars over the 1 s run (the lesson's goals.json). */
const BUDGET_USD: number = JSON.parse(readFileSync(new URL('../../lessons/22-black-friday-1m/goals.json', import.meta.url), 'utf8')).goals.find(
  (g: { id: string }) => g.id === 'budget',
).atMost;

async function setCount(page: Page, group: string, count: number): Promise<void> {
  const box = page.getByTestId(`group-${group}`);
  await box.getByTestId(`count-${group}`).fill(String(count));
  await box.getByRole('button', { name: 'Set' }).click();
  // the button is disabled once the group has that many registered targets
  await expect(box.getByRole('button', { name: 'Set' })).toBeDisabled({ timeout: 30_000 });
}

async function addScalingGroup(page: Page, group: string, min: number): Promise<void> {
  const builder = page.getByTestId('builder');
  const inspector = page.getByTestId('inspector');
  await builder.getByRole('button', { name: `target group ${group}`, exact: true }).click();
  await expect(inspector).toContainText(`target group ${group}`);
  await page.getByTestId('palette-kind').selectOption('scaling-group');
  await page.getByTestId('palette-name').fill(`${group}-asg`);
  await page.getByTestId('palette-add').click();
  await expect(builder.locator('[data-testid="outline-node"][data-kind="scaling-group"]', { hasText: `${group}-asg (${group})` })).toBeVisible();
  await expect(inspector).toContainText(`${group}-asg`);
  const minInput = inspector.locator('[data-key="min"] input');
  await minInput.fill(String(min));
  await minInput.press('Tab');
  await expect(inspector.locator('[data-key="min"] [data-testid="field-error"]')).toHaveCount(0);
  await expect(minInput).toHaveValue(String(min));
  // edits queue while the worker answers (the fields stay enabled): wait for this one before the next
  await expect(page.getByTestId('builder-status')).toContainText(`min = ${min}`);
  // the policy with the forms: "Add policy" starts target tracking on average CPU at 50 %; the lesson asks for 60 %
  const policies = inspector.locator('[data-testid="list-field"][data-list="policy"]');
  await expect(policies.getByTestId('add-policy-kind')).toHaveValue('target-tracking');
  await policies.getByRole('button', { name: 'Add policy' }).click();
  await expect(page.getByTestId('builder-status')).toContainText('add target tracking to policies');
  const target = policies.locator('[data-testid="list-item"][data-kind="target-tracking"] [data-key="targetValue"] input');
  await expect(target).toHaveValue('50');
  await target.fill(String(TARGET_CPU));
  await target.press('Tab');
  await expect(policies.locator('[data-testid="field-error"]')).toHaveCount(0);
  await expect(page.getByTestId('builder-status')).toContainText(`target value = ${TARGET_CPU}`);
}

/** In the inspector of group `group` (selected): choose nginx as the kind of a variant field; the builder logs the change. */
async function chooseNginx(page: Page, group: string, key: 'retries' | 'passiveHealth', logged: string): Promise<void> {
  const field = page.getByTestId('inspector').locator(`[data-key="${key}"]`).first();
  await field.locator('select').first().selectOption({ label: 'nginx' });
  await expect(field.locator('[data-testid="field-error"]')).toHaveCount(0);
  await expect(field.locator('select').first().locator('option:checked')).toHaveText('nginx');
  await expect(page.getByTestId('builder').getByTestId('change-entry').filter({ hasText: `target group ${group}: ${logged}` })).toHaveCount(1);
}

test('Black Friday: the textbook design is rebuilt in the lab into one that holds the peak and autoscales; the score, its best and its code', async ({ page }) => {
  test.setTimeout(600_000);
  const errors = collectPageErrors(page);
  await page.addInitScript((key) => {
    if (localStorage.getItem(key) === null) localStorage.setItem(key, JSON.stringify({ version: 2, learner: 'Ada', lessons: {} }));
  }, PROGRESS_KEY);
  const player = new LessonPlayer(page);
  await player.goto(`#/lessons/${LESSON}/6`);
  await expect(player.stepTitle).toContainText('Hold the peak', { timeout: 60_000 });
  await expect(player.status).toHaveText(/^(Paused|Stopped)$/, { timeout: 60_000 });
  await expect(page.getByTestId('score-card')).toContainText('Cost per million good requests');

  // the counts, with the group controls
  await page.getByTestId('tab-controls').click();
  for (const [group, count] of Object.entries(COUNTS)) await setCount(page, group, count);

  // a scaling group per service, with the builder
  await page.getByTestId('tab-build').click();
  await expect(page.getByTestId('builder')).toBeVisible();
  for (const [group, count] of Object.entries(COUNTS)) await addScalingGroup(page, group, count);
  // carts: orders keeps them in a shared store (the palette's session store goes to the selected group)
  const builder = page.getByTestId('builder');
  await builder.getByRole('button', { name: 'target group orders', exact: true }).click();
  await expect(page.getByTestId('inspector')).toContainText('target group orders');
  await page.getByTestId('palette-kind').selectOption('session-store');
  await page.getByTestId('palette-add').click();
  await expect(builder.locator('[data-testid="outline-node"][data-kind="session-store"]', { hasText: 'sessions: shared' })).toHaveCount(1);
  await expect(page.getByTestId('inspector')).toHaveAttribute('data-pointer', '/targetGroups/2/sessionStore');
  // the gateway: retry a refused request on another instance, set a failed one aside (nginx defaults)
  for (const group of Object.keys(COUNTS)) {
    await builder.getByRole('button', { name: `target group ${group}`, exact: true }).click();
    await expect(page.getByTestId('inspector')).toContainText(`target group ${group}`);
    await chooseNginx(page, group, 'retries', 'retries added, with its defaults');
    await chooseNginx(page, group, 'passiveHealth', 'passive health = nginx');
  }
  await snap(page.getByTestId('builder'), 'black-friday-builder.png');

  // still at 0 s: play to the check at 1 s
  // 4 counts, 4 × (scaling group, its minimum, a policy, its target value), the session store, 4 × 2 gateway fields
  await expect(page.getByTestId('builder').getByTestId('change-entry')).toHaveCount(4 + 4 * 4 + 1 + 4 * 2);
  await page.getByRole('button', { name: 'Play', exact: true }).click();
  await expect(player.complete).toBeVisible({ timeout: 300_000 });
  // the world lasts the second its goals are judged on: the run finishes there, and the cost card shows what the
  // budget goal judged (a longer world once showed ten seconds of instance-dollars beside a 1 s budget)
  await expect(page.getByTestId('status')).toHaveText('Finished', { timeout: 120_000 });
  expect(await page.evaluate(() => window.__lab.timeMs())).toBe(1000);
  const instanceUsd = await page.evaluate(() => window.__lab.metrics()?.cost.instanceUsd ?? Infinity);
  expect(instanceUsd).toBeGreaterThan(0);
  expect(instanceUsd).toBeLessThanOrEqual(BUDGET_USD);
  // the two crashes of the scenario are on screen
  for (const id of ['orders-6', 'products-13']) await expect(page.getByTestId(`topology-node-${id}`)).toHaveAttribute('data-state', 'crashed');
  for (const id of ['available', 'fast', 'websockets', 'budget', 'carts', 'carts-store', 'autoscale-users', 'autoscale-products', 'autoscale-orders', 'autoscale-payments']) {
    await expect(player.goal(id)).toHaveAttribute('data-met', 'true');
  }

  // the score: every request simulated, so about 1,000,000 arrivals in the first second, nearly all good; only the
  // requests the two crashed instances held fail (about 160 of 1,000,000, claims.json), so 99.98 % or so
  const card = page.getByTestId('score-card');
  await expect(card.getByTestId('score-availability')).toHaveText(/^99\.9\d %$/);
  const good = Number((await card.getByTestId('score-good').textContent())!.replace(/[^0-9]/g, ''));
  // Poisson arrivals at 1,000,000/s over the first second (±3σ is ±3,000), less those still in flight at the
  // check: by Little's law about 1,000,000/s × ~11 ms (10 ms of service plus the network) ≈ 11,000
  expect(good).toBeGreaterThan(980_000);
  expect(good).toBeLessThan(1_003_000);
  const code = (await card.getByTestId('score-code').textContent())!;
  // the code carries the availability in hundredths of a percent, as the card shows it (99.98 % → 9998)
  const basisPoints = Math.round(Number((await card.getByTestId('score-availability').textContent())!.replace(/[^0-9.]/g, '')) * 100);
  expect(code).toMatch(new RegExp(`^L22-${good}-${basisPoints}-\\d+-[0-9A-F]{8}$`));
  await expect(card).toContainText('not a cryptographic proof');
  await snap(page, 'black-friday-passed.png');
  await snap(card, 'black-friday-score.png');
  const stored = await page.evaluate((key) => JSON.parse(localStorage.getItem(key)!), PROGRESS_KEY);
  expect(stored.lessons[LESSON].best.goodPerSec).toBe(good);

  // the teacher reads the code back
  await page.goto('./?test#/teach');
  const reader = page.getByTestId('score-reader');
  await reader.getByTestId('score-reader-code').fill(code);
  await reader.getByTestId('score-reader-learner').fill('Ada');
  await expect(reader.getByTestId('score-reader-result')).toContainText('Black Friday');
  await expect(reader.getByTestId('score-reader-check')).toHaveText('matches these numbers and this name');
  await reader.getByTestId('score-reader-learner').fill('Bob');
  await expect(reader.getByTestId('score-reader-check')).toContainText('does not match');
  await snap(reader, 'black-friday-teacher.png');
  expect(errors).toEqual([]);
});
