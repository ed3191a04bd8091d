import { expect, test, type Page } from '@playwright/test';
import { LabPage } from './support/lab-page.ts';
import { collectPageErrors } from './support/page-errors.ts';
import { snap } from './support/artifacts.ts';

const BLIND = { key: 'health-check-blind-window', name: 'Health checks and the blind window' };
const BLACK_FRIDAY = { key: 'black-friday-autoscaling', name: 'Black Friday: autoscaling against a spike' };
// the refused field by the name the form gives it, not by its path in the change
const OVERLAP = 'timeout: the timeout (10 s) must be shorter than the interval (10 s), or checks would overlap';

/** The lab with the blind-window example open. */
async function openBlindWindow(page: Page): Promise<LabPage> {
  const lab = new LabPage(page);
  await lab.goto();
  await lab.ready();
  await lab.openExample(BLIND.key, BLIND.name);
  return lab;
}

test('the new examples are listed under their names and open', async ({ page }) => {
  const errors = collectPageErrors(page);
  const lab = new LabPage(page);
  await lab.goto();
  await lab.ready();
  for (const [key, name] of [
    ['health-check-blind-window', 'Health checks and the blind window'],
    ['two-regions-dns-failover', 'Two regions behind Route 53 failover'],
    ['black-friday-autoscaling', 'Black Friday: autoscaling against a spike'],
    ['sticky-vs-shared-sessions', 'Sticky sessions vs a shared session store'],
    ['canary-release', 'A canary release that rolls itself back'],
  ]) {
    await expect(page.getByTestId('catalog').locator(`option[value="${key}"]`)).toHaveText(name);
    await lab.openExample(key, name);
    await lab.advance(2_000);
    expect((await lab.targets()).length).toBeGreaterThan(1);
  }
  await expect(lab.notice).toHaveCount(0);
  expect(errors).toEqual([]);
});

test('a 10 s health-check interval, set live, takes the crashed target out of rotation sooner', async ({ page }) => {
  const errors = collectPageErrors(page);
  const lab = await openBlindWindow(page);
  await lab.tab('controls');
  await expect(page.getByTestId('hc-mode-web')).toHaveValue('aws-alb');
  await expect(page.getByTestId('hc-resolved-web')).toContainText('every 30 s, timeout 5 s');

  // As the scenario is: b crashes at 45 s and is still believed healthy, and sent requests, at 80 s.
  await lab.advance(80_000);
  await expect(page.getByTestId('topology-node-b')).toHaveAttribute('data-health', 'healthy');
  await lab.tab('events');
  await expect(lab.events(/b marked unhealthy/)).toHaveCount(0);
  await lab.tab('controls');

  // Back to 10 s, checks every 10 s instead of 30 s.
  await lab.seek(10_000);
  await page.getByTestId('hc-interval-web').fill('10');
  await expect(page.getByTestId('hc-resolved-web')).toContainText('every 10 s, timeout 5 s');
  await expect(page.getByTestId('hc-resolved-web')).toContainText('up to about 20 s');
  await page.getByTestId('hc-apply-web').click();
  await expect(page.getByTestId('change-entry').last()).toHaveText('web: health check aws-alb, interval 10 s');
  expect(await lab.changes()).toEqual([{ atMs: 10_000, change: { action: 'set-health-check', group: 'web', healthCheck: { preset: 'aws-alb', intervalSec: 10 } } }]);

  await lab.advance(70_000);
  await expect(page.getByTestId('topology-node-b')).toHaveAttribute('data-health', 'unhealthy');
  await lab.tab('events');
  const marked = lab.events(/b marked unhealthy/);
  await expect(marked).toHaveCount(1);
  const seconds = parseFloat(await marked.locator('.time').innerText());
  expect(seconds).toBeGreaterThan(45);
  expect(seconds).toBeLessThan(70); // with 30 s checks it was 100 s
  await snap(page.getByTestId('lab-view'), 'health-check-10s.png');
  await lab.tab('controls');
  await snap(page.getByTestId('parameters'), 'health-check-panel.png');

  // A share link carries the change: the receiver sees the same moment, and the form shows what runs.
  await page.getByTestId('share').click();
  const link = await page.getByTestId('share-link').inputValue();
  await page.goto(link.replace('/#', '/?test#'));
  await lab.ready();
  await expect(lab.simTime).toHaveText('80.0 s');
  await lab.tab('controls');
  await expect(page.getByTestId('change-entry')).toHaveText(['web: health check aws-alb, interval 10 s']);
  await expect(page.getByTestId('topology-node-b')).toHaveAttribute('data-health', 'unhealthy');
  await expect(page.getByTestId('hc-interval-web')).toHaveValue('10');
  await expect(page.getByTestId('hc-apply-web')).toBeDisabled();
  expect(errors).toEqual([]);
});

test('a health check with a timeout as long as its interval is refused with the validator’s words, and nothing changes', async ({ page }) => {
  const errors = collectPageErrors(page);
  const lab = await openBlindWindow(page);
  await lab.advance(10_000);

  await lab.tab('controls');
  await page.getByTestId('hc-interval-web').fill('10');
  await page.getByTestId('hc-timeout-web').fill('10');
  await page.getByTestId('hc-apply-web').click();
  await expect(page.getByTestId('hc-error-web')).toContainText(OVERLAP);
  await snap(page.getByTestId('health-check-web'), 'health-check-refused.png');
  expect(await lab.changes()).toEqual([]);
  await expect(page.getByTestId('change-log')).toContainText('Live changes (0)');

  // The checks are still every 30 s: b leaves rotation at the scenario's own 100 s.
  await lab.advance(95_000);
  await lab.tab('events');
  await expect(lab.events(/b marked unhealthy/)).toHaveText(/^100\.0 s/);
  expect(errors).toEqual([]);
});

