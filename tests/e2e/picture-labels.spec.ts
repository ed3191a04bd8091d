import { expect, test, type Locator } from '@playwright/test';
import { LessonPlayer } from './support/lesson-page.ts';
import { collectPageErrors } from './support/page-errors.ts';
import { snap } from './support/artifacts.ts';
import { smallestSvgTextPx } from './support/screen.ts';

// The picture's labels (src/viz/rule-line.ts, src/viz/short-labels.ts) and its place in its box. Before: a balancer's
// rule line was cut at its first condition and lost its target group ("host shop.secureca…"), lesson 5's rules read
// "path /orders*" beside "/cart* → web"; lesson 7's tiles read "1"…"4" for pay-tcp-1…4; a picture fitted to its
// box's height was drawn at the box's left edge.

async function box(locator: Locator): Promise<{ left: number; right: number; top: number; bottom: number }> {
  const b = (await locator.boundingBox())!;
  return { left: b.x, right: b.x + b.width, top: b.y, bottom: b.y + b.height };
}

test('every balancer line reads "<conditions> → <target group>" inside the balancer, its whole text in its title', async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
  const page = await context.newPage();
  const errors = collectPageErrors(page);
  const player = new LessonPlayer(page);
  await player.goto('#/lessons/hosts-and-headers/4');
  await player.ready();
  const balancer = page.getByTestId('topology-balancer-alb');
  const rows = balancer.locator('[data-testid^="balancer-row-alb-"]');
  await expect(rows).toHaveCount(5);
  const frame = await box(balancer.locator('rect.box'));
  const groups = ['shop', 'shop', 'admin', 'cart-beta', 'shop'];
  for (const [i, group] of groups.entries()) {
    const row = rows.nth(i);
    await expect(row).toHaveText(new RegExp(` → ${group}$`));
    const b = await box(row);
    expect(b.right).toBeLessThanOrEqual(frame.right);
    // the whole line, keywords and all, is the row's title
    await expect(row.locator('xpath=..').locator('title')).toHaveText(new RegExp(`.+ → ${group}$`));
  }
  // the cookie rule keeps both its conditions' starts and its group
  await expect(rows.nth(3)).toHaveText(/^\/cart\* & c.* → cart-beta$/);
  await expect(rows.nth(3).locator('xpath=..').locator('title')).toHaveText('path /cart* & cookie ab=b → cart-beta');
  await snap(page, 'picture-labels-lesson-6.png');
  expect(errors).toEqual([]);
  await context.close();
});

test('lesson 7\'s tiles name pay-tcp-1…4 readably (not "1"…"4"), inside their tiles', async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 1024, height: 768 } });
  const page = await context.newPage();
  const player = new LessonPlayer(page);
  await player.goto('#/lessons/layer-4-or-layer-7/1');
  await player.ready();
  for (let i = 1; i <= 4; i++) {
    const tile = page.getByTestId(`topology-node-pay-tcp-${i}`);
    const id = tile.locator('.tile-id');
    await expect(id).toHaveText(new RegExp(`tcp-${i}\\s*$`));
    const b = await box(id);
    const t = await box(tile);
    expect(b.right).toBeLessThanOrEqual(t.right);
  }
  await snap(page, 'picture-labels-lesson-7.png');
  await context.close();
});

test('a picture fitted to its box\'s height stands in the middle of the box', async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
  const page = await context.newPage();
  const player = new LessonPlayer(page);
  await player.goto('#/lessons/active-active-regions/1');
  await player.ready();
  const stage = page.getByTestId('diagram-stage');
  await expect(stage.getByTestId('topology-node-eu-2')).toBeAttached();
  await expect.poll(() => page.getByTestId('zoom-value').textContent()).not.toBe('100%');
  const s = await box(stage);
  const picture = await box(stage.getByTestId('topology-view'));
  // narrower than its box, with as much room on its left as on its right (1 px of borders and rounding)
  expect(picture.right - picture.left).toBeLessThan(s.right - s.left - 20);
  expect(Math.abs(picture.left - s.left - (s.right - picture.right))).toBeLessThanOrEqual(2);
  await context.close();
});

