import { expect, test } from '@playwright/test';
import { LabPage } from './support/lab-page.ts';
import { collectPageErrors } from './support/page-errors.ts';
import { artifactPath } from './support/artifacts.ts';

test('the starter scenario runs in the worker and the page shows live numbers', async ({ page }) => {
  const errors = collectPageErrors(page);
  const lab = new LabPage(page);
  await lab.goto();

  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Balancer Lab');
  await lab.ready();
  await expect(page.getByTestId('scenario-name')).toHaveText('Three equal servers behind round robin');
  await expect(lab.simTime).toHaveText('0.0 s');
  await expect(lab.p99).toHaveText('—');
  expect(page.workers().map((w) => w.url())).toEqual([expect.stringMatching(/sim\.worker/)]);

  await lab.setSpeed(10);
  await lab.play();
  await expect.poll(() => lab.simSeconds(), { timeout: 10_000 }).toBeGreaterThan(6);
  await expect.poll(() => lab.count('requests-total')).toBeGreaterThan(50);
  expect(await lab.count('requests-ok')).toBeGreaterThan(0);
  await expect(lab.p50).toHaveText(/^\d[\d,.]* ms$/);
  await expect(lab.p99).toHaveText(/^\d[\d,.]* ms$/);

  for (const id of ['a', 'b', 'c']) {
    const row = lab.targetRow(id);
    await expect(row.getByTestId('target-state')).toHaveText('up');
    await expect(row.getByTestId('target-requests')).toHaveText(/^[1-9][\d,]*$/);
  }

  await lab.pause();
  const pausedAt = await lab.simSeconds();
  await lab.nextFrames();
  expect(await lab.simSeconds()).toBe(pausedAt);

  await page.screenshot({ path: artifactPath('smoke.png'), fullPage: true });
  expect(errors).toEqual([]);
});

test('the run stops at the end of the scenario and can be run again', async ({ page }) => {
  const errors = collectPageErrors(page);
  const lab = new LabPage(page);
  await lab.goto();
  await lab.ready();
  await lab.setSpeed(20);
  await lab.play();

  await expect(lab.status).toHaveText('Finished', { timeout: 15_000 });
  await expect(lab.simTime).toHaveText('60.0 s');
  const arrived = await lab.count('requests-total');
  expect(arrived).toBeGreaterThan(1000); // about 24 per second for 60 s

  await page.getByRole('button', { name: 'Run again' }).click();
  await expect(lab.status).toHaveText('Running');
  await expect.poll(() => lab.count('requests-total')).toBeLessThan(arrived);
  expect(errors).toEqual([]);
});
