import { expect, test } from '@playwright/test';
import { LabPage } from './support/lab-page.ts';
import { collectPageErrors } from './support/page-errors.ts';
import { snap } from './support/artifacts.ts';
import shop from '../../scenarios/sticky-vs-shared-sessions.json' with { type: 'json' };

/*
 * Design B = A + patches, not only another algorithm: the shop with sessions in each target's memory (A)
 * against the same shop with a shared session store (B), on identical traffic. Target b crashes at 60 s:
 * in A its users' carts are lost; in B the carts live in the store, so none is lost (the engine test
 * "a shared store before a crash loses no cart" pins the mechanism). The crash is brought forward to 10 s
 * (imported into the sandbox, which compare mode starts from) so that the test runs 30 simulated seconds.
 */
test('compare sticky sessions in memory against a shared session store, side by side', async ({ page }) => {
  test.setTimeout(120_000);
  const errors = collectPageErrors(page);
  const lab = new LabPage(page);
  await lab.goto();
  await lab.ready();
  const early = { ...structuredClone(shop), name: 'Shop, crash at 10 s', durationSec: 30, events: [{ atSec: 10, action: 'crash', target: 'b' }] };
  await page.getByTestId('import-input').setInputFiles({ name: 'shop.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(early)) });
  await expect(lab.scenarioName).toHaveText('Shop, crash at 10 s');
  await page.getByTestId('nav-compare').click();
  await expect(page.getByTestId('compare')).toBeVisible();
  await expect(page.getByTestId('compare-scenario')).toHaveValue('');
  await page.getByTestId('compare-preset').selectOption('shared-0');
  await expect(page.getByTestId('compare-patches')).toHaveValue(/"kind": "shared"/);
  await expect(page.getByTestId('b-algorithm-web')).toHaveValue('round-robin');
  await page.getByTestId('compare-start').click();
  // two runs of 1,500 clients open together: slower than one on a busy machine
  await expect(lab.status).toHaveText('Paused', { timeout: 30_000 });
  await expect(page.getByRole('columnheader', { name: /B: round-robin \+ .*sessionStore/ })).toBeVisible();

  await page.getByTestId('speed-max').check();
  // at max speed on a quiet machine the 30 s run may finish before "Running" is seen: wait for the end itself
  await page.getByRole('button', { name: 'Play' }).click();
  // to the end of the 30 s run: 20 s after the crash
  await expect(lab.status).toHaveText('Finished', { timeout: 80_000 });
  // identical traffic: the same arrivals in both runs (each column shows its run's last answer, which may reach the
  // page a frame after the status does)
  await expect.poll(async () => (await lab.count('a-arrived')) - (await lab.count('b-arrived'))).toBe(0);
  expect(await lab.count('a-arrived')).toBeGreaterThan(0);
  await expect(page.getByTestId('a-carts-lost')).toBeVisible();
  await expect.poll(() => lab.count('a-carts-lost')).toBeGreaterThan(0);
  expect(await lab.count('b-carts-lost')).toBe(0);
  // both diagrams and all charts
  await expect(page.getByTestId('compare-view-a').getByTestId('lab-view')).toBeVisible();
  await expect(page.getByTestId('compare-view-b').getByTestId('lab-view')).toBeVisible();
  await expect(page.getByTestId('chart-p95').locator('path.line')).toHaveCount(2);
  await snap(page, 'compare-designs.png', { fullPage: true });

  // a patch that breaks a rule is refused with its path, and nothing runs
  await page.getByTestId('compare-patches').fill('[{ "op": "add", "path": "/targetGroups/0/sessionStore", "value": { "kind": "redis" } }]');
  await page.getByTestId('compare-start').click();
  await expect(page.getByTestId('notice')).toContainText('sessionStore');
  expect(errors).toEqual([]);
});
