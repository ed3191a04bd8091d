import { expect, test, type Locator, type Page } from '@playwright/test';
import { LessonPlayer } from './support/lesson-page.ts';
import { collectPageErrors } from './support/page-errors.ts';
import { snap } from './support/artifacts.ts';
import { expectAccessible, VIEWPORTS } from './support/screen.ts';

// The time controls stick to the top of the window while the page scrolls. Stuck, they fold to one line, so that
// the picture and the charts under them stay in view: a laptop's line is at most 64 px, a phone's 56 px (the
// whole bar took 178 px of a 1366 × 768 window, 23 %). Nothing moves under the reader when the bar folds.
const LAPTOP = { width: 1366, height: 768 };
const LINE_PX = { laptop: 64, phone: 56 };

/** Scrolls the window so that the bar's place in the page is `below` px above the window's top. */
async function scrollPastBar(page: Page, below: number): Promise<void> {
  await page.evaluate((by) => {
    const bar = document.querySelector('[data-testid="control-bar"]')!;
    // the bar's place in the page: where the page's next part starts, less the bar's room
    const next = bar.nextElementSibling ?? bar;
    window.scrollTo(0, next.getBoundingClientRect().top + window.scrollY + by);
  }, below);
}

/** Where `locator` is in the page (not in the window), in px from the page's top. */
function pageTop(locator: Locator): Promise<number> {
  return locator.evaluate((e) => e.getBoundingClientRect().top + window.scrollY);
}

/**
 * The page as the reader sees it next: two animation frames on. A fold driven by the focus or a click is laid out, and
 * its kept room set by a ResizeObserver, before that frame is painted; read too early (a busy machine), the room is not
 * yet there.
 */
async function painted(page: Page): Promise<void> {
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
}

async function height(locator: Locator): Promise<number> {
  return (await locator.boundingBox())!.height;
}

test('stuck at the top of a lesson, the time controls fold to one line that plays, keeps the focus and unfolds at the top', async ({ browser }) => {
  const context = await browser.newContext({ viewport: LAPTOP });
  const page = await context.newPage();
  const errors = collectPageErrors(page);
  const player = new LessonPlayer(page);
  await player.goto('#/lessons/round-robin-and-weights/1');
  await player.ready();
  const bar = page.getByTestId('control-bar');
  const play = bar.getByTestId('play');
  const step = bar.getByTestId('step');
  const more = bar.getByTestId('control-bar-more');
  const tabs = page.getByTestId('tab-charts');

  await expect(bar).toHaveAttribute('data-stuck', 'false');
  await expect(more).toBeHidden();
  const whole = await height(bar);
  // the whole bar is taller than a line: the fold below is a change
  expect(whole).toBeGreaterThan(LINE_PX.laptop);
  const tabsAt = await pageTop(tabs);

  // the keyboard on Play, the page scrolled on: the bar sticks and folds, Play keeps the focus
  await player.tabTo(play);
  await scrollPastBar(page, 300);
  await expect(bar).toHaveAttribute('data-stuck', 'true');
  await expect.poll(() => height(bar)).toBeLessThanOrEqual(LINE_PX.laptop);
  await expect(play).toBeFocused();
  // nothing under the bar moved when it folded
  await painted(page);
  expect(Math.abs((await pageTop(tabs)) - tabsAt)).toBeLessThan(1);
  await snap(page, 'compact-bar-stuck.png');
  await expectAccessible(page, 'the folded bar');
  // the line: Play, Restart run, the speed, the time and its slider, More; the rest is out of sight and of the Tab order
  for (const id of ['reset', 'speed', 'scrubber', 'sim-time']) await expect(bar.getByTestId(id)).toBeVisible();
  await expect(more).toBeVisible();
  await expect(more).toHaveAttribute('aria-expanded', 'false');
  await expect(step).toBeHidden();
  await expect(bar.getByTestId('forward')).toBeHidden();
  await expect(bar.getByTestId('speed-max')).toBeHidden();
  await page.keyboard.press('Tab');
  await expect(bar.getByTestId('reset')).toBeFocused();
  await page.keyboard.press('Shift+Tab');
  await expect(play).toBeFocused();

  // the folded bar plays and pauses (the status is out of sight, still read by a screen reader)
  await page.keyboard.press('Enter');
  await expect(player.status).toHaveText('Running');
  await bar.getByTestId('pause').click();
  await expect(player.status).toHaveText('Paused');

  // More shows every control over the page (which does not move); Less folds it again
  await more.click();
  await expect(more).toHaveAttribute('aria-expanded', 'true');
  await expect(step).toBeVisible();
  await expect(bar.getByTestId('requests-total')).toBeVisible();
  await painted(page);
  expect(Math.abs((await pageTop(tabs)) - tabsAt)).toBeLessThan(1);
  await expectAccessible(page, 'the stuck bar opened');
  await more.click();
  await expect(more).toHaveAttribute('aria-expanded', 'false');
  await expect(step).toBeHidden();
  await expect(more).toBeFocused();

  // back at the top: the whole bar, as tall as before, and the page as it was; the focus left More (gone) for Play
  await page.evaluate(() => window.scrollTo(0, 0));
  await expect(bar).toHaveAttribute('data-stuck', 'false');
  await expect(step).toBeVisible();
  await expect(more).toBeHidden();
  await expect(play).toBeFocused();
  expect(Math.abs((await height(bar)) - whole)).toBeLessThan(1);
  await painted(page);
  expect(Math.abs((await pageTop(tabs)) - tabsAt)).toBeLessThan(1);

  // the keyboard on a control the line hides: the bar stays whole until the focus moves on
  await player.tabTo(step);
  await scrollPastBar(page, 300);
  await expect(bar).toHaveAttribute('data-stuck', 'true');
  await expect(step).toBeVisible();
  await expect(step).toBeFocused();
  await page.keyboard.press('Shift+Tab');
  await expect(play).toBeFocused();
  await expect(step).toBeHidden();
  await expect.poll(() => height(bar)).toBeLessThanOrEqual(LINE_PX.laptop);
  await painted(page);
  expect(Math.abs((await pageTop(tabs)) - tabsAt)).toBeLessThan(1);
  expect(errors).toEqual([]);
  await context.close();
});