test('a health check being typed survives another control’s change landing meanwhile', async ({ page }) => {
  const errors = collectPageErrors(page);
  const lab = await openBlindWindow(page);
  await lab.tab('controls');
  await page.getByTestId('hc-interval-web').fill('20');
  await page.getByTestId('hc-apply-web').click();
  await expect(page.getByTestId('change-entry')).toHaveCount(1);
  await page.getByTestId('hc-interval-web').fill('10');
  // the traffic rate changes before the health check is applied: the change log is fetched again, which used to
  // refill the health-check form with what runs now (20 s) and throw the typed 10 s away
  await page.getByTestId('rate').fill('40');
  await page.getByTestId('apply-rate').click();
  await expect(page.getByTestId('change-entry')).toHaveCount(2);
  await expect(page.getByTestId('hc-interval-web')).toHaveValue('10');
  await page.getByTestId('hc-apply-web').click();
  await expect(page.getByTestId('change-entry')).toHaveCount(3);
  const logged = (await lab.changes()).map((c) => c.change.action);
  expect(logged).toEqual(['set-health-check', 'set-rate', 'set-health-check']);
  await expect(page.getByTestId('change-entry').last()).toContainText('interval 10 s');
  expect(errors).toEqual([]);
});

test('Black Friday: instances launch, cost rises, and capacity can be set by hand', async ({ page }) => {
  const errors = collectPageErrors(page);
  const lab = new LabPage(page);
  const state = page.getByTestId('scaling-state-web-asg');
  const cost = () => page.evaluate(() => window.__lab.metrics()?.cost ?? null);
  await lab.goto();
  await lab.ready();
  await lab.openExample(BLACK_FRIDAY.key, BLACK_FRIDAY.name);
  await lab.tab('controls');
  await expect(state).toHaveAttribute('data-in-service', '3');
  await expect(state).toHaveAttribute('data-booting', '0');

  await lab.advance(250_000);
  const before = await cost();
  expect(before?.instanceSeconds).toBe(750); // three instances, 250 s
  await lab.tab('charts');
  await expect(page.getByTestId('stat-cost')).toContainText('$0.02');

  // The spike at 300 s: new instances boot and warm up.
  await lab.advance(220_000);
  await lab.tab('events');
  await expect(lab.events(/web-asg launched/).first()).toBeVisible();
  await lab.tab('controls');
  const launched = Number(await state.getAttribute('data-booting')) + Number(await state.getAttribute('data-warming'));
  expect(launched).toBeGreaterThan(0);
  const after = await cost();
  expect(after?.totalUsd).toBeGreaterThan(before?.totalUsd ?? Infinity);
  expect(((after?.instanceSeconds ?? 0) - 750) / 220).toBeGreaterThan(3); // more than three instances were paid for
  await lab.tab('charts');
  await expect(page.getByTestId('stat-cost')).not.toContainText('$0.02');
  await snap(page, 'black-friday-scaling.png', { fullPage: true });
  await lab.tab('controls');

  // By hand: desired 8 launches more at once; min above max is refused.
  const desired = Number(await state.getAttribute('data-desired'));
  await page.getByTestId('scaling-desired-web-asg').fill('8');
  await page.getByTestId('scaling-apply-web-asg').click();
  await expect(page.getByTestId('change-entry').last()).toHaveText('web-asg: desired 8');
  await expect(state).toHaveAttribute('data-desired', '8');
  expect(Number(await state.getAttribute('data-booting'))).toBeGreaterThanOrEqual(8 - Math.max(desired, 3));
  await page.getByTestId('scaling-min-web-asg').fill('9');
  await page.getByTestId('scaling-max-web-asg').fill('6');
  await page.getByTestId('scaling-apply-web-asg').click();
  await expect(page.getByTestId('scaling-error-web-asg')).toContainText('min: min (9) is above max (6)');
  await expect(page.getByTestId('scaling-error-web-asg')).not.toContainText('(change)');
  expect((await lab.changes()).map((c) => c.change.action)).toEqual(['set-capacity']);
  await snap(page.getByTestId('scaling-web-asg'), 'scaling-panel.png');
  expect(errors).toEqual([]);
});

test('zones and balancers break from the lab, through the same log as every change', async ({ page }) => {
  const errors = collectPageErrors(page);
  const lab = await openBlindWindow(page);
  await lab.advance(5_000);
  await page.getByTestId('infra-action-zone-us-east-1a').click();
  await lab.tab('controls');
  await expect(page.getByTestId('change-entry').last()).toHaveText('zone us-east-1a: outage');
  await expect(page.getByTestId('infra-control-zone-us-east-1a')).toHaveAttribute('data-state', 'down');
  await lab.advance(5_000);
  await page.getByTestId('infra-action-zone-us-east-1a').click();
  await expect(page.getByTestId('change-entry').last()).toHaveText('zone us-east-1a: recovered');
  expect((await lab.changes()).map((c) => [c.atMs, c.change])).toEqual([
    [5_000, { action: 'zone-outage', zone: 'us-east-1a' }],
    [10_000, { action: 'zone-recover', zone: 'us-east-1a' }],
  ]);
  // Rewinding to between the two replays the outage.
  await lab.seek(7_000);
  await expect(page.getByTestId('infra-control-zone-us-east-1a')).toHaveAttribute('data-state', 'down');
  expect(errors).toEqual([]);
});
