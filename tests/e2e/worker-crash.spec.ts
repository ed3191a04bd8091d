import { expect, test } from '@playwright/test';
import { LabPage } from './support/lab-page.ts';
import { collectPageErrors } from './support/page-errors.ts';
import { artifactPath } from './support/artifacts.ts';

// Serve a broken worker script in place of the real one; the page must say so and recover.
const workerScript = /\/sim\.worker[^/]*\.js$/;

test('a worker that fails is reported, and restarting runs the scenario again', async ({ page }) => {
  const errors = collectPageErrors(page);
  await page.route(workerScript, (route) =>
    route.fulfill({ contentType: 'text/javascript', body: 'throw new Error("simulated worker failure");' }),
  );
  const lab = new LabPage(page);
  await lab.goto();

  await expect(lab.crashed).toBeVisible();
  await expect(lab.status).toHaveText('Stopped');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Balancer Lab');
  await page.screenshot({ path: artifactPath('worker-crash.png'), fullPage: true });

  await page.unroute(workerScript);
  await page.getByRole('button', { name: 'Restart from the scenario' }).click();
  await lab.ready();
  await expect(lab.crashed).toBeHidden();
  await lab.setSpeed(10);
  await lab.play();
  await expect.poll(() => lab.simSeconds(), { timeout: 10_000 }).toBeGreaterThan(1);

  // The broken script's own error may be logged; nothing else may be.
  expect(errors.filter((e) => !e.includes('simulated worker failure'))).toEqual([]);
});

test('a worker that never answers is reported as stopped within a few seconds', async ({ page }) => {
  await page.route(workerScript, (route) => route.fulfill({ contentType: 'text/javascript', body: 'self.onmessage = () => {};' }));
  const lab = new LabPage(page);
  await lab.goto();

  await expect(lab.crashed).toContainText('did not answer', { timeout: 10_000 });
  await expect(page.getByRole('button', { name: 'Restart from the scenario' })).toBeVisible();
});
