import { expect, test } from '@playwright/test';
import { LabPage } from './support/lab-page.ts';
import { collectPageErrors } from './support/page-errors.ts';
import { snap } from './support/artifacts.ts';

const timeMs = (lab: LabPage) => lab.page.evaluate(() => window.__lab.timeMs());
const totals = (lab: LabPage) => lab.page.evaluate(() => window.__lab.totals());

test('pause, step to the next event, and forward one second', async ({ page }) => {
  const errors = collectPageErrors(page);
  const lab = new LabPage(page);
  await lab.goto();
  await lab.ready();

  await page.getByTestId('step').click();
  await lab.ready();
  const first = await timeMs(lab);
  expect(first).toBeGreaterThan(0);
  expect(first).toBeLessThan(1000);
  await page.keyboard.press('ArrowRight');
  await expect.poll(() => timeMs(lab)).toBeGreaterThan(first);
  await lab.ready();

  const beforeForward = await timeMs(lab);
  await page.getByTestId('forward').click();
  await expect.poll(() => timeMs(lab)).toBe(beforeForward + 1000);

  // On a focused button Space presses that button; with nothing focused, it plays and pauses.
  await page.keyboard.press('Space');
  await expect.poll(() => timeMs(lab)).toBe(beforeForward + 2000);
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await page.keyboard.press('Space');
  await expect(lab.status).toHaveText('Running');
  await page.keyboard.press('Space');
  await expect(lab.status).toHaveText('Paused');
  // a frame already asked of the worker when Pause was pressed still lands; after that, time stands still
  let pausedAt = await timeMs(lab);
  await expect
    .poll(async () => {
      await lab.nextFrames();
      const now = await timeMs(lab);
      const settled = now === pausedAt;
      pausedAt = now;
      return settled;
    })
    .toBe(true);
  await lab.nextFrames();
  await lab.nextFrames();
  expect(await timeMs(lab)).toBe(pausedAt);
  expect(errors).toEqual([]);
});

test('rewinding to an earlier moment shows exactly what was there, live changes included', async ({ page }) => {
  const errors = collectPageErrors(page);
  const lab = new LabPage(page);
  await lab.goto();
  await lab.ready();
  await lab.advance(8_000);
  await lab.targetAction('a', 'crash');
  await lab.advance(7_000);
  const at15 = { totals: await totals(lab), targets: await lab.targets() };
  await lab.advance(10_000);
  expect((await totals(lab)).arrived).toBeGreaterThan(at15.totals.arrived);

  await page.getByTestId('scrubber').fill('15000');
  await lab.ready();
  await expect(lab.simTime).toHaveText('15.0 s');
  expect(await totals(lab)).toEqual(at15.totals);
  expect(await lab.targets()).toEqual(at15.targets);
  expect((await lab.target('a')).state).toBe('crashed');

  // Before the crash, a is up again; ← goes back one more second.
  await page.getByTestId('scrubber').fill('6000');
  await lab.ready();
  expect((await lab.target('a')).state).toBe('up');
  await page.getByTestId('scrubber').focus();
  await page.locator('body').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('ArrowLeft');
  await expect(lab.simTime).toHaveText('5.0 s');
  await lab.ready();

  // Scrubbing forward again replays the logged crash.
  await page.getByTestId('scrubber').fill('25000');
  await lab.ready();
  expect((await lab.target('a')).state).toBe('crashed');
  await snap(page, 'rewound.png');
  expect(errors).toEqual([]);
});

test('a new seed gives other traffic; reset goes back to the start', async ({ page }) => {
  const errors = collectPageErrors(page);
  const lab = new LabPage(page);
  await lab.goto();
  await lab.ready();
  await lab.advance(10_000);
  const seed1 = await totals(lab);

  await page.getByTestId('seed').fill('99');
  await page.getByTestId('seed').press('Enter');
  await lab.ready();
  await expect(lab.simTime).toHaveText('0.0 s');
  await lab.advance(10_000);
  expect((await totals(lab)).arrived).not.toBe(seed1.arrived);

  await page.getByTestId('reset').click();
  await lab.ready();
  await expect(lab.simTime).toHaveText('0.0 s');
  await expect(page.getByTestId('seed')).toHaveValue('99');
  expect(errors).toEqual([]);
});

test('a run of hours also reads as a clock from its start; a run of a minute does not', async ({ page }) => {
  const errors = collectPageErrors(page);
  const lab = new LabPage(page);
  await lab.goto();
  await lab.ready();
  await expect(page.getByTestId('sim-clock')).toHaveCount(0);
  // lesson 18's day starts at midnight: 18:00 is 64,800 s into the run
  await lab.goto('#/lessons/other-policies/1');
  await lab.ready();
  await expect(page.getByTestId('sim-clock')).toHaveText('0:00:00');
  await lab.advance(64_800_000);
  await expect(page.getByTestId('sim-clock')).toHaveText('18:00:00');
  await expect(lab.simTime).toHaveText('64800.0 s');
  expect(errors).toEqual([]);
});

// Before any request has been counted, the charts say so: no share of 0 % beside each weight, no availability of 100 %.
test('at time 0 the share of traffic and the availability wait for data; one second later they have it', async ({ page }) => {
  const errors = collectPageErrors(page);
  const lab = new LabPage(page);
  await lab.goto();
  await lab.ready();
  const share = page.getByTestId('chart-share');
  await expect(share).toContainText('web · round-robin · no data yet');
  await expect(share.getByRole('row')).toHaveCount(0);
  await expect(page.getByTestId('stat-availability')).toContainText(/Availability\s*—/);
  await page.getByTestId('forward').click();
  await expect.poll(() => timeMs(lab)).toBe(1000);
  await lab.ready();
  // the starter world: three equal servers behind round robin, a third each
  await expect(share.getByTestId('share-row-a')).toContainText('/ 33%');
  await expect(page.getByTestId('share-empty-web')).toHaveCount(0);
  await expect(page.getByTestId('stat-availability')).toContainText(/Availability\s*100%/);
  expect(errors).toEqual([]);
});
