import { expect, test, type Page } from '@playwright/test';
import { LabPage } from './support/lab-page.ts';
import { collectPageErrors } from './support/page-errors.ts';
import { snap } from './support/artifacts.ts';

/*
 * SecureCart's two-service ALB, built live from a one-group system: the shop (sticky-vs-shared-sessions:
 * /products 60 %, /cart 35 %, /checkout 5 %, all to group "web") gets a second target group "checkout" and a
 * path rule /checkout → checkout. From then on the new group takes exactly the /checkout requests: about 5 %
 * of the arrivals after the change, and none before it.
 */

async function openShop(page: Page): Promise<LabPage> {
  const lab = new LabPage(page);
  await lab.goto();
  // a busy machine opens the first run slowly
  await expect(lab.status).toHaveText('Paused', { timeout: 30_000 });
  await lab.openExample('sticky-vs-shared-sessions', 'Sticky sessions vs a shared session store');
  await page.getByTestId('tab-build').click();
  await expect(page.getByTestId('builder')).toBeVisible();
  await expect(page.getByTestId('outline-node').first()).toBeVisible();
  return lab;
}

/** Requests the targets of a group took so far. */
async function groupRequests(lab: LabPage, group: string): Promise<number> {
  return (await lab.targets()).filter((t) => t.group === group).reduce((sum, t) => sum + t.requests, 0);
}

async function checkRouting(lab: LabPage): Promise<void> {
  const before = await groupRequests(lab, 'web');
  await lab.advance(20_000);
  const web = (await groupRequests(lab, 'web')) - before;
  const checkout = await groupRequests(lab, 'checkout');
  const share = checkout / (web + checkout);
  // 5 % of ~1,600 arrivals in 20 s: ~80 ± 18 (Poisson, 2σ); the share within 3–8 %
  expect(checkout).toBeGreaterThan(40);
  expect(share).toBeGreaterThan(0.03);
  expect(share).toBeLessThan(0.08);
}

test('with the mouse: a new target group and a path rule turn one group into a two-service ALB; refused edits explain themselves; undo and redo', async ({ page }) => {
  test.setTimeout(90_000);
  const errors = collectPageErrors(page);
  const lab = await openShop(page);
  await lab.advance(5_000);
  const builder = page.getByTestId('builder');

  // a new target group from the palette
  await page.getByTestId('palette-kind').selectOption('target-group');
  await page.getByTestId('palette-name').fill('checkout');
  await page.getByTestId('palette-add').click();
  await expect(builder.locator('[data-testid="outline-node"][data-kind="target-group"]', { hasText: 'checkout' })).toBeVisible();
  await expect(page.getByTestId('inspector')).toContainText('target group checkout');

  // a rule on the listener, then connected by choosing where it forwards
  await builder.locator('[data-testid="outline-node"][data-kind="listener"]').click();
  await page.getByTestId('palette-kind').selectOption('rule');
  await page.getByTestId('palette-name').fill('/checkout');
  await page.getByTestId('palette-add').click();
  const rule = builder.locator('[data-testid="outline-node"][data-kind="rule"]');
  await expect(rule).toContainText('/checkout → web');
  await page.getByTestId('inspector').locator('[data-key="forward"] select').selectOption({ label: 'checkout' });
  await expect(rule).toContainText('/checkout → checkout');

  // the inspector explains each field: description, default, range
  await expect(page.getByTestId('inspector').locator('[data-key="pathPrefix"]')).toContainText('path starts with this');

  // a refused edit: the validator's sentence in place, and the run untouched
  const pathInput = page.getByTestId('inspector').locator('[data-key="pathPrefix"] input');
  await pathInput.fill('checkout');
  await pathInput.press('Enter');
  await expect(page.getByTestId('inspector').locator('[data-key="pathPrefix"] [data-testid="field-error"]')).toContainText('must start with "/"');
  await expect(rule).toContainText('/checkout → checkout');

  await snap(page.getByTestId('inspector'), 'builder-inspector.png');
  await checkRouting(lab);

  // every edit is listed under Live changes with its time
  const entries = builder.getByTestId('change-entry');
  await expect(entries).toHaveCount(3);
  await expect(entries.nth(2)).toContainText(': forward = checkout');
  await expect(entries.nth(2)).not.toContainText('/balancers');

  // undo the connection (the button), redo it (Ctrl+Shift+Z)
  await page.getByTestId('undo').click();
  await expect(rule).toContainText('/checkout → web');
  await expect(entries).toHaveCount(4);
  await page.locator('body').press('Control+Shift+Z');
  await expect(rule).toContainText('/checkout → checkout');

  // deleting the group asks first, and takes its rule with it
  await builder.locator('[data-testid="outline-node"][data-kind="target-group"]', { hasText: 'checkout' }).click();
  await page.getByTestId('delete-node').click();
  await expect(page.getByTestId('confirm-delete')).toContainText('Delete target group checkout and the rule forwarding to it?');
  await snap(page, 'builder-delete.png', { fullPage: true });
  await page.getByTestId('confirm-delete').getByRole('button', { name: 'Delete', exact: true }).click();
  await expect(rule).toHaveCount(0);
  await expect(builder.locator('[data-testid="outline-node"][data-kind="target-group"]')).toHaveCount(1);
  expect(errors).toEqual([]);
});

