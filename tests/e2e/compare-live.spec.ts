import { expect, test } from '@playwright/test';
import { LabPage } from './support/lab-page.ts';
import { collectPageErrors } from './support/page-errors.ts';

/*
 * Design B as "what I changed live": in the sandbox (the starter, round robin over targets a–c at 24 req/s)
 * the learner switches the group to least connections (a friendly live action) and adds a fourth target (a
 * patch). Compare mode offers those changes as B's patches on the sandbox's document; B then runs with four
 * targets under least connections while A keeps the document as written, on identical traffic.
 */
test('compare starts design B from the sandbox’s live changes', async ({ page }) => {
  test.setTimeout(90_000);
  const errors = collectPageErrors(page);
  const lab = new LabPage(page);
  await lab.goto();
  await expect(lab.status).toHaveText('Paused', { timeout: 30_000 });
  expect(await page.evaluate(() => window.__lab.apply({ action: 'set-algorithm', group: 'web', algorithm: 'least-connections' }))).toBe(true);
  expect(await page.evaluate(() => window.__lab.apply({ action: 'patch', op: 'add', path: '/targetGroups/0/targets/-', value: { id: 'd', concurrency: 4, serviceTimeMs: { dist: 'exponential', meanMs: 400 } } }))).toBe(true);

  await page.getByTestId('nav-compare').click();
  await expect(page.getByTestId('compare')).toBeVisible();
  const preset = page.getByTestId('compare-preset');
  await expect(preset.locator('option[value="live"]')).toHaveText('what I changed live in the sandbox (2 patches)');
  await preset.selectOption('live');
  const patches = JSON.parse(await page.getByTestId('compare-patches').inputValue()) as { op: string; path: string; value: unknown }[];
  expect(patches.map((p) => [p.op, p.path])).toEqual([
    ['add', '/targetGroups/0/algorithm'],
    ['add', '/targetGroups/0/targets/-'],
  ]);
  expect(patches[0].value).toBe('least-connections');
  await page.getByTestId('compare-start').click();
  await expect(lab.status).toHaveText('Paused', { timeout: 30_000 });
  // B's diagram has the fourth target, A's has not
  await expect(page.getByTestId('compare-view-b').getByTestId('topology-node-d')).toBeVisible();
  await expect(page.getByTestId('compare-view-a').getByTestId('topology-node-d')).toHaveCount(0);
  expect(errors).toEqual([]);
});
