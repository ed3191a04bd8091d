/** Keyboard-only steps of the lesson journeys (keyboard.spec.ts, keyboard-builder.spec.ts): each presses keys, never clicks. */
import { expect, type Locator, type Page } from '@playwright/test';
import type { LessonPlayer } from './lesson-page.ts';
import { KEYBOARD_JOURNEYS, type Journey } from './keyboard-journeys.ts';

/** The kinds a journey has operated; `done` fails if one it names was not. */
export function journey<J extends Journey>(name: J) {
  const used = new Set<string>();
  return {
    use: (kind: (typeof KEYBOARD_JOURNEYS)[J][number]) => void used.add(kind),
    done: () => expect(KEYBOARD_JOURNEYS[name].filter((k) => !used.has(k))).toEqual([]),
  };
}

/** Runs to a moment go a simulated second at a time while a step waits for an event: on a busy machine, seconds. */
export const RUN = { timeout: 20_000 };

/** A world's first load (its worker, its first report) on a busy machine. */
export const LOAD = 15_000;

/** What has the focus, for messages: its test id, else its tag. */
export const focused = (page: Page) => page.evaluate(() => document.activeElement?.getAttribute('data-testid') ?? document.activeElement?.tagName ?? 'none');

/** Chooses a prediction's option with the arrow keys and locks it in with Enter. */
export async function predict(player: LessonPlayer, option: number, submit = 'predict-submit'): Promise<void> {
  const { page } = player;
  await player.tabTo(page.getByRole('radio').first());
  for (let i = 0; i < option; i++) await page.keyboard.press('ArrowDown');
  await expect(page.getByRole('radio').nth(option)).toBeChecked();
  await player.tabTo(page.getByTestId(submit));
  await page.keyboard.press('Enter');
}

/** Continue, by keyboard; the new step's heading has the focus. */
export async function next(player: LessonPlayer, title: string | RegExp): Promise<void> {
  await player.tabTo(player.page.getByTestId('step-next'));
  await player.page.keyboard.press('Enter');
  await expect(player.stepTitle).toHaveText(title);
  await expect(player.stepTitle).toBeFocused();
}

/** "+" up to the top speed (max), then K plays from wherever the focus is. */
export async function playFlatOut(page: Page): Promise<void> {
  for (let i = 0; i < 16 && (await page.getByTestId('speed-value').innerText()) !== 'max'; i++) await page.keyboard.press('+');
  await expect(page.getByTestId('speed-value')).toHaveText('max');
  await page.keyboard.press('k');
}

export async function expectFocusInside(page: Page, box: Locator): Promise<void> {
  expect(await box.evaluate((el) => el.contains(document.activeElement)), `focus on ${await focused(page)}`).toBe(true);
}

/** Shows a tab under the picture with the arrow keys, from the tab now selected (the one Tab reaches). */
export async function openTab(player: LessonPlayer, key: string): Promise<void> {
  const { page } = player;
  await player.tabTo(page.locator('[role="tab"][tabindex="0"]'));
  for (let i = 0; i < 5 && (await page.getByTestId(`tab-${key}`).getAttribute('aria-selected')) !== 'true'; i++) await page.keyboard.press('ArrowRight');
  await expect(page.getByTestId(`tab-${key}`)).toBeFocused();
}

/** Arrows along the builder's outline (from the node Tab reaches) until the inspector shows `pointer`. */
export async function outlineTo(player: LessonPlayer, pointer: string): Promise<void> {
  const { page } = player;
  const inspector = page.getByTestId('inspector');
  await player.tabTo(page.getByTestId('builder').locator('[data-testid="outline-node"][tabindex="0"]'));
  await page.keyboard.press('Home');
  for (let i = 0; i < 30 && (await inspector.getAttribute('data-pointer')) !== pointer; i++) await page.keyboard.press('ArrowDown');
  await expect(inspector).toHaveAttribute('data-pointer', pointer);
}