test('with the keyboard alone: the same two-service ALB, undone with Ctrl+Z', async ({ page }) => {
  test.setTimeout(90_000);
  const errors = collectPageErrors(page);
  const lab = await openShop(page);
  const builder = page.getByTestId('builder');

  // the palette: choose the kind with the arrow keys, type a name, Enter
  const kind = page.getByTestId('palette-kind');
  await kind.focus();
  await expect(kind).toHaveValue('target-group');
  await page.keyboard.press('Tab');
  await expect(page.getByTestId('palette-name')).toBeFocused();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.type('checkout');
  await page.keyboard.press('Enter');
  await expect(builder.locator('[data-testid="outline-node"][data-kind="target-group"]', { hasText: 'checkout' })).toBeVisible();

  // the outline: arrows to the listener
  const first = builder.locator('[data-testid="outline-node"][aria-current="true"]');
  await first.focus();
  for (let i = 0; i < 20; i++) {
    if ((await page.evaluate(() => document.activeElement?.getAttribute('data-kind'))) === 'listener') break;
    await page.keyboard.press(i < 10 ? 'ArrowUp' : 'ArrowDown');
  }
  await expect(builder.locator('[data-testid="outline-node"][data-kind="listener"]')).toBeFocused();

  await kind.focus();
  await page.keyboard.press('ArrowDown'); // Listener rule
  await expect(kind).toHaveValue('rule');
  await page.keyboard.press('Tab');
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.type('/checkout');
  await page.keyboard.press('Enter');
  const rule = builder.locator('[data-testid="outline-node"][data-kind="rule"]');
  await expect(rule).toContainText('/checkout → web');

  // the inspector's forward choice, by keyboard
  const forward = page.getByTestId('inspector').locator('[data-key="forward"] select');
  await forward.focus();
  await page.keyboard.press('ArrowDown');
  await expect(rule).toContainText('/checkout → checkout');
  await checkRouting(lab);

  // Ctrl+Z (outside a text field) undoes the last edit
  await rule.focus();
  await page.keyboard.press('Control+z');
  await expect(rule).toContainText('/checkout → web');
  await page.keyboard.press('Control+Shift+Z');
  await expect(rule).toContainText('/checkout → checkout');
  await snap(page, 'builder-keyboard.png', { fullPage: true });
  expect(errors).toEqual([]);
});

