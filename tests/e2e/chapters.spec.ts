// The course by chapter: the lesson list groups lessons under their chapter, and a learner completes a lesson of
// chapter 2 and one of chapter 3 with the mouse (Sticky sessions: predict, reset, choose a stickiness, run to the check) and another
// with the keyboard alone (Sticky or a shared store). Hosts and headers is done in the Build tab, as its unlocks intend.
// Chapter 1's keyboard journey is in lessons.spec.ts.
import { expect, test } from '@playwright/test';
import { LessonPlayer } from './support/lesson-page.ts';
import { collectPageErrors } from './support/page-errors.ts';
import { artifactPath } from './support/artifacts.ts';

// these lessons run two or three minutes of a 150–200 requests/s shop in the page's worker, on a shared machine
test.describe.configure({ timeout: 240_000 });
const opened = (player: LessonPlayer) => expect(player.status).toHaveText('Paused', { timeout: 30_000 });

test('the lesson list groups lessons by chapter', async ({ page }) => {
  const errors = collectPageErrors(page);
  const player = new LessonPlayer(page);
  await player.goto('#/lessons');
  const chapters = page.getByTestId('chapter');
  await expect(chapters.first().getByRole('heading')).toHaveText('Sharing the load');
  await expect(chapters.first().getByTestId('lesson-one-server-is-not-enough')).toBeVisible();
  const routing = chapters.filter({ has: page.getByRole('heading', { name: 'Routing requests' }) });
  await expect(routing.getByTestId('lesson-paths-to-services')).toBeVisible();
  const state = chapters.filter({ has: page.getByRole('heading', { name: 'State and security at the balancer' }) });
  await expect(state.getByTestId('lesson-sticky-sessions')).toBeVisible();
  await expect(state.getByTestId('lesson-sticky-or-a-shared-store')).toBeVisible();
  await page.screenshot({ path: artifactPath('lesson-list-chapters.png'), fullPage: true });
  expect(errors).toEqual([]);
});

test('a learner completes Sticky sessions: predicts, sees the cost of source IP, keeps every cart with a cookie', async ({ page }) => {
  const errors = collectPageErrors(page);
  const player = new LessonPlayer(page);
  await player.goto('#/lessons/sticky-sessions/1');
  await expect(player.stepTitle).toHaveText('Carts in memory');
  await opened(player);

  await page.getByRole('radio', { name: /Most of them/ }).check();
  await page.getByTestId('predict-submit').click();
  await player.advance(30_000);
  await expect(page.getByTestId('predict-outcome')).toContainText('You predicted “Most of them, over and over”');
  // the reveal shows the learner's own count (a number, not the fallback marked "in our run")
  await expect(page.getByTestId('reveal')).toContainText(/\d[\d,]* carts were lost in the first 30 s/);
  await expect(page.getByTestId('reveal')).not.toContainText('in our run');

  await page.getByTestId('step-next').click();
  await expect(player.stepTitle).toHaveText('Stick each shopper to one target');
  await expect(player.goal('carts-kept')).toHaveAttribute('data-met', 'false');
  await page.screenshot({ path: artifactPath('sticky-task.png'), fullPage: true });

  // source IP first: every cart kept, but the office's one address makes web-1 the hot target
  await page.getByTestId('lesson-reset').click();
  await opened(player);
  await page.getByRole('button', { name: 'Try: Stick by source IP (NLB source_ip)' }).click();
  await expect(player.goal('sticky')).toHaveAttribute('data-met', 'true');
  await player.advance(120_000);
  await expect(player.goal('carts-kept')).toHaveAttribute('data-met', 'true');
  await expect(player.goal('no-hot-target')).toHaveAttribute('data-met', 'false');
  await expect(page.getByTestId('check-failed')).toBeVisible();

  // then the cookie, from the start
  await page.getByTestId('lesson-reset').click();
  await opened(player);
  await page.getByRole('button', { name: 'Try: Stick by cookie (ALB lb_cookie)' }).click();
  await player.advance(120_000);
  for (const id of ['sticky', 'carts-kept', 'no-hot-target']) await expect(player.goal(id)).toHaveAttribute('data-met', 'true');
  await expect(player.complete).toContainText('Lesson complete');
  await page.screenshot({ path: artifactPath('sticky-done.png'), fullPage: true });
  expect(errors).toEqual([]);
});

