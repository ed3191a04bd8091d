import { expect, test } from '@playwright/test';
import { serveSubPath, type SubPathSite } from './support/static-server.ts';
import { collectPageErrors } from './support/page-errors.ts';
import { snap } from './support/artifacts.ts';

// These tests need the service worker that every other spec blocks (playwright.config.ts).
test.use({ serviceWorkers: 'allow' });

let site: SubPathSite;
test.beforeAll(async () => {
  site = await serveSubPath('/school/balancer-lab/');
});
test.afterAll(async () => {
  await site.close();
});

test('after one visit under a sub-path, the site works offline: a lesson step is completed with the network cut', async ({ page, context }) => {
  test.setTimeout(90_000);
  const errors = collectPageErrors(page);
  await page.goto(`${site.url}#/`);
  await expect(page.getByTestId('home')).toBeVisible();
  // the service worker has precached every file of the build
  await expect(page.getByTestId('offline-ready')).toBeVisible({ timeout: 30_000 });
  // the note only informs: it goes by itself (bottom right, it covered lesson 1's Set buttons until dismissed)
  await page.mouse.move(0, 0);
  await expect(page.getByTestId('offline-ready')).toHaveCount(0, { timeout: 20_000 });
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
  const scope = await page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => r?.scope));
  expect(scope).toBe(site.url);

  await context.setOffline(true);
  const before = site.served.length;
  // a new visit with no network: the page, the lessons chunk and the simulation worker all come from the cache
  await page.goto(`${site.url}#/lessons/one-server-is-not-enough/1`);
  await expect(page.getByTestId('step-title')).toHaveText('A site on a single server');
  await expect(page.getByTestId('status')).toHaveText('Paused');
  await page.getByRole('radio', { name: 'All of them' }).check();
  await page.getByTestId('predict-submit').click();
  await page.getByTestId('run-to-moment').click();
  await expect(page.getByTestId('predict-outcome')).toContainText('The run shows: All of them');
  await page.getByTestId('step-next').click();
  await expect(page.getByTestId('step-title')).toHaveText('Three targets behind one name');
  await expect(page.getByTestId('world-name')).not.toHaveText('Loading the lab…');
  await snap(page, 'offline-lesson.png');
  expect(site.served.length).toBe(before); // nothing reached the server while offline
  await context.setOffline(false);
  expect(errors).toEqual([]);
});

test('a new version published on the server is offered, and Reload to update switches to it', async ({ page }) => {
  test.setTimeout(90_000);
  await page.goto(`${site.url}#/sandbox`);
  await expect(page.getByTestId('offline-ready')).toBeVisible({ timeout: 30_000 });
  // the note is in the page's flow above the lab: it covers no control and none of the picture (fixed bottom right, it
  // covered target cards, and a phone's "Show a hint" button)
  const covered = await page.getByTestId('offline-ready').evaluate((note) => {
    const n = note.getBoundingClientRect();
    const overlaps = (e: Element): boolean => {
      const b = e.getBoundingClientRect();
      return b.width > 0 && b.left < n.right && b.right > n.left && b.top < n.bottom && b.bottom > n.top;
    };
    const others = [...document.querySelectorAll('button, a, input, select, [data-testid="diagram-stage"]')].filter((e) => !note.contains(e));
    return { position: getComputedStyle(note).position, under: others.filter(overlaps).map((e) => e.outerHTML.slice(0, 80)) };
  });
  expect(covered).toEqual({ position: 'static', under: [] });
  await page.reload(); // now the service worker controls the page
  expect(await page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
  await expect(page.getByTestId('update-available')).toHaveCount(0);

  site.publishNewServiceWorker();
  await page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => r?.update()));
  await expect(page.getByTestId('update-available')).toBeVisible({ timeout: 30_000 });
  await snap(page, 'update-available.png');
  await Promise.all([page.waitForEvent('load'), page.getByTestId('update-reload').click()]);
  await expect(page.getByTestId('update-available')).toHaveCount(0);
  expect(await page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => r?.waiting === null && r?.active !== null))).toBe(true);
});
