import { expect, test } from '@playwright/test';
import { deflateSync, strToU8 } from 'fflate';
import { LabPage } from './support/lab-page.ts';
import { collectPageErrors } from './support/page-errors.ts';
import { snap } from './support/artifacts.ts';
import { readFileSync } from 'node:fs';

const threeServers = JSON.parse(readFileSync(new URL('../../scenarios/three-servers.json', import.meta.url), 'utf8')) as unknown;

const totals = (lab: LabPage) => lab.page.evaluate(() => window.__lab.totals());

/** A payload as the app makes them, around any document: for tampered links. */
function payload(doc: unknown): string {
  return Buffer.from(deflateSync(strToU8(JSON.stringify(doc)))).toString('base64url');
}

test('a share link opens exactly what the sender saw: scenario, seed, moment and live changes', async ({ page, browser }) => {
  const errors = collectPageErrors(page);
  const sender = new LabPage(page);
  await sender.goto();
  await sender.ready();
  await page.getByTestId('seed').fill('7');
  await page.getByTestId('seed').press('Enter');
  await sender.ready();
  await sender.advance(6_000);
  await sender.targetAction('b', 'crash');
  await page.getByTestId('weight').fill('3');
  await sender.pickTarget('a');
  await page.getByTestId('weight').fill('3');
  await page.getByTestId('weight').press('Enter');
  await expect(page.getByTestId('change-entry').last()).toHaveText('a: weight 3');
  await sender.advance(6_300);
  await page.getByTestId('share').click();
  const link = await page.getByTestId('share-link').inputValue();
  expect(link).toMatch(/#\/sandbox\?s=[A-Za-z0-9_-]+$/);
  const seen = { totals: await totals(sender), targets: await sender.targets(), changes: await sender.changes() };

  const context = await browser.newContext();
  const other = await context.newPage();
  const otherErrors = collectPageErrors(other);
  const receiver = new LabPage(other);
  await other.goto(link.replace('/#', '/?test#'));
  await receiver.ready();
  await expect(receiver.simTime).toHaveText('12.3 s');
  await expect(other.getByTestId('seed')).toHaveValue('7');
  expect(await totals(receiver)).toEqual(seen.totals);
  expect(await receiver.targets()).toEqual(seen.targets);
  expect(await receiver.changes()).toEqual(seen.changes);
  await receiver.tab('controls');
  await expect(other.getByTestId('change-entry')).toHaveText(['b: crash', 'a: weight 3']);
  await snap(other, 'share-link-opened.png', { fullPage: true });
  await context.close();
  expect(errors).toEqual([]);
  expect(otherErrors).toEqual([]);
});

test('a damaged share link is explained and the starter scenario opens instead', async ({ page }) => {
  const errors = collectPageErrors(page);
  const lab = new LabPage(page);
  await lab.goto('#/sandbox?s=not*a*real*link');
  await expect(lab.notice).toContainText('This share link could not be opened.');
  await expect(lab.notice).toContainText('damaged');
  await lab.ready();
  await expect(lab.scenarioName).toHaveText('Three equal servers behind round robin');
  await snap(page, 'share-link-damaged.png');
  expect(errors).toEqual([]);
});

test('a tampered share link names what is wrong, and the work on screen is untouched', async ({ page }) => {
  const errors = collectPageErrors(page);
  const lab = new LabPage(page);
  await lab.goto();
  await lab.ready();
  await lab.advance(4_000);
  await lab.targetAction('c', 'crash');
  await lab.tab('scenario');
  await page.getByTestId('editor').fill('{ "my": "draft" }');

  const badWeight = structuredClone(threeServers) as { targetGroups: { targets: { weight?: number }[] }[] };
  badWeight.targetGroups[0].targets[1].weight = -2;
  await page.evaluate((hash) => (location.hash = hash), `#/sandbox?s=${payload({ v: 1, scenario: badWeight, seed: 1, atMs: 0, changes: [] })}`);
  await expect(lab.notice).toContainText('targetGroups[0].targets[1].weight');

  await page.evaluate((hash) => (location.hash = hash), `#/sandbox?s=${payload({ v: 1, scenario: threeServers, seed: 1, atMs: 9_000, changes: [{ atMs: 2_000, change: { action: 'crash', target: 'nobody' } }] })}`);
  await expect(lab.notice).toContainText('changes[0].change');

  await expect(lab.simTime).toHaveText('4.0 s');
  expect((await lab.changes()).map((c) => c.change)).toEqual([{ action: 'crash', target: 'c' }]);
  await expect(page.getByTestId('editor')).toHaveValue('{ "my": "draft" }');
  expect(errors).toEqual([]);
});
