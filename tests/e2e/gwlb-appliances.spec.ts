/**
 * Lesson 07's appliance step: the GWLB's appliances in their own column, each card with its workers, queue and
 * drops; slowing inspection to 20 ms fills the queues and drops flows, as the card, its detail card and the
 * event log show.
 */
import { expect, test } from '@playwright/test';
import { LessonPlayer } from './support/lesson-page.ts';
import { collectPageErrors } from './support/page-errors.ts';
import { snap } from './support/artifacts.ts';

test('GWLB appliances: a column of their own; a slower inspection fills their queues and drops flows', async ({ page }) => {
  test.setTimeout(60_000);
  await page.setViewportSize({ width: 1400, height: 900 });
  const errors = collectPageErrors(page);
  const player = new LessonPlayer(page);
  await player.goto('#/lessons/layer-4-or-layer-7/6');
  await expect(player.stepTitle).toHaveText('When the appliances fall behind');
  await expect(player.status).toHaveText('Paused', { timeout: 30_000 });
  await expect(page.getByTestId('appliance-group-inspectors')).toBeVisible();
  const fw1 = page.getByTestId('topology-node-fw-1');
  await expect(fw1).toHaveAttribute('data-appliance', 'true');

  await player.advance(5_000);
  // two workers on an m5.large, 1 ms each, the default queue of 1,024, nothing dropped
  await expect(page.getByTestId('appliance-workers-fw-1')).toHaveText(/^[0-2]\/2 busy · 1(\.0)? ms $/);
  await expect(page.getByTestId('appliance-queue-fw-1')).toHaveText(/^queue [0-9]\/1,024 $/);
  await expect(page.getByTestId('appliance-dropped-fw-1')).toHaveText('0 dropped ');
  await snap(page, 'gwlb-appliances.png');

  await page.getByTestId('tries').getByRole('button', { name: 'Try: Inspection takes 20 ms' }).click();
  await player.advance(30_000);
  // 150 a second in, 100 out per appliance: full after about 20 s, dropping since
  await expect(page.getByTestId('appliance-queue-fw-1')).toHaveText(/^queue 1,02\d\/1,024 $/);
  await expect(page.getByTestId('appliance-dropped-fw-1')).toHaveText(/^[1-9][0-9,]* dropped $/);
  await fw1.hover();
  await expect(page.getByTestId('appliance-detail-workers')).toHaveText('2/2 busy');
  await expect(page.getByTestId('appliance-detail-dropped')).not.toHaveText('0');
  await snap(page, 'gwlb-appliances-full.png');
  expect(errors).toEqual([]);
});
