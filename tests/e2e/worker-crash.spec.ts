import { expect, test } from '@playwright/test';
import { LabPage } from './support/lab-page.ts';
import { collectPageErrors } from './support/page-errors.ts';
import { snap } from './support/artifacts.ts';

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
  await expect(lab.crashed).toContainText('Your scenario and its text are safe.');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Balancer Lab');
  await snap(page, 'worker-crash.png', { fullPage: true });

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

test('a worker that dies mid-run leaves the last numbers on screen until the restart', async ({ page }) => {
  const errors = collectPageErrors(page);
  const lab = new LabPage(page);
  await lab.goto();
  await lab.ready();
  await lab.setSpeed(10);
  await lab.play();
  await expect.poll(() => lab.simSeconds(), { timeout: 10_000 }).toBeGreaterThan(3);

  // Throw inside the worker itself, as an engine bug would.
  const [worker] = page.workers();
  await worker.evaluate(() => {
    setTimeout(() => {
      throw new Error('simulated engine failure');
    });
  });

  await expect(lab.crashed).toContainText('simulated engine failure');
  await expect(lab.crashed).toContainText('last ones it reported');
  // the page draws numbers at most five times a second while playing: let the last answer's draw land first
  await page.waitForTimeout(500);
  const frozenAt = await lab.simSeconds();
  expect(frozenAt).toBeGreaterThan(3);
  expect(await lab.count('requests-total')).toBeGreaterThan(0);
  await lab.nextFrames();
  expect(await lab.simSeconds()).toBe(frozenAt);
  await snap(page, 'worker-crash-mid-run.png', { fullPage: true });

  // Slow, so that the fresh run cannot catch up with the frozen time while we look.
  await lab.setSpeed(0.5);
  await page.getByRole('button', { name: 'Restart from the scenario' }).click();
  await expect(lab.crashed).toBeHidden();
  await expect(lab.status).toHaveText('Running'); // it was playing when it died, so it plays on
  await expect.poll(() => lab.simSeconds()).toBeLessThan(frozenAt);
  await expect.poll(() => lab.simSeconds()).toBeGreaterThan(0);

  expect(errors.filter((e) => !e.includes('simulated engine failure'))).toEqual([]);
});