test('a rule gets a cookie condition that applies, moves up by keyboard as one undoable change, and its delete question reads naturally', async ({ page }) => {
  test.setTimeout(90_000);
  const errors = collectPageErrors(page);
  await openShop(page);
  const builder = page.getByTestId('builder');
  const inspector = page.getByTestId('inspector');
  const rules = builder.locator('[data-testid="outline-node"][data-kind="rule"]');
  for (const path of ['/cart', '/checkout']) {
    await builder.locator('[data-testid="outline-node"][data-kind="listener"]').click();
    await page.getByTestId('palette-kind').selectOption('rule');
    await page.getByTestId('palette-name').fill(path);
    await page.getByTestId('palette-add').click();
    await expect(rules.filter({ hasText: path })).toHaveCount(1);
  }

  // lesson 06: the learner adds a cookie condition ab=b to rule 2 (the shop's clients carry no cookie: ab=b)
  await rules.nth(1).click();
  await inspector.getByRole('button', { name: 'Add cookie' }).click();
  await expect(rules.nth(1)).toContainText('/checkout, cookie ab=b → web');
  await expect(inspector.locator('[data-testid="field-error"]')).toHaveCount(0);
  await expect(inspector.locator('[data-key="cookie"] [data-key="name"] input')).toHaveValue('ab');

  // rule 2 moves up with the keyboard: one change under Live changes, undone as one
  const entries = builder.getByTestId('change-entry');
  const logged = await entries.count();
  await expect(inspector.getByTestId('move-rule-up')).toBeEnabled();
  await inspector.getByTestId('move-rule-up').focus();
  await page.keyboard.press('Enter');
  await expect(rules.nth(0)).toContainText('rule 1: /checkout, cookie ab=b → web');
  await expect(rules.nth(1)).toContainText('rule 2: /cart → web');
  await expect(entries).toHaveCount(logged + 1);
  await expect(page.getByTestId('inspector')).toHaveAttribute('data-pointer', '/balancers/0/listeners/0/rules/0');
  await page.getByTestId('undo').click();
  await expect(rules.nth(0)).toContainText('rule 1: /cart → web');

  await rules.nth(1).click();
  await page.getByTestId('delete-node').click();
  await expect(page.getByTestId('confirm-delete')).toContainText('Delete rule 2 (/checkout, cookie ab=b → web) of listener https :443?');
  await snap(page.getByTestId('builder'), 'builder-rule-order.png');
  await page.getByTestId('confirm-delete').getByRole('button', { name: 'Keep it' }).click();
  expect(errors).toEqual([]);
});

test('text typed into a JSON field survives another field applied meanwhile: Apply applies what was typed', async ({ page }) => {
  test.setTimeout(90_000);
  const errors = collectPageErrors(page);
  await openShop(page);
  const builder = page.getByTestId('builder');
  const inspector = page.getByTestId('inspector');
  await builder.getByRole('button', { name: 'target group web', exact: true }).click();
  await page.getByTestId('palette-kind').selectOption('scaling-group');
  await page.getByTestId('palette-name').fill('web-asg');
  await page.getByTestId('palette-add').click();
  await expect(inspector).toContainText('web-asg');
  // the learner types a policy, then (before Apply) changes the minimum: that edit fetches the scenario again,
  // which used to put the old value ([]) back into the box, so Apply applied [] and the policy was lost
  const policy = '[{"kind":"target-tracking","metric":"CPUUtilization","targetValue":60}]';
  const policies = inspector.locator('[data-key="policies"]').first();
  // the list's forms are the usual way in; the whole list as JSON is behind "advanced"
  await policies.getByText('Edit as JSON (advanced)').click();
  await policies.locator('textarea').fill(policy);
  const min = inspector.locator('[data-key="min"] input');
  await min.fill('3');
  await min.press('Tab');
  await expect(page.getByTestId('builder-status')).toContainText('min = 3');
  await expect(builder.getByTestId('change-entry').filter({ hasText: 'min = 3' })).toHaveCount(1);
  await expect(policies.locator('textarea')).toHaveValue(policy);
  await policies.getByRole('button', { name: 'Apply' }).click();
  await expect(page.getByTestId('builder-status')).toContainText('policies');
  // the box now shows the scenario's value, defaults filled in by the validator: the policy is in the run
  await expect(policies.locator('textarea')).toHaveValue(/"target-tracking".*"disableScaleIn":false/);
  await expect(builder.getByTestId('change-entry').filter({ hasText: 'policies' })).toHaveCount(1);
  expect(errors).toEqual([]);
});
