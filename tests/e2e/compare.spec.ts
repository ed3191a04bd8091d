import { expect, test } from '@playwright/test';
import { LabPage } from './support/lab-page.ts';
import { collectPageErrors } from './support/page-errors.ts';
import { snap } from './support/artifacts.ts';
import { expectNoHorizontalOverflow, VIEWPORTS } from './support/screen.ts';

test('compare mode runs two algorithms on identical traffic, with their charts overlaid', async ({ page }) => {
  const errors = collectPageErrors(page);
  const lab = new LabPage(page);
  await lab.goto();
  await lab.ready();
  await page.getByTestId('nav-compare').click();
  await expect(page.getByTestId('compare')).toBeVisible();
  await expect(page.getByTestId('a-algorithm-web')).toHaveValue('round-robin');
  await expect(page.getByTestId('b-algorithm-web')).toHaveValue('least-connections');
  await lab.ready();
  // before the runs have a second, the legends say so on their own (they read "(mean no data yet)")
  await expect(page.getByTestId('chart-p95').getByTestId('legend-a')).toHaveText('no data yet');

  await lab.setSpeed(10);
  await lab.play();
  await expect.poll(() => lab.simSeconds(), { timeout: 10_000 }).toBeGreaterThan(20);
  await lab.pause();
  // Same seed, common random numbers: the same requests arrive in both runs.
  await expect.poll(async () => [await lab.count('a-arrived'), await lab.count('b-arrived')]).toEqual([await lab.count('a-arrived'), await lab.count('a-arrived')]);
  expect(await lab.count('a-arrived')).toBeGreaterThan(400);
  await expect(page.getByTestId('chart-p95')).toBeVisible();
  await expect(page.getByTestId('chart-p95').locator('path.line')).toHaveCount(2);
  await expect(page.getByTestId('chart-p95').getByTestId('legend-a')).toHaveText(/^\(mean [\d,.]+ ms\)$/);
  // its y axis says milliseconds or seconds ("1.5 s"), not "1.5k"
  const yTicks = await page.getByTestId('chart-p95').locator('svg text[text-anchor="end"]').allTextContents();
  expect(yTicks.length).toBeGreaterThan(2);
  expect(yTicks.filter((t) => !/^\d[\d.]* (ms|s)$/.test(t))).toEqual([]);
  await expect(page.getByTestId('chart-failed')).toBeVisible();
  await snap(page, 'compare.png', { fullPage: true });

  // Another pair: B with random; the run starts again.
  await page.getByTestId('b-algorithm-web').selectOption('random');
  await page.getByTestId('compare-start').click();
  await lab.ready();
  await expect(lab.simTime).toHaveText('0.0 s');
  await expect(page.getByRole('columnheader', { name: 'B: random' })).toBeVisible();
  expect(errors).toEqual([]);
});

test('on a 390 px phone the compare page does not scroll sideways: A\'s and B\'s selects share the width', async ({ browser }) => {
  const context = await browser.newContext({ viewport: VIEWPORTS.phone });
  const page = await context.newPage();
  const errors = collectPageErrors(page);
  const lab = new LabPage(page);
  await lab.goto('#/compare');
  await lab.ready();
  // least-outstanding-requests is the longest algorithm's name: a select as wide as it pushed the form to 602 px
  await page.getByTestId('b-algorithm-web').selectOption('least-outstanding-requests');
  await expectNoHorizontalOverflow(page);
  for (const id of ['compare-scenario', 'a-algorithm-web', 'b-algorithm-web', 'compare-start']) {
    const box = await page.getByTestId(id).boundingBox();
    expect(box === null ? null : box.x + box.width, id).toBeLessThanOrEqual(VIEWPORTS.phone.width);
  }
  await snap(page, 'compare-phone.png', { fullPage: true });
  expect(errors).toEqual([]);
  await context.close();
});
