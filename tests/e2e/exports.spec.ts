import { expect, test, type Download, type Page } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import { LabPage } from './support/lab-page.ts';
import { collectPageErrors } from './support/page-errors.ts';
import { keepDownload, snap } from './support/artifacts.ts';

const STEM = 'three-equal-servers-behind-round-robin-at-12s';

/** Clicks and returns the file the page downloads. */
async function downloaded(page: Page, click: () => Promise<void>): Promise<{ name: string; bytes: Buffer; download: Download }> {
  const waiting = page.waitForEvent('download');
  await click();
  // the panel says why when it cannot make the file: fail at once with its words rather than at the test's timeout
  const message = page.getByTestId('export-message');
  const refused = message.waitFor({ timeout: 0 }).then(async () => {
    throw new Error(`the export panel refused: ${await message.innerText()}`);
  });
  refused.catch(() => undefined);
  const download = await Promise.race([waiting, refused]);
  return { name: download.suggestedFilename(), bytes: await readFile(await download.path()), download };
}

const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

test('from the lab: metrics as CSV, a chart as PNG and SVG, the diagram as PNG, named after the scenario and the moment', async ({ page }) => {
  const errors = collectPageErrors(page);
  const lab = new LabPage(page);
  await lab.goto();
  await lab.ready();
  await lab.advance(12_000);
  await page.getByTestId('exports-open').click();
  await expect(page.getByTestId('export-panel')).toBeVisible();

  const csv = await downloaded(page, () => page.getByTestId('export-csv').click());
  expect(csv.name).toBe(`${STEM}-metrics.csv`);
  const lines = csv.bytes.toString('utf8').trimEnd().split('\r\n');
  expect(lines[0]).toBe('second,arrived,ok,failed,error rate,p50 ms,p95 ms,p99 ms,a requests,a utilisation,b requests,b utilisation,c requests,c utilisation');
  expect(lines).toHaveLength(1 + 12);
  const arrived = lines.slice(1).reduce((sum, l) => sum + Number(l.split(',')[1]), 0);
  expect(arrived).toBeGreaterThan(200); // 24 req/s for 12 s
  expect(lines[1].split(',')[0]).toBe('0');

  await page.getByTestId('export-chart-pick').selectOption('latency');
  const png = await downloaded(page, () => page.getByTestId('export-chart-png').click());
  expect(png.name).toBe(`${STEM}-chart-latency.png`);
  expect([...png.bytes.subarray(0, 8)]).toEqual(PNG);
  await keepDownload(await png.download.path(), 'export-chart-latency.png');

  const svg = await downloaded(page, () => page.getByTestId('export-chart-svg').click());
  expect(svg.name).toBe(`${STEM}-chart-latency.svg`);
  const text = svg.bytes.toString('utf8');
  expect(text.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
  expect(text).toContain('Latency');
  expect(text).toContain('Three equal servers behind round robin · 12');

  const diagram = await downloaded(page, () => page.getByTestId('export-diagram').click());
  expect(diagram.name).toBe(`${STEM}-diagram.png`);
  expect([...diagram.bytes.subarray(0, 8)]).toEqual(PNG);
  await keepDownload(await diagram.download.path(), 'export-diagram.png');
  await snap(page, 'export-panel.png', { fullPage: true });
  expect(errors).toEqual([]);
});

test('a recording of the run is a WebM file', async ({ page }) => {
  const lab = new LabPage(page);
  await lab.goto();
  await lab.ready();
  await lab.advance(12_000);
  await page.getByTestId('exports-open').click();
  await lab.play();
  await page.getByTestId('record-start').click();
  await expect(page.getByTestId('recording')).toBeVisible();
  await lab.nextFrames(30);
  const webm = await downloaded(page, () => page.getByTestId('record-stop').click());
  expect(webm.name).toMatch(/^three-equal-servers-behind-round-robin-at-\d+s-recording\.webm$/);
  expect([...webm.bytes.subarray(0, 4)]).toEqual([0x1a, 0x45, 0xdf, 0xa3]); // EBML, the WebM container
  expect(webm.bytes.length).toBeGreaterThan(1000);
  await expect(page.getByTestId('record-start')).toBeVisible();
});

test('Export config gives the nginx, HAProxy, Envoy and Terraform text, lists what is not exported, and downloads it', async ({ page }) => {
  const lab = new LabPage(page);
  await lab.goto();
  await lab.ready();
  await page.getByTestId('exports-open').click();
  const text = page.getByTestId('config-text');
  await expect(text).toContainText('upstream');
  await page.getByTestId('config-format').selectOption('haproxy');
  await expect(text).toContainText('backend');
  await expect(page.getByTestId('config-not-exported')).toContainText('Not exported to HAProxy 2.6+');
  const cfg = await downloaded(page, () => page.getByTestId('config-download').click());
  expect(cfg.name).toBe('three-equal-servers-behind-round-robin-at-0s-haproxy-lb.cfg');
  expect(cfg.bytes.toString('utf8')).toBe(await text.innerText());
  await page.getByTestId('config-format').selectOption('terraform');
  await expect(text).toContainText('resource "aws_lb"');
  const tf = await downloaded(page, () => page.getByTestId('config-download').click());
  expect(tf.name).toBe('three-equal-servers-behind-round-robin-at-0s-main.tf');
  await page.getByTestId('config-format').selectOption('envoy');
  await expect(text).toContainText('static_resources');
});

test('an nginx access log opens as a replay of its requests, and unreadable lines are listed', async ({ page }) => {
  const errors = collectPageErrors(page);
  const lab = new LabPage(page);
  await lab.goto();
  await lab.ready();
  const log = [
    '10.0.0.1 - - [02/Dec/2026:10:00:00 +0000] "GET /a HTTP/1.1" 200 12 "-" "curl/8" "127.0.0.1:8081"',
    '10.0.0.2 - - [02/Dec/2026:10:00:01 +0000] "GET /b HTTP/1.1" 200 12 "-" "curl/8" "127.0.0.1:8082"',
    'this is not a log line',
    '10.0.0.3 - - [02/Dec/2026:10:00:03 +0000] "GET /c HTTP/1.1" 200 12 "-" "curl/8" "127.0.0.1:8083"',
  ].join('\n');
  await page.getByTestId('import-log-input').setInputFiles({ name: 'access.log', mimeType: 'text/plain', buffer: Buffer.from(log) });
  await expect(lab.scenarioName).toHaveText('Replay of access.log');
  await expect(page.getByTestId('notice-title')).toContainText('Opened access.log (nginx access log): 3 requests replayed against this system.');
  await expect(lab.notice).toContainText('line 3');
  await lab.ready();
  await expect(page.getByText('of 4.0 s')).toBeVisible(); // the run lasts until just after the last request
  await lab.tab('scenario');
  await expect(page.getByTestId('editor')).toHaveValue(/"kind": "replay"/);
  await snap(page, 'import-log.png', { fullPage: true });

  await page.getByTestId('import-log-input').setInputFiles({ name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('hello\nworld\n') });
  await expect(page.getByTestId('notice-title')).toHaveText('notes.txt could not be read as an access log.');
  await expect(lab.scenarioName).toHaveText('Replay of access.log');
  expect(errors).toEqual([]);
});
