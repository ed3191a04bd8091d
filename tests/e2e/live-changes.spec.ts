import { expect, test } from '@playwright/test';
import { LabPage } from './support/lab-page.ts';
import { collectPageErrors } from './support/page-errors.ts';
import { snap } from './support/artifacts.ts';

/** Requests each target received between two readings. */
function delta(before: { id: string; requests: number }[], after: { id: string; requests: number }[]): Record<string, number> {
  return Object.fromEntries(after.map((t) => [t.id, t.requests - (before.find((b) => b.id === t.id)?.requests ?? 0)]));
}

function shareOf(counts: Record<string, number>, id: string, among: string[]): number {
  return counts[id] / among.reduce((s, t) => s + counts[t], 0);
}

test('changing the algorithm live changes how requests are shared between targets', async ({ page }) => {
  const errors = collectPageErrors(page);
  const lab = new LabPage(page);
  await lab.goto();
  await lab.ready();
  await page.getByTestId('catalog').selectOption('weighted-5-1-1');
  await page.getByTestId('open-catalog').click();
  await expect(lab.scenarioName).toHaveText('Weighted round robin, 5:1:1');
  await lab.ready();

  const web = ['a', 'b', 'c'];
  const start = await lab.targets();
  await lab.advance(10_000);
  const weighted = await lab.targets();
  const before = delta(start, weighted);
  expect(shareOf(before, 'a', web)).toBeGreaterThan(0.65); // weight 5 of 7

  await lab.tab('controls');
  await page.getByTestId('algorithm-web').selectOption('round-robin');
  await page.getByTestId('algorithm-web').blur(); // a select applies on choice: a pick, Enter, or leaving it
  await expect(page.getByTestId('change-entry').last()).toHaveText('web: algorithm round-robin');
  expect(await lab.simSeconds()).toBe(10); // applied live, without a reset
  await lab.advance(10_000);
  const after = delta(weighted, await lab.targets());
  expect(shareOf(after, 'a', web)).toBeGreaterThan(0.28);
  expect(shareOf(after, 'a', web)).toBeLessThan(0.39); // one in three now
  expect((await lab.changes()).map((c) => [c.atMs, c.change.action])).toEqual([[10_000, 'set-algorithm']]);

  await snap(page.getByTestId('lab-view'), 'algorithm-changed.png');
  expect(errors).toEqual([]);
});

test('a crashed target fails its requests; a deregistered target gets no more traffic', async ({ page }) => {
  const errors = collectPageErrors(page);
  const lab = new LabPage(page);
  await lab.goto();
  await lab.ready();
  await lab.advance(5_000);

  // Crash b from the picture, as a learner would: its target menu.
  await page.getByTestId('topology-node-b').click();
  await page.getByTestId('target-action-crash').click();
  await lab.tab('controls');
  await expect(page.getByTestId('change-entry').last()).toHaveText('b: crash');
  const atCrash = await lab.target('b');
  await lab.advance(4_000);
  const crashed = await lab.target('b');
  expect(crashed.state).toBe('crashed');
  expect(crashed.failed - atCrash.failed).toBeGreaterThan(10); // round robin keeps sending, and each is refused
  await expect.poll(() => lab.count('requests-failed')).toBeGreaterThan(10);
  await expect(page.getByTestId('narration')).toContainText('b crashed');
  await snap(page, 'target-crashed.png', { fullPage: true });

  // Deregister c from the parameter panel: it drains, and new requests go to the others.
  await lab.targetAction('c', 'deregister');
  const atDrain = await lab.targets();
  await lab.advance(5_000);
  const drained = delta(atDrain, await lab.targets());
  expect(drained.c).toBe(0);
  expect(drained.a).toBeGreaterThan(40);
  expect((await lab.target('c')).ratePerSec).toBe(0);
  await snap(page.getByTestId('lab-view'), 'target-drained.png');
  expect(errors).toEqual([]);
});

test('parameters apply live: rate, target count, capacity and service time', async ({ page }) => {
  const errors = collectPageErrors(page);
  const lab = new LabPage(page);
  await lab.goto();
  await lab.ready();
  await lab.advance(3_000);

  await lab.tab('controls');
  await page.getByTestId('rate').fill('60');
  await page.getByTestId('apply-rate').click();
  await page.getByTestId('count-web').fill('5');
  await page.getByTestId('count-web').press('Enter');
  await expect.poll(async () => (await lab.targets()).map((t) => t.id)).toEqual(['a', 'b', 'c', 'web-4', 'web-5']);
  await lab.pickTarget('web-5');
  await page.getByTestId('concurrency').fill('8');
  await page.getByTestId('concurrency').press('Enter');
  await page.getByTestId('service-meanMs').fill('100');
  await page.getByTestId('apply-service').click();
  await expect(page.getByTestId('change-entry')).toHaveText([
    'traffic: 60 req/s',
    'web: 5 targets',
    'web-5: 8 slots',
    'web-5: service time exponential, mean 100 ms',
  ]);
  await lab.advance(5_000);
  expect(await lab.count('rate-last-second')).toBeGreaterThan(35);
  expect((await lab.target('web-5')).concurrency).toBe(8);
  expect((await lab.target('web-5')).requests).toBeGreaterThan(20);
  expect(errors).toEqual([]);
});
