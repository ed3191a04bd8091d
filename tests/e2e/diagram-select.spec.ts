import { expect, test } from '@playwright/test';
import { LabPage } from './support/lab-page.ts';
import { collectPageErrors } from './support/page-errors.ts';
import { snap } from './support/artifacts.ts';

/*
 * Any part of the diagram opens in the builder's inspector: a click on the balancer, on its listener row,
 * on a rule row, on the target group, on its session store; "Inspect its settings" in a target's menu; and
 * by keyboard, Enter on a focused node. The shop (sticky-vs-shared-sessions) has one balancer "alb" with one
 * listener, a group "web" and targets a–c; a rule and a shared session store are added live.
 */
test('a click or Enter on a part of the diagram opens it in the inspector', async ({ page }) => {
  test.setTimeout(90_000);
  const errors = collectPageErrors(page);
  const lab = new LabPage(page);
  await lab.goto();
  await expect(lab.status).toHaveText('Paused', { timeout: 30_000 });
  await lab.openExample('sticky-vs-shared-sessions', 'Sticky sessions vs a shared session store');
  const inspector = page.getByTestId('inspector');

  await page.getByTestId('topology-balancer-alb').getByText('alb', { exact: true }).click();
  await expect(page.getByTestId('tab-build')).toHaveAttribute('aria-selected', 'true');
  await expect(inspector).toHaveAttribute('data-pointer', '/balancers/0');
  await expect(inspector).toBeFocused();

  // a rule, added live, is drawn as a row of the balancer: a click on it opens the rule
  expect(await page.evaluate(() => window.__lab.apply({ action: 'patch', op: 'add', path: '/balancers/0/listeners/0/rules/-', value: { match: { pathPrefix: '/cart' }, forward: 'web' } }))).toBe(true);
  // the drawn line (its <title> holds the whole line too)
  await page.getByTestId('topology-balancer-alb').locator('text', { hasText: /^path \/cart/ }).click();
  await expect(inspector).toHaveAttribute('data-pointer', '/balancers/0/listeners/0/rules/0');
  await page.getByTestId('topology-balancer-alb').getByText(/^listener/).click();
  await expect(inspector).toHaveAttribute('data-pointer', '/balancers/0/listeners/0');

  await page.getByTestId('topology-group-web').locator('text.title').click();
  await expect(inspector).toHaveAttribute('data-pointer', '/targetGroups/0');
  // a store is drawn in the group when it is shared
  expect(await page.evaluate(() => window.__lab.apply({ action: 'patch', op: 'add', path: '/targetGroups/0/sessionStore', value: { kind: 'shared' } }))).toBe(true);
  await page.getByTestId('group-store-web').click();
  await expect(inspector).toHaveAttribute('data-pointer', '/targetGroups/0/sessionStore');

  await page.getByTestId('topology-node-b').click();
  await page.getByTestId('target-inspect').click();
  await expect(page.getByTestId('target-menu')).toHaveCount(0);
  await expect(inspector).toHaveAttribute('data-pointer', '/targetGroups/0/targets/1');

  // by keyboard: Enter on the focused group
  await page.getByTestId('pick-target-group-web').focus();
  await page.keyboard.press('Enter');
  await expect(inspector).toHaveAttribute('data-pointer', '/targetGroups/0');
  await page.getByTestId('pick-balancer-alb').focus();
  await page.keyboard.press(' ');
  await expect(inspector).toHaveAttribute('data-pointer', '/balancers/0');
  await expect(inspector).toBeFocused();
  await snap(page, 'diagram-select.png', { fullPage: true });
  expect(errors).toEqual([]);
});