test('a control the keyboard focuses while the bar is stuck is never left under it, and the bar stays stuck', async ({ browser }) => {
  const context = await browser.newContext({ viewport: LAPTOP });
  const page = await context.newPage();
  const errors = collectPageErrors(page);
  const player = new LessonPlayer(page);
  await player.goto('#/lessons/round-robin-and-weights/1');
  await player.ready();
  const bar = page.getByTestId('control-bar');
  const tabs = page.getByTestId('tab-charts');
  // the next stop of the Tab order after the Charts tab (the charts' first control)
  const after = page.getByTestId('chart-span-recent');
  /** Px from the bar's bottom edge down to the control's top edge: negative while the bar covers part of it. */
  const clearance = async (control: Locator): Promise<number> => {
    const [c, b] = await Promise.all([control.boundingBox(), bar.boundingBox()]);
    return c!.y - (b!.y + b!.height);
  };

  // Shift+Tab up the page onto the Charts tab, its top 10 px below the window's (under the 49-51 px line: the
  // browser, which sees it in the window, scrolls nothing) and 30 px above it (scrolled just into view, at the top)
  for (const top of [10, -30]) {
    await tabs.evaluate((tab, y) => window.scrollTo(0, tab.getBoundingClientRect().top + window.scrollY - y), top);
    await expect(bar).toHaveAttribute('data-stuck', 'true');
    await expect.poll(() => height(bar)).toBeLessThanOrEqual(LINE_PX.laptop);
    expect(await clearance(tabs)).toBeLessThan(0);
    await after.evaluate((el) => (el as HTMLElement).focus({ preventScroll: true }));
    await page.keyboard.press('Shift+Tab');
    await expect(tabs).toBeFocused();
    expect(await clearance(tabs), `the Charts tab from ${top} px`).toBeGreaterThanOrEqual(0);
    await expect(bar).toHaveAttribute('data-stuck', 'true');
  }

  // on up the lab, control by control, to the bar itself: each one clear of the bar; the bar's own More takes the
  // focus where it is, without scrolling the page from under the bar, which stays stuck
  const more = bar.getByTestId('control-bar-more');
  for (let i = 0; i < 40 && !(await more.evaluate((el) => el === document.activeElement)); i++) {
    await page.keyboard.press('Shift+Tab');
    const inBar = await bar.evaluate((el) => el.contains(document.activeElement));
    if (!inBar) expect(await clearance(page.locator(':focus')), `the focus on ${await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))}`).toBeGreaterThanOrEqual(0);
  }
  await expect(more).toBeFocused();
  const scrolled = await page.evaluate(() => window.scrollY);
  await page.keyboard.press('Shift+Tab');
  await expect(bar.getByTestId('scrubber')).toBeFocused();
  expect(await page.evaluate(() => window.scrollY)).toBe(scrolled);
  await expect(bar).toHaveAttribute('data-stuck', 'true');
  await snap(page, 'compact-bar-focus-clear.png');
  expect(errors).toEqual([]);
  await context.close();
});