test('a learner completes Paths to services: the storefront is slow behind orders until /orders gets its own group', async ({ page }) => {
  const errors = collectPageErrors(page);
  const player = new LessonPlayer(page);
  await player.goto('#/lessons/paths-to-services/1');
  await expect(player.stepTitle).toHaveText('One group for everything');
  await opened(player);
  await page.getByRole('radio', { name: /slow down and fail/ }).check();
  await page.getByTestId('predict-submit').click();
  await player.advance(30_000);
  await expect(page.getByTestId('predict-outcome')).toContainText('You predicted “They slow down and fail along with the orders”');

  await page.getByTestId('step-next').click();
  await expect(player.stepTitle).toHaveText('Rules by path');
  await page.getByTestId('lesson-reset').click();
  await opened(player);
  await page.getByRole('button', { name: 'Try: Give /orders its own target group' }).click();
  await page.getByRole('button', { name: 'Try: Send /products and /cart to web; no default action' }).click();
  await player.advance(90_000);
  for (const id of ['storefront-fast', 'few-errors', 'scanners-404']) await expect(player.goal(id)).toHaveAttribute('data-met', 'true');
  await expect(player.complete).toContainText('Lesson complete');
  await page.screenshot({ path: artifactPath('paths-done.png'), fullPage: true });
  expect(errors).toEqual([]);
});

test('a learner completes Hosts and headers in the Build tab: a host condition on /products, the shadowing /cart rule deleted', async ({ page }) => {
  const errors = collectPageErrors(page);
  const player = new LessonPlayer(page);
  await player.goto('#/lessons/hosts-and-headers/1');
  await opened(player);
  await page.getByRole('radio', { name: /To shop: the \/products rule matches first/ }).check();
  await page.getByTestId('predict-submit').click();
  await player.advance(30_000);
  await expect(page.getByTestId('reveal')).toContainText(/admin-1 served only \d[\d,]* requests by 30 s/);
  await expect(page.getByTestId('reveal')).not.toContainText('in our run');

  await page.getByTestId('step-next').click();
  await expect(player.stepTitle).toHaveText('Conditions are ANDed');
  await page.getByTestId('lesson-reset').click();
  await opened(player);
  await page.getByRole('tab', { name: 'Build' }).click();
  const rules = page.getByTestId('builder').locator('[data-testid="outline-node"][data-kind="rule"]');
  await expect(rules).toHaveCount(4);
  await rules.first().click();
  const host = page.getByTestId('inspector').locator('[data-key="host"] input');
  await host.fill('shop.securecart.com');
  await host.press('Enter');
  await expect(rules.first()).toContainText('/products, host shop.securecart.com → shop');
  // the A/B rule (last) is shadowed by the plain /cart rule: delete that one, and carts without the cookie take the default action
  await rules.nth(1).click();
  await page.getByTestId('inspector').getByRole('button', { name: /Delete/ }).click();
  await page.getByTestId('confirm-delete').getByRole('button', { name: 'Delete', exact: true }).click();
  await expect(rules).toHaveCount(3);
  await expect(rules.last()).toContainText('/cart, cookie ab=b → cart-beta');
  await player.advance(90_000);
  for (const id of ['shop-fast', 'no-failures', 'beta-carts']) await expect(player.goal(id)).toHaveAttribute('data-met', 'true');
  await page.screenshot({ path: artifactPath('hosts-and-headers-built.png') });
  expect(errors).toEqual([]);
});

test('a learner completes Sticky or a shared store with the keyboard alone', async ({ page }) => {
  const errors = collectPageErrors(page);
  const player = new LessonPlayer(page);
  await player.goto('#/lessons');
  await player.tabTo(player.lessonEntry('sticky-or-a-shared-store').getByRole('link'));
  await page.keyboard.press('Enter');
  await expect(player.stepTitle).toHaveText('After the crash');
  await opened(player);

  await player.tabTo(page.getByRole('radio').first());
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await expect(page.getByRole('radio').nth(2)).toBeChecked();
  await player.tabTo(page.getByTestId('predict-submit'));
  await page.keyboard.press('Enter');
  await player.advance(140_000);
  await expect(page.getByTestId('predict-outcome')).toContainText('You predicted “Almost none: every shopper is stuck elsewhere”');

  await player.tabTo(page.getByTestId('step-next'));
  await page.keyboard.press('Enter');
  await expect(player.stepTitle).toHaveText('A store every target can reach');
  await expect(player.stepTitle).toBeFocused();

  await player.tabTo(page.getByTestId('lesson-reset'));
  await page.keyboard.press('Enter');
  await opened(player);
  for (const name of ['Try: Keep sessions in a shared store (2 ms)', 'Try: Turn stickiness off']) {
    await player.tabTo(page.getByRole('button', { name }));
    await page.keyboard.press('Enter');
  }
  await player.advance(150_000);
  for (const id of ['carts-kept', 'web-2-back', 'fast']) await expect(player.goal(id)).toHaveAttribute('data-met', 'true');
  await expect(player.complete).toContainText('Lesson complete');
  await page.screenshot({ path: artifactPath('shared-store-done.png'), fullPage: true });

  // the next step compares with the sticky run on identical traffic, using this run's numbers
  await player.tabTo(page.getByTestId('step-next'));
  await page.keyboard.press('Enter');
  await expect(player.stepTitle).toHaveText('Identical traffic, two answers');
  await expect(page.getByTestId('reveal')).toContainText(/In your run 0 carts were lost/);
  expect(errors).toEqual([]);
});
