import { expect, test } from '@playwright/test';
import { LabPage } from './support/lab-page.ts';
import { LessonPlayer } from './support/lesson-page.ts';
import { collectPageErrors } from './support/page-errors.ts';
import { snap } from './support/artifacts.ts';
import { encodeRun } from '../../src/sim/share-link.ts';
import { fleet } from '../../src/ui/sandbox/fleet.ts';

test('a lessons chunk that fails to load says so with Retry, and Retry loads it', async ({ page }) => {
  const errors = collectPageErrors(page);
  let blocked = true;
  await page.route(/LessonRoute-[^/]*\.js$/, (route) => (blocked ? route.abort('internetdisconnected') : route.continue()));
  const player = new LessonPlayer(page);
  await player.goto('#/lessons');
  await expect(page.getByTestId('chunk-failed')).toContainText('The lessons could not be loaded');
  await snap(page, 'chunk-failed.png');
  blocked = false;
  await page.getByTestId('chunk-retry').click();
  await expect(player.list).toBeVisible();
  // the failed fetch is reported by the browser itself; nothing else may go wrong
  expect(errors.filter((e) => !/Failed to (load resource|fetch dynamically imported module)/.test(e))).toEqual([]);
});

test("a lesson's own chunk that fails to load says so with Retry, and Retry opens the lesson at its step", async ({ page }) => {
  const errors = collectPageErrors(page);
  let blocked = true;
  // each lesson is a chunk named after its slug (scripts/vite-lessons.ts), fetched with the player
  await page.route(/\/one-server-is-not-enough-[^/]*\.js$/, (route) => (blocked ? route.abort('internetdisconnected') : route.continue()));
  const player = new LessonPlayer(page);
  await player.goto('#/lessons/one-server-is-not-enough/2');
  await expect(page.getByTestId('chunk-failed')).toContainText('The lessons could not be loaded');
  await expect(player.title).toHaveCount(0);
  blocked = false;
  await page.getByTestId('chunk-retry').click();
  await expect(player.title).toHaveText('One server is not enough');
  await expect(player.stepTitle).toHaveText('Three targets behind one name');
  expect(errors.filter((e) => !/Failed to (load resource|fetch dynamically imported module)/.test(e))).toEqual([]);
});

test('a share link that replays a long run shows its cost and progress, and Cancel opens it where the replay got to', async ({ page }) => {
  const errors = collectPageErrors(page);
  const lab = new LabPage(page);
  const day = { ...(fleet(200, 1_000_000) as object), durationSec: 86_400, name: 'A day at a million requests a second' };
  await lab.goto(`#/sandbox?s=${encodeRun({ scenario: day, seed: 1, atMs: 86_400_000, changes: [] })}`);
  const progress = page.getByTestId('replay-progress');
  await expect(progress).toContainText('This link shows the run at 86400.0 s');
  await expect(progress).toContainText('about 86.4 billion requests');
  // at least one simulated second replayed (the bar is the share of 86,400 s), so that the moment reached shows as more than "0.0 s"
  // on a slow machine (one 100 ms bit of a million requests a second may replay only a few hundredths of a second)
  await expect.poll(() => page.getByTestId('replay-bar').evaluate((el) => (el as HTMLProgressElement).value), { timeout: 30_000 }).toBeGreaterThanOrEqual(1 / 86_400);
  await snap(page, 'share-replay-progress.png');
  await page.getByTestId('replay-cancel').click();
  await expect(progress).toHaveCount(0);
  await lab.ready();
  await expect(lab.notice).toContainText('The replay was stopped at');
  await expect(lab.scenarioName).toHaveText('A day at a million requests a second');
  const reached = await lab.simSeconds();
  expect(reached).toBeGreaterThanOrEqual(1);
  expect(reached).toBeLessThan(86_400);
  await expect(lab.notice).toContainText(`stopped at ${reached.toFixed(1)} s`);
  expect(errors).toEqual([]);
});

test('present mode: big type, the controls hidden, presenter keys drive the run and the steps', async ({ page }) => {
  const errors = collectPageErrors(page);
  const player = new LessonPlayer(page);
  await player.goto('#/lessons/one-server-is-not-enough/1');
  await player.ready();
  await page.keyboard.press('p');
  await expect(page.getByTestId('present-bar')).toBeVisible();
  await expect(page.getByTestId('nav-sandbox')).toHaveCount(0);
  await expect(page.getByTestId('control-bar')).toBeHidden();
  await page.keyboard.press('k');
  await expect(page.getByTestId('present-bar')).toContainText('Running');
  await page.keyboard.press('k');
  await expect(page.getByTestId('present-bar')).toContainText('Paused');
  await page.keyboard.press('PageDown');
  await expect(player.stepTitle).toHaveText('Three targets behind one name');
  await snap(page, 'present-mode.png');
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('nav-sandbox')).toBeVisible();
  expect(errors).toEqual([]);
});

test('anyone can switch to flow widths, zoom and pan; the blind-window band keeps the whole run', async ({ page }) => {
  const errors = collectPageErrors(page);
  const lab = new LabPage(page);
  await lab.goto();
  await lab.ready();
  await lab.openExample('health-check-blind-window', 'Health checks and the blind window');
  await lab.advance(170_000);
  await page.getByTestId('flow-style-widths').click();
  await expect(page.getByTestId('flow-canvas')).toHaveCount(0);
  await lab.advance(2_000); // widths are rates: they need two moments
  await expect(page.getByTestId('flow-widths').locator('text').first()).toHaveText(/\d+\/s/);
  // the picture opens fitted to its box (at 100 % or a step below it): zoomed in to 150 %, it pans
  const zoom = page.getByTestId('zoom-value');
  for (let i = 0; i < 4 && (await zoom.textContent()) !== '150%'; i++) await page.getByTestId('zoom-in').click();
  await expect(zoom).toHaveText('150%');
  const stage = page.getByTestId('diagram-stage');
  expect(await stage.evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true);
  await stage.evaluate((el) => el.scrollTo({ left: 200 }));
  expect(await stage.evaluate((el) => el.scrollLeft)).toBeGreaterThan(0);
  // b's window (45 s to 100 s) is long out of the charts' last minute, and still on the band
  await lab.tab('charts');
  await expect(page.getByTestId('blind-window-b:45000')).toBeVisible();
  await snap(page, 'widths-zoom-band.png');
  expect(errors).toEqual([]);
});
