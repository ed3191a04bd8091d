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

/**
 * The gaps between the picture's columns in layout px (on screen, over the picture's scale): the clients node to the
 * first balancer, that balancer to its group, the group to its first target.
 */
function columnGaps(page: Page, ids: { balancer: string; group: string; target: string }): Promise<number[]> {
  return page.getByTestId('topology-view').evaluate((svg, ids) => {
    const scale = (svg as SVGSVGElement).getScreenCTM()?.a ?? 1;
    const frame = (id: string, shape: string): DOMRect => svg.querySelector(`[data-testid="${id}"] rect.${shape}`)!.getBoundingClientRect();
    const columns = [frame('topology-clients', 'box'), frame(ids.balancer, 'box'), frame(ids.group, 'box'), frame(ids.target, 'card')];
    return columns.slice(1).map((c, i) => (c.left - columns[i].right) / scale);
  }, ids);
}

// Lesson 14's two regions, each with two zones of one card, were 557 px tall in the 400 px seen under the time controls
// and the DNS records at 1024×768 and 1366×768: fitting that height would have shrunk them 31 %, so alb-west's group
// and targets were cut at the window's bottom. A picture in cards that would be cut is drawn in tiles when those fit
// (src/viz/fitted-layout.ts).
for (const size of [{ width: 1024, height: 768 }, { width: 1366, height: 768 }]) {
  test(`at ${size.width}×${size.height} lesson 14's two regions are whole above the window's bottom, readable, in Present mode too`, async ({ browser }) => {
    const context = await browser.newContext({ viewport: size });
    const page = await context.newPage();
    const errors = collectPageErrors(page);
    const player = new LessonPlayer(page);
    await player.goto('#/lessons/route-53-failover/1');
    await player.ready();
    for (const present of [false, true]) {
      if (present) {
        await page.keyboard.press('p');
        await expect(page.getByTestId('present-bar')).toBeVisible();
      }
      // the DNS records are drawn after the picture, and push it down: the fit follows
      await expect(page.getByTestId('dns-record-secondary')).toBeVisible();
      await pictureSettled(page, ['topology-node-west-2', 'topology-zone-west-usw2-az2']);
      const where = `${size.width}${present ? ' Present' : ''}`;
      await expect
        .poll(async () => (await nodesInView(page, { toWindow: true })).filter((n) => !n.inside).map((n) => n.id), { message: where })
        .toEqual([]);
      const nodes = await nodesInView(page, { toWindow: true });
      expect(nodes.map((n) => n.id)).toEqual(expect.arrayContaining(['topology-balancer-alb-west', 'topology-group-west', 'topology-node-west-1', 'topology-node-west-2']));
      expect(await smallestSvgTextPx(page.getByTestId('topology-view')), where).toBeGreaterThanOrEqual(9);
      // in tiles, the room the columns leave widens the tiles (up to a card's width) and centres the columns: no gap
      // is wider than twice the layout's least (src/viz/topology-layout.ts: TILE_GAP_SHARE × minGapX, 24 px in the
      // compact columns of a picture under 780 px, else 32). Before, 84 px tiles left gaps of 55 px at 1024 and 103
      // px at 1366 (measured here on the old build).
      const least = (await page.getByTestId('topology-view').evaluate((svg) => (svg as SVGSVGElement).viewBox.baseVal.width)) < 780 ? 24 : 32;
      const gaps = await columnGaps(page, { balancer: 'topology-balancer-alb-east', group: 'topology-group-east', target: 'topology-node-east-1' });
      for (const gap of gaps) expect(gap, `${where}: gaps ${gaps.map((g) => g.toFixed(1)).join(', ')}`).toBeLessThanOrEqual(2 * least + 0.5);
      await snap(page, `picture-fit-lesson-14-${size.width}${present ? '-present' : ''}.png`);
    }
    expect(errors).toEqual([]);
    await context.close();
  });
}

// Fitted to a phone's 373 px box, the compact picture (576-692 px) drew its 12 px text at 6.5-7.8 px, unreadable until
// the learner zoomed in. A phone's box gets narrower columns and tiles (494 px), and the fit never draws that text
// below 9 px (src/viz/picture-fit.ts): the picture is still whole in the box's width.
for (const lesson of [
  { slug: 'one-server-is-not-enough', last: 'topology-node-web-1' },
  { slug: 'route-53-failover', last: 'topology-node-west-2' },
  { slug: 'hosts-and-headers', last: 'topology-node-beta-1' },
]) {
  test(`on a phone ${lesson.slug}'s fitted picture draws its smallest text at 9 px or more, whole in the box's width`, async ({ browser }) => {
    const context = await browser.newContext({ viewport: VIEWPORTS.phone });
    const page = await context.newPage();
    const errors = collectPageErrors(page);
    const player = new LessonPlayer(page);
    await player.goto(`#/lessons/${lesson.slug}/1`);
    await player.ready();
    await pictureSettled(page, [lesson.last]);
    const stage = page.getByTestId('diagram-stage');
    await stage.scrollIntoViewIfNeeded();
    expect(Number((await page.getByTestId('zoom-value').textContent())?.replace(/\D/g, ''))).toBeLessThan(100);
    expect(await smallestSvgTextPx(page.getByTestId('topology-view'))).toBeGreaterThanOrEqual(9);
    // no node beyond the box's sides (it may run on below the window: the page scrolls)
    const sideways = await stage.evaluate((e) => {
      const box = e.getBoundingClientRect();
      return [...e.querySelectorAll('[data-testid^="topology-"]')].filter((n) => {
        const b = n.getBoundingClientRect();
        return b.width > 0 && (b.left < box.left - 0.5 || b.right > box.right + 0.5);
      }).length;
    });
    expect(sideways).toBe(0);
    await expectNoHorizontalOverflow(page);
    await snap(stage, `picture-fit-phone-${lesson.slug}.png`);
    expect(errors).toEqual([]);
    await context.close();
  });
}
