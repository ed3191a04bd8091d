import { expect, test, type Page } from '@playwright/test';
import { LessonPlayer } from './support/lesson-page.ts';
import { collectPageErrors } from './support/page-errors.ts';
import { snap } from './support/artifacts.ts';
import { expectNoHorizontalOverflow, smallestSvgTextPx, VIEWPORTS } from './support/screen.ts';

// The picture opens fitted to its box (src/viz/picture-fit.ts). Before, a layout wider than its box was drawn at its
// own size and cut on the right: lesson 20 on a phone (576 px and more in a 373 px box: api-7 and api-8 out of view),
// lessons 1 and 24 at 1024×768 (692 px in 669: the target cards' right edge), and lesson 15 at 1366×768 had its last
// zone start at the window's bottom edge.

/** Every node, zone and frame of the picture, by test id, with whether it lies inside the diagram's visible box. */
function nodesInView(page: Page, { toWindow }: { toWindow: boolean }): Promise<{ id: string; inside: boolean }[]> {
  return page.getByTestId('diagram-stage').evaluate((stage, toWindow) => {
    const s = stage.getBoundingClientRect();
    // the stage's client box (what is seen without panning it), and the window's bottom when the first screen counts
    const box = {
      left: s.left + stage.clientLeft,
      top: s.top + stage.clientTop,
      right: s.left + stage.clientLeft + stage.clientWidth,
      bottom: Math.min(s.top + stage.clientTop + stage.clientHeight, toWindow ? window.innerHeight : Infinity),
    };
    const kinds = ['clients', 'balancer-', 'group-', 'database-', 'node-', 'zone-', 'scaling-'].map((k) => `[data-testid^="topology-${k}"]`);
    return [...stage.querySelectorAll(kinds.join(','))].map((e) => {
      const b = e.getBoundingClientRect();
      const inside = b.left >= box.left - 0.5 && b.right <= box.right + 0.5 && b.top >= box.top - 0.5 && b.bottom <= box.bottom + 0.5;
      return { id: (e as HTMLElement | SVGElement).dataset.testid ?? '', inside };
    });
  }, toWindow);
}

/** Waits until the picture is drawn whole (it is drawn a batch of nodes per task) and fitted to its box. */
async function pictureSettled(page: Page, ids: string[]): Promise<void> {
  const view = page.getByTestId('topology-view');
  for (const id of ids) await expect(view.getByTestId(id)).toBeAttached();
  const stage = page.getByTestId('diagram-stage');
  await expect.poll(() => stage.evaluate((e) => e.scrollWidth <= e.clientWidth)).toBe(true);
}

test('on a phone lesson 20\'s picture is fitted to the box\'s width: every target in view; zooming in to 100 % pans', async ({ browser }) => {
  const context = await browser.newContext({ viewport: VIEWPORTS.phone });
  const page = await context.newPage();
  const errors = collectPageErrors(page);
  const player = new LessonPlayer(page);
  await player.goto('#/lessons/databases-under-autoscaling/1');
  await player.ready();
  const targets = Array.from({ length: 8 }, (_, i) => `topology-node-api-${i + 1}`);
  await pictureSettled(page, targets);
  const stage = page.getByTestId('diagram-stage');
  await stage.scrollIntoViewIfNeeded();
  const nodes = await nodesInView(page, { toWindow: false });
  expect(nodes.map((n) => n.id)).toEqual(expect.arrayContaining([...targets, 'topology-clients', 'topology-balancer-alb', 'topology-group-api']));
  expect(nodes.filter((n) => !n.inside)).toEqual([]);
  await expectNoHorizontalOverflow(page);
  await snap(page, 'picture-fit-lesson-20-phone.png');
  // the fit is the first zoom step, below the picture's own size; one step in is 100 %: its text at its own size, panned
  const zoom = page.getByTestId('zoom-value');
  const fitted = Number((await zoom.textContent())?.replace(/\D/g, ''));
  expect(fitted).toBeLessThan(100);
  await expect(page.getByTestId('zoom-out')).toBeDisabled();
  await page.getByTestId('zoom-in').click();
  await expect(zoom).toHaveText('100%');
  expect(await smallestSvgTextPx(page.getByTestId('topology-view'))).toBeGreaterThanOrEqual(12);
  expect(await stage.evaluate((e) => e.scrollWidth > e.clientWidth)).toBe(true);
  // panned to its far corner, the last target is in view
  await stage.evaluate((e) => e.scrollTo({ left: e.scrollWidth, top: e.scrollHeight }));
  await stage.evaluate((e) => e.scrollIntoView({ block: 'end' }));
  await expect(stage.getByTestId('topology-node-api-8')).toBeInViewport({ ratio: 1 });
  // and back to the fit
  await page.getByTestId('zoom-out').click();
  await expect(zoom).toHaveText(`${fitted}%`);
  await expect.poll(async () => (await nodesInView(page, { toWindow: false })).filter((n) => !n.inside)).toEqual([]);
  expect(errors).toEqual([]);
  await context.close();
});

for (const lesson of ['one-server-is-not-enough', 'anti-pattern-clinic']) {
  test(`at 1024×768 ${lesson}'s target cards are inside the picture's box, in Present mode too`, async ({ browser }) => {
    const context = await browser.newContext({ viewport: { width: 1024, height: 768 } });
    const page = await context.newPage();
    const errors = collectPageErrors(page);
    const player = new LessonPlayer(page);
    await player.goto(`#/lessons/${lesson}/1`);
    await player.ready();
    for (const present of [false, true]) {
      if (present) {
        await page.keyboard.press('p');
        await expect(page.getByTestId('present-bar')).toBeVisible();
      }
      await pictureSettled(page, ['topology-node-web-1']);
      const nodes = await nodesInView(page, { toWindow: true });
      const cards = nodes.filter((n) => n.id.startsWith('topology-node-'));
      expect(cards.length).toBeGreaterThan(0);
      expect(nodes.filter((n) => !n.inside), present ? 'Present' : 'page').toEqual([]);
      await snap(page, `picture-fit-1024-${lesson}${present ? '-present' : ''}.png`);
    }
    expect(errors).toEqual([]);
    await context.close();
  });
}

test('at 1366×768 lesson 15\'s two regions are inside the picture\'s box, above the window\'s bottom', async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
  const page = await context.newPage();
  const errors = collectPageErrors(page);
  const player = new LessonPlayer(page);
  await player.goto('#/lessons/active-active-regions/1');
  await player.ready();
  // the DNS records are drawn after the picture, and push it down: the fit follows
  await expect(page.getByTestId('dns-record-us')).toBeVisible();
  await pictureSettled(page, ['topology-node-eu-2', 'topology-zone-eu-euw1-az2']);
  await expect
    .poll(async () => (await nodesInView(page, { toWindow: true })).filter((n) => !n.inside).map((n) => n.id))
    .toEqual([]);
  const zones = (await nodesInView(page, { toWindow: true })).filter((n) => n.id.startsWith('topology-zone-'));
  expect(zones.map((z) => z.id).sort()).toEqual(['topology-zone-eu-euw1-az1', 'topology-zone-eu-euw1-az2', 'topology-zone-us-use1-az1', 'topology-zone-us-use1-az2']);
  // fitted by at most a fifth: its words still 10 px or more
  expect(await smallestSvgTextPx(page.getByTestId('topology-view'))).toBeGreaterThanOrEqual(10);
  await snap(page, 'picture-fit-lesson-15-1366.png');
  expect(errors).toEqual([]);
  await context.close();
});
