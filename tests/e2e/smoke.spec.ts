import { expect, test } from '@playwright/test';
import { LabPage } from './support/lab-page.ts';
import { collectPageErrors } from './support/page-errors.ts';
import { snap } from './support/artifacts.ts';

test('the starter scenario runs in the worker and the page shows live numbers', async ({ page }) => {
  const errors = collectPageErrors(page);
  const lab = new LabPage(page);
  await lab.goto();

  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Balancer Lab');
  await lab.ready();
  await expect(lab.scenarioName).toHaveText('Three equal servers behind round robin');
  await expect(lab.simTime).toHaveText('0.0 s');
  await expect(lab.p99).toHaveText('—');
  expect(page.workers().map((w) => w.url())).toEqual([expect.stringMatching(/sim\.worker/)]);

  await lab.setSpeed(10);
  await lab.play();
  await expect.poll(() => lab.simSeconds(), { timeout: 10_000 }).toBeGreaterThan(6);
  await expect.poll(() => lab.count('requests-total')).toBeGreaterThan(50);
  expect(await lab.count('requests-ok')).toBeGreaterThan(0);
  await expect(lab.p50).toHaveText(/^\d[\d,.]* m?s$/);
  await expect(lab.p99).toHaveText(/^\d[\d,.]* m?s$/);
  await expect(page.getByTestId('lab-view')).toBeVisible();

  for (const row of await lab.targets()) {
    expect(row.state).toBe('up');
    expect(row.requests).toBeGreaterThan(0);
  }

  await lab.pause();
  const pausedAt = await lab.simSeconds();
  await lab.nextFrames();
  expect(await lab.simSeconds()).toBe(pausedAt);

  await snap(page, 'sandbox-running.png', { fullPage: true });
  expect(errors).toEqual([]);
});

test('the run stops at the end of the scenario and can be run again', async ({ page }) => {
  const errors = collectPageErrors(page);
  const lab = new LabPage(page);
  await lab.goto();
  await lab.ready();
  await lab.advance(58_000);
  await lab.setSpeed(20);
  // Two simulated seconds at 20× may be over before "Running" could be read on a busy machine: wait for the end.
  await page.getByRole('button', { name: 'Play' }).click();

  await expect(lab.status).toHaveText('Finished', { timeout: 10_000 });
  await expect(lab.simTime).toHaveText('60.0 s');
  const arrived = await lab.count('requests-total');
  expect(arrived).toBeGreaterThan(1000); // about 24 per second for 60 s

  await page.getByRole('button', { name: 'Play again' }).click();
  await expect(lab.status).toHaveText('Running');
  await expect.poll(() => lab.count('requests-total')).toBeLessThan(arrived);
  expect(errors).toEqual([]);
});

test('reduced motion is passed on to the view, and the layout holds from a tablet to a projector', async ({ browser }) => {
  for (const [name, viewport] of [
    ['tablet', { width: 1024, height: 768 }],
    ['laptop', { width: 1280, height: 720 }],
    ['projector', { width: 1920, height: 1080 }],
  ] as const) {
    const context = await browser.newContext({ viewport, reducedMotion: name === 'tablet' ? 'reduce' : 'no-preference' });
    const page = await context.newPage();
    const errors = collectPageErrors(page);
    const lab = new LabPage(page);
    await lab.goto();
    await lab.ready();
    await lab.advance(12_000);
    // Nothing wider than the window: no sideways scrolling of the page.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(viewport.width);
    await expect(page.getByTestId('flow-canvas')).toHaveCount(name === 'tablet' ? 0 : 1);
    await snap(page, `layout-${name}.png`);
    expect(errors).toEqual([]);
    await context.close();
  }
});

// The lesson routes have their own journeys (lessons.spec.ts).
test('an unknown address offers the way back', async ({ page }) => {
  const errors = collectPageErrors(page);
  const lab = new LabPage(page);
  await lab.goto('#/nowhere');
  await expect(page.getByTestId('placeholder')).toContainText('There is no page here');
  await page.getByRole('link', { name: 'Go to the sandbox' }).click();
  await lab.ready();
  expect(errors).toEqual([]);
});