test('a window resized while the bar is stuck: the room kept is the whole bar at the new width, so nothing moves as it unsticks', async ({ browser }) => {
  const NARROW = { width: 1024, height: 768 };
  const context = await browser.newContext({ viewport: NARROW });
  const page = await context.newPage();
  const errors = collectPageErrors(page);
  const player = new LessonPlayer(page);
  await player.goto('#/lessons/round-robin-and-weights/1');
  await player.ready();
  const bar = page.getByTestId('control-bar');
  const tabs = page.getByTestId('tab-charts');
  // the whole bar and the page under it at 1024 px, then at 1366 px: the bar's rows wrap differently, so the two
  // rooms differ and keeping the wrong one is seen
  await expect(bar).toHaveAttribute('data-stuck', 'false');
  const narrow = { bar: await height(bar), tabs: await pageTop(tabs) };
  await page.setViewportSize(LAPTOP);
  await expect.poll(() => height(bar)).not.toBe(narrow.bar);
  const wide = { bar: await height(bar), tabs: await pageTop(tabs) };
  expect(Math.abs(wide.bar - narrow.bar)).toBeGreaterThan(5);

  // stuck and folded at 1366 px: the page keeps the wide bar's room
  await scrollPastBar(page, 300);
  await expect(bar).toHaveAttribute('data-stuck', 'true');
  await expect.poll(() => height(bar)).toBeLessThanOrEqual(LINE_PX.laptop);
  expect(Math.abs((await pageTop(tabs)) - wide.tabs)).toBeLessThan(1);

  // the window narrowed while the bar stays stuck: the page keeps the narrow bar's room, where it is once unstuck
  await page.setViewportSize(NARROW);
  await expect(bar).toHaveAttribute('data-stuck', 'true');
  await expect.poll(async () => Math.abs((await pageTop(tabs)) - narrow.tabs)).toBeLessThan(1);
  await page.evaluate(() => window.scrollTo(0, 0));
  await expect(bar).toHaveAttribute('data-stuck', 'false');
  expect(Math.abs((await height(bar)) - narrow.bar)).toBeLessThan(1);
  expect(Math.abs((await pageTop(tabs)) - narrow.tabs)).toBeLessThan(1);
  expect(errors).toEqual([]);
  await context.close();
});

test('on a phone the stuck bar is one line even when it was opened, and opens again at the top', async ({ browser }) => {
  const context = await browser.newContext({ viewport: VIEWPORTS.phone });
  const page = await context.newPage();
  const errors = collectPageErrors(page);
  const player = new LessonPlayer(page);
  await player.goto('#/sandbox');
  await player.ready();
  const bar = page.getByTestId('control-bar');
  const more = bar.getByTestId('control-bar-more');
  await more.click();
  await expect(more).toHaveAttribute('aria-expanded', 'true');
  const opened = await height(bar);
  expect(opened).toBeGreaterThan(LINE_PX.phone);
  const after = page.getByTestId('tab-charts');
  const afterAt = await pageTop(after);

  await scrollPastBar(page, 300);
  await expect(bar).toHaveAttribute('data-stuck', 'true');
  await expect(more).toHaveAttribute('aria-expanded', 'false');
  await expect.poll(() => height(bar)).toBeLessThanOrEqual(LINE_PX.phone);
  await expect(more).toBeFocused();
  expect(Math.abs((await pageTop(after)) - afterAt)).toBeLessThan(1);
  await bar.getByTestId('play').click();
  await expect(player.status).toHaveText('Running');
  await bar.getByTestId('pause').click();

  await page.evaluate(() => window.scrollTo(0, 0));
  await expect(bar).toHaveAttribute('data-stuck', 'false');
  await expect(more).toHaveAttribute('aria-expanded', 'true');
  expect(Math.abs((await height(bar)) - opened)).toBeLessThan(1);
  expect(Math.abs((await pageTop(after)) - afterAt)).toBeLessThan(1);
  expect(errors).toEqual([]);
  await context.close();
});

/** window.scrollY at every animation frame from now on, read back with `frames()`; and whether the bar was ever stuck. */
async function recordScroll(page: Page): Promise<{ frames: () => Promise<number[]>; stuck: () => Promise<boolean> }> {
  await page.evaluate(() => {
    const w = window as unknown as { scrolls: number[]; wasStuck: boolean };
    w.scrolls = [];
    w.wasStuck = false;
    const bar = document.querySelector<HTMLElement>('[data-testid="control-bar"]')!;
    const frame = () => {
      w.scrolls.push(window.scrollY);
      w.wasStuck ||= bar.dataset.stuck === 'true';
      requestAnimationFrame(frame);
    };
    requestAnimationFrame(frame);
  });
  return {
    frames: () => page.evaluate(() => (window as unknown as { scrolls: number[] }).scrolls),
    stuck: () => page.evaluate(() => (window as unknown as { wasStuck: boolean }).wasStuck),
  };
}

