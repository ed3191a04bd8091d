import { expect, test } from '@playwright/test';
import { LabPage } from './support/lab-page.ts';
import { collectPageErrors } from './support/page-errors.ts';
import { snap } from './support/artifacts.ts';

// A scaling group's staircase takes minutes: the charts show the last minute, or every second the run keeps.
test('the charts show the last 60 s or the whole run, and keep the choice', async ({ page }) => {
  const errors = collectPageErrors(page);
  const lab = new LabPage(page);
  await lab.goto();
  await lab.ready();
  await lab.openExample('black-friday-autoscaling', 'Black Friday: autoscaling against a spike');
  await lab.seek(300_000);
  await lab.tab('charts');
  const recent = page.getByTestId('chart-span-recent');
  const whole = page.getByTestId('chart-span-whole');
  await expect(recent).toHaveText('Last 60 s');
  await expect(recent).toHaveAttribute('aria-pressed', 'true');
  // each chart's time axis is a slider over its seconds: 241 … 300 for the last minute
  const rate = page.getByTestId('chart-rate').getByRole('slider');
  await expect(rate).toHaveAttribute('aria-valuemin', '241');
  await expect(rate).toHaveAttribute('aria-valuemax', '300');
  await whole.click();
  await expect(whole).toHaveAttribute('aria-pressed', 'true');
  await expect(rate).toHaveAttribute('aria-valuemin', '1');
  await expect(rate).toHaveAttribute('aria-valuemax', '300');
  // the scaling group's capacity chart follows: from the first second
  await expect(page.locator('[data-testid^="chart-capacity-"]').first().getByRole('slider')).toHaveAttribute('aria-valuemin', '1');
  await snap(page, 'chart-span-whole.png');
  // another tab and back: the choice holds
  await lab.tab('events');
  await lab.tab('charts');
  await expect(page.getByTestId('chart-span-whole')).toHaveAttribute('aria-pressed', 'true');
  expect(errors).toEqual([]);
});
