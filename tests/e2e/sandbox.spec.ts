import { expect, test } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import { LabPage } from './support/lab-page.ts';
import { collectPageErrors } from './support/page-errors.ts';
import { snap } from './support/artifacts.ts';

test('the JSON editor shows each error with its path and line, and runs only a valid scenario', async ({ page }) => {
  const errors = collectPageErrors(page);
  const lab = new LabPage(page);
  await lab.goto();
  await lab.ready();
  await lab.advance(3_000);
  await lab.tab('scenario');
  const editor = page.getByTestId('editor');
  const original = await editor.inputValue();

  await editor.fill(original.replace('"ratePerSec": 24', '"ratePerSec": -24').replace('"concurrency": 4,', '"concurrency": "four",'));
  const list = page.getByTestId('editor-error');
  await expect(list).toHaveCount(2);
  await expect(list.nth(0)).toContainText(/line \d+\s*traffic\.arrival\.ratePerSec: must be ≥ 0/);
  await expect(list.nth(1)).toContainText('targetGroups[0].targets[0].concurrency');
  await snap(page, 'editor-errors.png', { fullPage: true });
  await page.getByTestId('run-editor').click();
  await expect(lab.simTime).toHaveText('3.0 s'); // the run on screen is untouched

  await editor.fill(original.replace('{', '{ oops'));
  await expect(list).toHaveCount(1);
  await expect(list).toContainText(/not valid JSON.*line 1/);

  await editor.fill(original.replace('Three equal servers behind round robin', 'Three servers, edited').replace('"ratePerSec": 24', '"ratePerSec": 40'));
  await expect(page.getByTestId('editor-errors')).toContainText('No problems found');
  await page.getByTestId('run-editor').click();
  await expect(lab.scenarioName).toHaveText('Three servers, edited');
  await lab.ready();
  await expect(lab.simTime).toHaveText('0.0 s');
  expect(errors).toEqual([]);
});

test('templates and examples open; files import and export; a bad file is explained', async ({ page }) => {
  const errors = collectPageErrors(page);
  const lab = new LabPage(page);
  await lab.goto();
  await lab.ready();

  await page.getByTestId('catalog').selectOption('blank');
  await page.getByTestId('open-catalog').click();
  await expect(lab.scenarioName).toHaveText('My scenario');

  const download = page.waitForEvent('download');
  await page.getByTestId('export').click();
  const file = await (await download).path();
  const exported = JSON.parse(await readFile(file, 'utf8')) as { name: string };
  expect(exported.name).toBe('My scenario');

  const input = page.getByTestId('import-input');
  await input.setInputFiles({ name: 'mine.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify({ ...exported, name: 'Imported one' })) });
  await expect(lab.scenarioName).toHaveText('Imported one');
  await lab.ready();

  await input.setInputFiles({ name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from('{"schemaVersion": 1, "name": ') });
  await expect(lab.notice).toContainText('This file could not be opened.');
  await expect(lab.notice).toContainText('broken.json: not valid JSON');
  await input.setInputFiles({ name: 'wrong.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify({ ...exported, balancers: [] })) });
  await expect(lab.notice).toContainText('balancers');
  await expect(lab.scenarioName).toHaveText('Imported one');
  await lab.tab('scenario');
  await expect(page.getByTestId('editor')).toHaveValue(/Imported one/);
  expect(errors).toEqual([]);
});
