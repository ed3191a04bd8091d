import { expect, test } from '@playwright/test';
import { LabPage } from './support/lab-page.ts';
import { collectPageErrors } from './support/page-errors.ts';
import { snap } from './support/artifacts.ts';

interface DrawnDot {
  id: number;
  kind: string;
  x: number;
  y: number;
}

declare global {
  interface Window {
    __dots?: () => DrawnDot[];
  }
}

test('click a failed dot during a crash and read why it failed', async ({ page }) => {
  const errors = collectPageErrors(page);
  const lab = new LabPage(page);
  await lab.goto();
  await lab.ready();
  await lab.advance(3_000);
  // b crashes: round robin (no health check, no retries in this scenario) keeps sending it a third of the requests
  expect(await page.evaluate(() => window.__lab.apply({ action: 'crash', target: 'b' }))).toBe(true);
  await lab.setSpeed(0.5);
  await lab.play();
  // wait until a failed dot is drawn, then pause: the dots stay where they are
  await page.waitForFunction(() => (window.__dots?.() ?? []).some((d) => d.kind === 'failed'), undefined, { timeout: 20_000 });
  await lab.pause();
  await lab.nextFrames(3);
  const dot = (await page.evaluate(() => window.__dots!())).find((d) => d.kind === 'failed');
  expect(dot, 'a failed dot on screen').toBeDefined();
  await page.mouse.click(dot!.x, dot!.y);

  await expect(page.getByTestId('tab-why')).toHaveAttribute('aria-selected', 'true');
  const title = page.getByTestId('journey-title');
  await expect(title).toContainText(`Request ${dot!.id}: refused`, { timeout: 30_000 });
  const journey = page.getByTestId('journey');
  // the journey names the target that refused and why
  await expect(journey).toContainText('sent to b');
  await expect(journey).toContainText(/b is down: connection refused|b crashed while holding it/);
  await expect(page.getByTestId('failed-reason').first()).toContainText('refused');
  await snap(page.getByTestId('lab-view'), 'explain-failed-dot-picture.png');
  await snap(page.getByTestId('explain-panel'), 'explain-failed-dot.png');
  expect(errors).toEqual([]);
});

test('smooth WRR weights step through a 5-1-1 cycle in the internals panel', async ({ page }) => {
  const errors = collectPageErrors(page);
  const lab = new LabPage(page);
  await lab.goto();
  await lab.ready();
  await lab.openExample('weighted-5-1-1', 'Weighted round robin, 5:1:1');
  await page.getByTestId('tab-why').click();
  await expect(page.getByTestId('internals-group')).toHaveValue('web');
  const table = page.getByTestId('internals-table');

  /** Current weights of a, b, c once the table shows the moment on screen. */
  async function current(): Promise<string> {
    const timeMs = await page.evaluate(() => window.__lab.timeMs());
    await expect(table).toHaveAttribute('data-at-ms', String(timeMs));
    return (await table.getByTestId('current-weight').allInnerTexts()).join(',');
  }

  // nginx smooth WRR (real-systems §1.3), weights 5,1,1 and total 7; each pick adds the effective weights and the
  // winner gives back 7: a [-2,1,1], a [-4,2,2], b [1,-4,3], a [-1,-3,4], c [4,-2,-2], a [2,-1,-1], a [0,0,0].
  const cycle = ['-2,1,1', '-4,2,2', '1,-4,3', '-1,-3,4', '4,-2,-2', '2,-1,-1', '0,0,0'];
  const seen: string[] = [];
  let last = await current();
  expect(last).toBe('0,0,0');
  for (let steps = 0; seen.length < cycle.length && steps < 80; steps++) {
    await page.getByTestId('step').click();
    await lab.ready();
    const now = await current();
    if (now !== last) seen.push(now);
    last = now;
  }
  expect(seen).toEqual(cycle);
  await snap(page.getByTestId('internals-panel'), 'explain-swrr-cycle.png');
  expect(errors).toEqual([]);
});