// On a phone the picture's columns are narrow (src/viz/topology-layout.ts): lesson 14's clients node read "DNS fai…"
// and a group's "least-outstanding-requests" read "least-" "outstandin…". The layout wraps them onto whole lines
// (a word wider than its node widens it), and the fit still draws no text below 9 px.
for (const viewport of [{ width: 390, height: 844 }, { width: 360, height: 740 }]) {
  for (const lesson of [
    { slug: 'paths-to-services', dns: null },
    { slug: 'route-53-failover', dns: 'failover' },
    { slug: 'active-active-regions', dns: 'failover' },
  ]) {
    test(`at ${viewport.width}×${viewport.height} ${lesson.slug}'s clients and groups are written whole`, async ({ browser }) => {
      const context = await browser.newContext({ viewport });
      const page = await context.newPage();
      const errors = collectPageErrors(page);
      const player = new LessonPlayer(page);
      await player.goto(`#/lessons/${lesson.slug}/1`);
      await player.ready();
      const view = page.getByTestId('topology-view');
      const groups = view.locator('[data-testid^="topology-group-"]');
      await expect(groups.first()).toBeAttached();
      await expect(view.getByTestId('topology-clients')).toBeAttached();
      const nodes = view.locator('[data-testid="topology-clients"], [data-testid^="topology-group-"]');
      // none of their lines cut
      const texts = await nodes.locator('text').allTextContents();
      expect(texts.length).toBeGreaterThan(0);
      expect(texts.filter((t) => t.trim().endsWith('…'))).toEqual([]);
      if (lesson.dns !== null) await expect(view.getByTestId('topology-clients').locator('text.dns')).toHaveText(['DNS', lesson.dns]);
      // each group's lines under its name read its algorithm, as its accessible name says it
      for (const group of await groups.all()) {
        const algorithm = /^Target group [^:]+: ([a-z0-9-]+),/.exec((await group.getAttribute('aria-label')) ?? '')?.[1];
        expect(algorithm).toBeDefined();
        // the last soft lines are "n of n in rotation" (on two lines in a phone's group: topology-layout.ts)
        const soft = await group.locator('text.soft').allTextContents();
        const lines = soft.slice(0, soft.findIndex((l) => /^\d+ of \d+/.test(l)));
        expect(lines.join('')).toBe(algorithm);
        expect(soft.slice(lines.length).join(' ')).toMatch(/^\d+ of \d+ in rotation$/);
      }
      expect(await smallestSvgTextPx(view)).toBeGreaterThanOrEqual(9);
      await page.getByTestId('diagram-stage').scrollIntoViewIfNeeded();
      await snap(page.getByTestId('diagram-stage'), `picture-labels-${lesson.slug}-${viewport.width}.png`);
      expect(errors).toEqual([]);
      await context.close();
    });
  }
}

// Rule lines, group names and database states were still cut on phones and at 1024×768: "def… → paym…" (lessons 6,
// 7, 8, 22, 23, 25), "payments…" (lesson 7), "out of conn…" (lesson 20), "10 of 10 in r…" (lesson 22). The layout
// wraps them onto whole lines and makes the node taller (topology-layout.ts, band-layout.ts, rule-line.ts).
for (const viewport of [{ width: 390, height: 844 }, { width: 360, height: 740 }, { width: 1024, height: 768 }]) {
  for (const slug of ['hosts-and-headers', 'layer-4-or-layer-7', 'haproxy-in-front-of-a-database', 'databases-under-autoscaling', 'black-friday-1m', 'blue-green-and-canary', 'circuit-breakers-and-retries']) {
    test(`at ${viewport.width}×${viewport.height} ${slug}'s balancers, groups and databases write their lines whole`, async ({ browser }) => {
      const context = await browser.newContext({ viewport });
      const page = await context.newPage();
      const errors = collectPageErrors(page);
      const player = new LessonPlayer(page);
      await player.goto(`#/lessons/${slug}/1`);
      await player.ready();
      const view = page.getByTestId('topology-view');
      await expect(view.locator('[data-testid^="topology-balancer-"]').first()).toBeAttached();
      const nodes = view.locator('[data-testid^="topology-balancer-"], [data-testid^="topology-group-"], [data-testid^="topology-database-"]');
      // (a balancer's zone chips are named by their ends on purpose: "…1a", "…1b": infra-text.ts)
      const texts = await nodes.locator('text:not(.zone)').allTextContents();
      expect(texts.length).toBeGreaterThan(0);
      expect(texts.filter((t) => t.includes('…'))).toEqual([]);
      // each rule line reads its whole line, as its title says it, less the keywords a narrow balancer drops
      for (const row of await view.locator('[data-testid^="balancer-row-"]').all()) {
        const title = (await row.locator('xpath=..').locator('title').textContent()) ?? '';
        const group = title.split(' → ').at(-1)!;
        expect((await row.textContent())?.endsWith(` → ${group}`)).toBe(true);
      }
      expect(await smallestSvgTextPx(view)).toBeGreaterThanOrEqual(9);
      await page.getByTestId('diagram-stage').scrollIntoViewIfNeeded();
      await snap(page.getByTestId('diagram-stage'), `picture-labels-whole-${slug}-${viewport.width}.png`);
      expect(errors).toEqual([]);
      await context.close();
    });
  }
}
