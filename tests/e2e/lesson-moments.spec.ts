// A step's moment is the run's stop: played "As fast as possible", the run pauses exactly at the prediction's
// second, the prediction is judged there, and the reveal keeps the numbers of that moment while the run plays on.
import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { LessonPlayer } from './support/lesson-page.ts';
import { collectPageErrors } from './support/page-errors.ts';
import { snap } from './support/artifacts.ts';

test.use({ viewport: { width: 1366, height: 768 } });

interface ClaimsFile {
  runs: Record<string, { untilSec: number }>;
  claims: { phrase: string; run: string; value?: string; exactly?: number }[];
}

/** The seeded number a reveal placeholder's claim guards, and the second its run stops at (lessons/<folder>/claims.json). */
function claimed(folder: string, key: string): { value: number; atSec: number } {
  const file = JSON.parse(readFileSync(new URL(`../../lessons/${folder}/claims.json`, import.meta.url), 'utf8')) as ClaimsFile;
  const claim = file.claims.find((c) => c.value === key && c.phrase.includes(`{{${key}|`) && c.exactly !== undefined);
  if (claim?.exactly === undefined) throw new Error(`no exact claim on ${key} in ${folder}`);
  return { value: claim.exactly, atSec: file.runs[claim.run].untilSec };
}

test('lesson 13, As fast as possible: the run stops at the prediction’s 60 s, judges it there, and the reveal keeps that moment’s numbers', async ({ page }) => {
  const errors = collectPageErrors(page);
  const player = new LessonPlayer(page);
  await player.goto('#/lessons/zones/1');
  await player.ready(30_000);
  await page.getByTestId('speed-max').check();

  // "A quarter", the answer
  await page.getByRole('radio').nth(1).check();
  await page.getByTestId('predict-submit').click();
  await page.getByTestId('play').click();

  const app1 = claimed('13-zones', 'report.targets.app-1.requests');
  const rejected = claimed('13-zones', 'report.failures.rejected');
  expect(app1.atSec).toBe(60); // the prediction's atSec: the claim measures the reveal at the step's moment

  await player.ready(60_000);
  expect(await page.evaluate(() => window.__lab.timeMs())).toBe(app1.atSec * 1000);
  expect(await page.evaluate(() => window.__lab.reachedMs())).toBe(app1.atSec * 1000);
  await expect(page.getByTestId('predict-outcome')).toHaveText(/^You predicted “A quarter[^”]*”\.\s+The run shows: A quarter/);
  const reveal = page.getByTestId('reveal');
  const app1Text = `had served ${app1.value.toLocaleString('en-US')} requests by 60 s`;
  const rejectedText = `rejected ${rejected.value.toLocaleString('en-US')}`;
  await expect(reveal).toContainText(app1Text);
  await expect(reveal).toContainText(rejectedText);
  await expect(reveal).not.toContainText('in our run'); // the learner's own number, not the fallback
  await reveal.scrollIntoViewIfNeeded();
  await snap(page, 'lesson-13-stopped-at-60s.png');

  // played on to the end, the reveal still says what the run had at 60 s
  await page.getByTestId('play').click();
  await expect(player.status).toHaveText('Finished', { timeout: 60_000 });
  expect(await page.evaluate(() => window.__lab.timeMs())).toBeGreaterThan(app1.atSec * 1000);
  const later = await page.evaluate(() => window.__lab.metrics()?.targets['app-1']?.requests ?? 0);
  expect(later).toBeGreaterThan(app1.value); // the run did go on…
  await expect(reveal).toContainText(app1Text); // …and the reveal kept its moment
  await expect(reveal).toContainText(rejectedText);
  await reveal.scrollIntoViewIfNeeded();
  await snap(page, 'lesson-13-played-on.png');
  expect(errors).toEqual([]);
});

test('lesson 17 step 3, As fast as possible: a correct "5" is judged at 600 s, not at the end of the run', async ({ page }) => {
  const errors = collectPageErrors(page);
  const player = new LessonPlayer(page);
  await player.goto('#/lessons/target-tracking/3');
  await player.ready(30_000);
  await page.getByTestId('speed-max').check();
  await page.getByRole('radio').nth(1).check();
  await page.getByTestId('predict-submit').click();
  await page.getByTestId('play').click();
  await player.ready(120_000);
  expect(await page.evaluate(() => window.__lab.timeMs())).toBe(600_000);
  await expect(page.getByTestId('predict-outcome')).toContainText('The run shows: 5: three × 100 ÷ 60, rounded up');
  expect(errors).toEqual([]);
});