test('the event log says the numbers behind a health verdict, and Erlang C is drawn over the charts', async ({ page }) => {
  const errors = collectPageErrors(page);
  const lab = new LabPage(page);
  await lab.goto();
  await lab.ready();
  // three servers × 4 slots, Poisson 24/s, exponential 400 ms: M/M/12 at ρ = 24 × 0.4 / 12 = 0.8 (a best case
  // for round robin's three queues); the latency chart's legend reads the dotted prediction
  await lab.advance(3_000);
  await lab.tab('charts');
  await expect(page.getByTestId('chart-latency')).toContainText('p95 Erlang C');
  await expect(page.getByTestId('chart-utilization-rho-theory')).toHaveText('80%');
  // the prediction follows the system as it runs now: a fourth server live makes it M/M/16, ρ = 9.6 / 16 = 60 %
  expect(await page.evaluate(() => window.__lab.apply({ action: 'set-target-count', group: 'web', count: 4 }))).toBe(true);
  await expect(page.getByTestId('chart-utilization-rho-theory')).toHaveText('60%');
  // a 5 s ALB check with thresholds 2/2, then b crashes: two refused probes mark it unhealthy
  const healthCheck = { preset: 'aws-alb' as const, intervalSec: 5, timeoutSec: 2, healthyThreshold: 2, unhealthyThreshold: 2 };
  expect(await page.evaluate((hc) => window.__lab.apply({ action: 'set-health-check', group: 'web', healthCheck: hc }), healthCheck)).toBe(true);
  expect(await page.evaluate(() => window.__lab.apply({ action: 'crash', target: 'b' }))).toBe(true);
  await lab.advance(15_000);
  await lab.tab('events');
  const entry = page.getByTestId('event-log').locator('.entry', { hasText: 'b marked unhealthy' });
  await expect(entry.getByTestId('event-numbers')).toHaveText('last 2 checks: fail, fail — 2 of unhealthy threshold 2 reached; last failure: connection refused');
  await snap(page.getByTestId('event-log'), 'explain-event-numbers.png');
  await lab.tab('charts');
  await snap(page.getByTestId('chart-latency'), 'explain-erlang-overlay.png');
  expect(errors).toEqual([]);
});

test('consistent hashing: choosing a cache that would leave shows which keys move, beside hash mod n', async ({ page }) => {
  const errors = collectPageErrors(page);
  const lab = new LabPage(page);
  await lab.goto();
  await lab.ready();
  await lab.openExample('consistent-hashing', 'Consistent hashing over five caches');
  await page.evaluate(() => window.__lab.advance(10_000));
  await page.getByTestId('tab-why').click();
  await expect(page.getByTestId('internals-group')).toHaveValue('caches');
  await page.getByTestId('key-moves-target').selectOption('cache-b');
  const summary = page.getByTestId('key-moves-summary');
  await expect(summary).toBeVisible();
  // ketama: only cache-b's keys move, so "N are on cache-b; N would move", and no key of another cache moves
  const text = (await summary.textContent())!.replace(/\s+/g, ' ');
  const m = /Of the last (\d+) keys, (\d+) are on cache-b; (\d+) would move/.exec(text);
  expect(m, text).not.toBeNull();
  const [keys, onB, moved] = m!.slice(1).map(Number);
  expect(keys).toBeGreaterThan(100); // 256 recent requests from 400 clients
  expect(moved).toBe(onB);
  expect(text).toContain('no key of another target moves');
  // hash mod 5 → mod 4 keeps a key only where both agree: about 1/5 of keys stay, far more move than on the ring
  expect(Number(await page.getByTestId('key-moves-modulo').textContent())).toBeGreaterThan(moved);
  await expect(page.getByTestId('key-moves-examples').locator('li').first()).toContainText('cache-b →');
  // the ring drawn: one outlined dot per moving key
  await expect(page.getByTestId('key-ring').getByTestId('moved-key')).toHaveCount(moved);
  await snap(page.getByTestId('internals-panel'), 'explain-key-moves.png');
  expect(errors).toEqual([]);
});
