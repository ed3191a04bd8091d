import { expect, test, type Locator } from '@playwright/test';
import { collectPageErrors } from './support/page-errors.ts';
import { snap } from './support/artifacts.ts';

/** The dots a small multiple drew: design, x and y as the chart was given them, and where it put them. */
async function dots(chart: Locator): Promise<{ design: string; x: number; y: number; cy: number }[]> {
  return chart.getByTestId('sweep-dot').evaluateAll((nodes) =>
    nodes.map((n) => ({ design: n.getAttribute('data-design') ?? '', x: Number(n.getAttribute('data-x')), y: Number(n.getAttribute('data-y')), cy: Number(n.getAttribute('cy')) })),
  );
}

/*
 * The starter (three targets of 4 slots, 400 ms mean service, 24 req/s) swept over 3, 6 and 9 targets for
 * A (round robin) and B (least connections), 20 simulated seconds each (the crash at 30 s is not reached).
 * Derivation of the cost: every target is an m5.large ($0.096/h) for the whole run and the balancer's bill
 * depends on the traffic alone, identical in every run; so 9 targets cost 6 × 0.096 × 20 / 3600 = $0.0032
 * more than 3, in both designs. Latency: 3 targets run at ρ = 24 × 0.4 / 12 = 0.8, 9 at 0.27, so requests
 * queue far less and p99 falls.
 */
test('a sweep renders: p99, error rate and cost against the number of targets for both designs', async ({ page }) => {
  test.setTimeout(120_000);
  const errors = collectPageErrors(page);
  await page.goto('./?test#/compare');
  await expect(page.getByTestId('compare')).toBeVisible();
  await page.getByTestId('tab-sweep').click();
  await expect(page.getByTestId('sweep')).toBeVisible();
  await page.getByTestId('sweep-parameter').selectOption({ label: 'number of targets in web' });
  await page.getByTestId('sweep-from').fill('3');
  await page.getByTestId('sweep-to').fill('9');
  await page.getByTestId('sweep-count').fill('3');
  await page.getByTestId('sweep-seconds').fill('20');
  await page.getByTestId('sweep-start').click();
  const status = page.getByTestId('sweep-status');
  await expect(status).toContainText('Each run: 20 s of simulated time from 0, seed 1');
  await expect(status).toContainText('6 of 6 drawn.', { timeout: 90_000 });

  const cost = await dots(page.getByTestId('sweep-cost'));
  const p99 = await dots(page.getByTestId('sweep-p99'));
  expect(cost).toHaveLength(6);
  expect(p99).toHaveLength(6);
  await expect(page.getByTestId('sweep-errors').getByTestId('sweep-dot')).toHaveCount(6);
  for (const design of ['A: round-robin', 'B: least-connections']) {
    const at = (list: typeof cost, x: number) => list.find((d) => d.design === design && d.x === x)!;
    expect(at(cost, 9).y - at(cost, 3).y).toBeCloseTo((6 * 0.096 * 20) / 3600, 9);
    expect(at(cost, 6).y - at(cost, 3).y).toBeCloseTo((3 * 0.096 * 20) / 3600, 9);
    // drawn where the numbers say: the dearer run higher up, the faster run lower down
    expect(at(cost, 9).cy).toBeLessThan(at(cost, 3).cy);
    expect(at(p99, 9).y).toBeLessThan(at(p99, 3).y);
    expect(at(p99, 9).cy).toBeGreaterThan(at(p99, 3).cy);
  }
  await snap(page, 'sweep.png', { fullPage: true });

  // leaving cancels: a long sweep started, then the learner goes to the sandbox; no worker is left running
  await page.getByTestId('sweep-seconds').fill('3600');
  await page.getByTestId('sweep-start').click();
  await expect(page.getByTestId('sweep-cancel')).toBeVisible();
  // the page's own simulation worker and the sweep's (at least one run at a time)
  await expect.poll(() => page.workers().length).toBeGreaterThanOrEqual(2);
  const during = page.workers().length;
  await page.getByTestId('nav-sandbox').click();
  await expect(page.getByTestId('status')).toHaveText('Paused', { timeout: 20_000 });
  // the sweep's workers are terminated: only the page's simulation worker is left
  await expect.poll(() => page.workers().length).toBe(1);
  expect(during).toBeGreaterThan(1);
  expect(errors).toEqual([]);
});
