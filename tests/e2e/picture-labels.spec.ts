import { expect, test, type Locator } from '@playwright/test';
import { LessonPlayer } from './support/lesson-page.ts';
import { collectPageErrors } from './support/page-errors.ts';
import { snap } from './support/artifacts.ts';

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
