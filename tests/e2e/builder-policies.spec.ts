import { expect, test, type Page } from '@playwright/test';
import { LabPage } from './support/lab-page.ts';
import { LessonPlayer } from './support/lesson-page.ts';
import { collectPageErrors } from './support/page-errors.ts';
import { snap } from './support/artifacts.ts';

/*
 * A scaling group's policies edited with forms, as on the AWS console's "Automatic scaling" page. In lesson 18's
 * second step the learner moves the scheduled action from 18:00 to 17:50 with its recurrence field (a bad cron is
 * refused with the validator's words under the field), restarts the day and meets the goals. In the sandbox a
 * scaling group added from the palette has no policy: "Add policy" adds target tracking on average CPU at 50 %,
 * its target value is set to 60 %, undo puts 50 back, and Remove takes the policy away; each is one live change.
 */

const inspector = (page: Page) => page.getByTestId('inspector');

test('lesson 18 step 2: the scheduled action’s cron changed with its form, the day restarted, the goals met', async ({ page }) => {
  test.setTimeout(300_000);
  await page.setViewportSize({ width: 1366, height: 768 });
  const errors = collectPageErrors(page);
  const player = new LessonPlayer(page);
  await player.goto('#/lessons/other-policies/2');
  await expect(player.stepTitle).toContainText('Schedule it before the rush', { timeout: 60_000 });
  await player.ready(60_000);
  await page.getByTestId('tab-build').click();
  await page.getByTestId('builder').locator('[data-testid="outline-node"][data-kind="scaling-group"]').click();
  const scheduled = inspector(page).locator('[data-testid="list-item"][data-kind="scheduled"]');
  await expect(scheduled.locator('legend').first()).toHaveText('Policy 2: scheduled actions');
  const recurrence = scheduled.locator('[data-key="recurrence"]');
  const cron = recurrence.locator('input');
  await expect(cron).toHaveValue('0 18 * * *');
  // 18:00 is 18 × 3,600 s into the day the run starts at 00:00 UTC
  await expect(recurrence.getByTestId('field-note')).toHaveText('UTC; the run starts at 00:00 UTC. First fires at 18:00:00 (64,800 s).');

  // an hour of 25 is refused, in the validator's words, under the field; nothing is applied
  await cron.fill('0 25 * * *');
  await cron.press('Tab');
  await expect(recurrence.getByTestId('field-error')).toContainText('cron: bad hour "25" (allowed 0–23)');
  await expect(page.getByTestId('builder').getByTestId('change-entry')).toHaveCount(0);

  await cron.fill('50 17 * * *');
  await cron.press('Tab');
  await expect(recurrence.getByTestId('field-error')).toHaveCount(0);
  await expect(page.getByTestId('builder').getByTestId('change-entry')).toHaveCount(1);
  // 17:50 is 600 s before 64,800 s
  await expect(recurrence.getByTestId('field-note')).toHaveText('UTC; the run starts at 00:00 UTC. First fires at 17:50:00 (64,200 s).');
  expect(await page.evaluate(() => window.__lab.changes().map((c) => c.change))).toEqual([
    { action: 'patch', patches: [{ op: 'add', path: '/scalingGroups/0/policies/1/actions/0/recurrence', value: '50 17 * * *' }] },
  ]);
  await snap(page, 'builder-policies-lesson18-1366.png');
  await page.setViewportSize({ width: 390, height: 844 });
  await scheduled.scrollIntoViewIfNeeded();
  await snap(page, 'builder-policies-lesson18-390.png');
  await page.setViewportSize({ width: 1366, height: 768 });

  await page.getByTestId('reset').click();
  await page.waitForFunction(() => window.__lab.timeMs() === 0, null, { timeout: 60_000 });
  await player.ready(60_000);
  // the change is kept by the restart: the action now fires at 17:50, and the new instances serve by 18:00
  await player.advance(65_400_000);
  for (const goal of ['rush-served', 'rush-fast', 'budget']) await expect(player.goal(goal)).toHaveAttribute('data-met', 'true', { timeout: 60_000 });
  // the restarted run still carries the change, at 0 s
  expect(await page.evaluate(() => window.__lab.changes().map((c) => c.change.action))).toEqual(['patch']);
  expect(errors).toEqual([]);
});

test('sandbox: a palette scaling group gets a target-tracking policy from "Add policy"; its target value, undo and Remove', async ({ page }) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1366, height: 768 });
  const errors = collectPageErrors(page);
  const lab = new LabPage(page);
  await lab.goto();
  await expect(lab.status).toHaveText('Paused', { timeout: 30_000 });
  await lab.openExample('sticky-vs-shared-sessions', 'Sticky sessions vs a shared session store');
  await page.getByTestId('tab-build').click();
  const builder = page.getByTestId('builder');
  await builder.getByRole('button', { name: 'target group web', exact: true }).click();
  await page.getByTestId('palette-kind').selectOption('scaling-group');
  await page.getByTestId('palette-name').fill('web-asg');
  await page.getByTestId('palette-add').click();
  await expect(inspector(page)).toContainText('web-asg');
  const policies = inspector(page).locator('[data-testid="list-field"][data-list="policy"]');
  await expect(policies.getByTestId('no-policies')).toBeVisible();
  await expect(policies.getByTestId('add-policy-kind')).toHaveValue('target-tracking');
  await policies.getByRole('button', { name: 'Add policy' }).click();

  const policy = policies.locator('[data-testid="list-item"][data-kind="target-tracking"]');
  await expect(policy.locator('legend').first()).toHaveText('Policy 1: target tracking');
  await expect(policy.locator('[data-key="metric"] select option:checked')).toHaveText('CPUUtilization');
  const target = policy.locator('[data-key="targetValue"]');
  await expect(target.locator('label')).toHaveText('target value (%)');
  await expect(target.locator('input')).toHaveValue('50');
  // the new policy's first field has the focus
  await expect(policy.locator('[data-key="metric"] select')).toBeFocused();
  await expect(builder.getByTestId('change-entry')).toHaveCount(2);

  // out of range: the schema's words under the field, nothing applied
  await target.locator('input').fill('0');
  await target.locator('input').press('Tab');
  await expect(target.getByTestId('field-error')).toContainText('targetValue');
  await expect(builder.getByTestId('change-entry')).toHaveCount(2);
  await target.locator('input').fill('60');
  await target.locator('input').press('Tab');
  await expect(page.getByTestId('builder-status')).toContainText('target value = 60');
  await expect(builder.getByTestId('change-entry')).toHaveCount(3);
  const policiesNow = () => page.evaluate(() => window.__lab.changes().at(-1)?.change);
  expect(await policiesNow()).toEqual({ action: 'patch', patches: [{ op: 'add', path: '/scalingGroups/0/policies/0/targetValue', value: 60 }] });
  await snap(inspector(page), 'builder-policies-target-tracking.png');

  // undo puts the console's 50 back
  await page.getByTestId('undo').click();
  await expect(target.locator('input')).toHaveValue('50');
  // the whole list is still there as JSON, behind "advanced"
  await policies.getByText('Edit as JSON (advanced)').click();
  await expect(policies.locator('textarea')).toHaveValue('[{"kind":"target-tracking","metric":"CPUUtilization","targetValue":50,"disableScaleIn":false}]');

  await policies.getByRole('button', { name: 'Remove policy 1' }).click();
  await expect(policies.getByTestId('no-policies')).toBeVisible();
  await expect(policies.getByTestId('add-item')).toBeFocused();
  await expect(page.getByTestId('builder-status')).toContainText('remove policy 1 from policies');
  expect(errors).toEqual([]);
});
