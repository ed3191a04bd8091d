import { expect, test, type Page } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import { LessonPlayer } from './support/lesson-page.ts';
import { collectPageErrors } from './support/page-errors.ts';
import { snap } from './support/artifacts.ts';
import { expectAccessible } from './support/screen.ts';

const CLASS = '#/class?title=Week%203&lessons=round-robin-and-weights,one-server-is-not-enough&hide=solve,hints';

async function download(page: Page, click: () => Promise<void>): Promise<{ name: string; text: string }> {
  const waiting = page.waitForEvent('download');
  await click();
  const d = await waiting;
  return { name: d.suggestedFilename(), text: await readFile(await d.path(), 'utf8') };
}

test('a class link opens its lessons in its order without Solve or hints; the progress file carries the name, times, predictions and a code', async ({ page }) => {
  const errors = collectPageErrors(page);
  const player = new LessonPlayer(page);
  await player.goto(CLASS);
  await expect(page.getByTestId('class-title')).toHaveText('Week 3');
  await expect(page.getByTestId('class-lessons').getByRole('link')).toHaveText(['Round robin and its weighted cousin', 'One server is not enough']);
  await expect(page.getByTestId('class-rules')).toContainText('you will not see the Solve button or hints');
  await page.getByTestId('learner-name').fill('Ada Lovelace');
  await page.getByTestId('learner-name').blur();
  await snap(page, 'class-page.png', { fullPage: true });

  await page.getByTestId('class-start').click();
  await expect(player.stepTitle).toHaveText('Taking turns');
  await expect(page.getByTestId('class-banner')).toContainText('Week 3');
  await player.ready();
  await page.getByRole('radio').nth(1).check();
  await page.getByTestId('predict-submit').click();
  await page.getByTestId('run-to-moment').click();
  await expect(page.getByTestId('predict-outcome')).toBeVisible();
  // on to step 4; a step that waits for its moment (step 3: the end of the run) is run to it first
  for (let step = 2; step <= 4; step++) {
    const next = page.getByTestId('step-next');
    if ((await next.getAttribute('aria-disabled')) === 'true') {
      await page.getByTestId('run-to-moment').click();
      // the whole 90 s run is simulated first: on a busy machine that can take longer than the default 10 s
      await expect(next).toHaveAttribute('aria-disabled', 'false', { timeout: 60_000 });
    }
    await next.click();
    await expect(page).toHaveURL(new RegExp(`round-robin-and-weights/${step}$`));
  }
  await expect(page.getByTestId('lesson-solve')).toHaveCount(0);
  await expect(page.getByTestId('hints')).toHaveCount(0);
  await expect(page.getByTestId('nav-sandbox')).toBeVisible(); // this class does not hide the sandbox

  await page.getByRole('link', { name: 'Lessons', exact: true }).first().click();
  await expect(player.list.locator('li')).toHaveCount(2); // the class's lessons only
  const file = await download(page, () => page.getByTestId('progress-export').click());
  expect(file.name).toBe('balancer-lab-progress-ada-lovelace.json');
  const progress = JSON.parse(file.text);
  expect(progress).toMatchObject({ version: 2, learner: 'Ada Lovelace', code: expect.stringMatching(/^BL-[0-9A-F]{4}-[0-9A-F]{4}$/) });
  const lesson = progress.lessons['round-robin-and-weights'];
  expect(lesson.step).toBe(4);
  expect(Object.keys(lesson.stepSec).sort()).toEqual(['1', '2', '3', '4']); // step 4's time is saved on leaving it
  expect(lesson.predictions['1']).toMatchObject({ chosen: 1 });

  // the teacher's table: this file, the same file edited, and an old version 1 file
  const edited = JSON.stringify({ ...progress, learner: 'Someone Else' });
  const old = JSON.stringify({ version: 1, lessons: { 'one-server-is-not-enough': { done: true, solved: true, step: 5 } } });
  await page.goto('./#/teach/progress');
  await page.getByTestId('table-files').setInputFiles([
    { name: 'ada.json', mimeType: 'application/json', buffer: Buffer.from(file.text) },
    { name: 'edited.json', mimeType: 'application/json', buffer: Buffer.from(edited) },
    { name: 'old.json', mimeType: 'application/json', buffer: Buffer.from(old) },
    { name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('not progress') },
  ]);
  await expect(page.getByTestId('table-row')).toHaveCount(3);
  await expect(page.getByTestId('table-code')).toHaveText(['no code (old file)', 'matches', 'does not match']);
  await expect(page.getByTestId('table-refused')).toContainText('notes.txt');
  await snap(page, 'progress-table.png', { fullPage: true });
  await expectAccessible(page, 'a filled progress table');
  const csv = await download(page, () => page.getByTestId('table-csv').click());
  expect(csv.name).toBe('balancer-lab-class-progress.csv');
  const rows = csv.text.trimEnd().split('\r\n');
  expect(rows[0].startsWith('learner,file,code,exported at,one-server-is-not-enough: status,')).toBe(true);
  expect(rows.slice(1).map((r) => r.split(',').slice(0, 3).join(','))).toEqual([',old.json,no code (old file)', 'Ada Lovelace,ada.json,matches', 'Someone Else,edited.json,does not match']);
  expect(errors).toEqual([]);
});

test('the teaching page builds a class link that opens the chosen lessons, and a class can be left', async ({ page }) => {
  await page.goto('./#/teach');
  await expect(page.getByTestId('teach-page')).toContainText('Nothing leaves the browser');
  await page.getByTestId('builder-title').fill('Group B');
  // every lesson starts checked: keep only two of them
  for (const box of await page.locator('[data-testid^="builder-lesson-"]').all()) await box.uncheck();
  await page.getByTestId('builder-lesson-round-robin-and-weights').check();
  await page.getByTestId('builder-lesson-health-checks-and-the-blind-window').check();
  await page.getByTestId('builder-hide-sandbox').check();
  await page.getByTestId('builder-seed').fill('7');
  const link = await page.getByTestId('builder-link').inputValue();
  expect(link).toMatch(/#\/class\?title=Group\+B&lessons=round-robin-and-weights,health-checks-and-the-blind-window&hide=sandbox&seed=7$/);
  await snap(page, 'teach-page.png', { fullPage: true });
  await page.getByTestId('builder-open').click();
  await expect(page.getByTestId('class-title')).toHaveText('Group B');
  await expect(page.getByTestId('class-rules')).toContainText('seed 7');
  await expect(page.getByTestId('nav-sandbox')).toHaveCount(0);
  await page.getByTestId('class-leave').click();
  await expect(page.getByTestId('class-banner')).toHaveCount(0);
  await expect(page.getByTestId('nav-sandbox')).toBeVisible();
});