/** Waits `n` animation frames (a smooth scroll moves on, the bar's observers are told). */
function frames(page: Page, n: number): Promise<void> {
  return page.evaluate((count) => new Promise<void>((done) => {
    const next = (left: number) => (left === 0 ? done() : requestAnimationFrame(() => next(left - 1)));
    next(count);
  }), n);
}

/** The frames at which the window moved against `down` (up while the reader scrolls down), with their neighbours. */
function backwards(frames: number[], down: boolean): number[][] {
  const against: number[][] = [];
  for (let i = 1; i < frames.length; i++) {
    const moved = frames[i] - frames[i - 1];
    if (down ? moved < -0.5 : moved > 0.5) against.push(frames.slice(Math.max(0, i - 2), i + 2));
  }
  return against;
}

// Seen walking lesson 2 at 1280 × 720: as the bar stuck, the window went 432 → 308 → 432 px (at the foot of the page,
// shorter by the fold for one layout), and near the top it went back above the bar, which came unstuck, again and
// again (scroll anchoring moved the window with everything under the folding bar): the wheel could not get past it.
for (const viewport of [{ width: 1280, height: 720 }, LAPTOP]) {
  test(`at ${viewport.width} × ${viewport.height} the page never moves against the reader as the bar sticks and unsticks (wheel, arrows, Tab)`, async ({ browser }) => {
    const context = await browser.newContext({ viewport });
    const page = await context.newPage();
    const errors = collectPageErrors(page);
    const player = new LessonPlayer(page);
    const bar = page.getByTestId('control-bar');
    const tabs = page.getByTestId('tab-charts');
    // down the page and back up: the wheel; the arrow keys; Tab down (the browser scrolls each control into view) and
    // the arrow keys up (Shift+Tab would stop at each of the stuck bar's controls)
    const inputs: Record<string, (down: boolean) => Promise<void>> = {
      wheel: (down) => page.mouse.wheel(0, down ? 60 : -60),
      arrows: (down) => page.keyboard.press(down ? 'ArrowDown' : 'ArrowUp'),
      Tab: (down) => page.keyboard.press(down ? 'Tab' : 'ArrowUp'),
    };
    for (const [how, input] of Object.entries(inputs)) {
      await player.goto('#/lessons/round-robin-and-weights/4');
      await player.ready();
      await expect(bar).toHaveAttribute('data-stuck', 'false');
      const tabsAt = await pageTop(tabs);
      // the lowest the window goes: past the bar by 300 px, or the page's foot (where a shorter page would show)
      const lowest = await bar.evaluate((el) => {
        const past = el.getBoundingClientRect().bottom + window.scrollY + 300;
        return Math.min(past, document.documentElement.scrollHeight - window.innerHeight);
      });
      // the mouse over the page (not over the diagram, whose wheel zooms)
      await page.mouse.move(viewport.width - 40, viewport.height - 10);
      const down = await recordScroll(page);
      for (let i = 0; i < 80 && (await page.evaluate(() => window.scrollY)) < lowest - 1; i++) {
        await input(true);
        await frames(page, 3);
      }
      expect(await down.stuck(), how).toBe(true);
      expect(backwards(await down.frames(), true), `${how} down: scrollY against the reader`).toEqual([]);
      // the page settled stuck and folded, nothing under the bar moved
      await expect(bar).toHaveAttribute('data-stuck', 'true');
      await expect.poll(() => height(bar)).toBeLessThanOrEqual(LINE_PX.laptop);
      expect(Math.abs((await pageTop(tabs)) - tabsAt), how).toBeLessThan(1);

      // and back up to the top: the bar unsticks and unfolds, the window only goes up
      // the focus off the control Tab reached (an arrow key would move a slider or a tab), on the step's title
      await page.getByTestId('step-title').evaluate((el) => (el as HTMLElement).focus({ preventScroll: true }));
      const up = await recordScroll(page);
      for (let i = 0; i < 80 && (await page.evaluate(() => window.scrollY)) > 0; i++) {
        await input(false);
        await frames(page, 3);
      }
      await expect(bar).toHaveAttribute('data-stuck', 'false');
      expect(backwards(await up.frames(), false), `${how} up: scrollY against the reader`).toEqual([]);
      expect(Math.abs((await pageTop(tabs)) - tabsAt), how).toBeLessThan(1);
    }
    expect(errors).toEqual([]);
    await context.close();
  });
}
