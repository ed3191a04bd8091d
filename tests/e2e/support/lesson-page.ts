/** A small page object for the lesson player: locators by data-testid, and keyboard-only helpers. */
import { expect, type Locator, type Page } from '@playwright/test';
import type { LabTestHook } from '../../../src/ui/shell/test-hook.ts';

declare global {
  interface Window {
    __lab: LabTestHook;
  }
}

export const PROGRESS_KEY = 'balancer-lab.progress';

export class LessonPlayer {
  readonly title: Locator;
  readonly stepTitle: Locator;
  readonly goals: Locator;
  readonly complete: Locator;
  readonly list: Locator;
  readonly progressNotice: Locator;
  readonly status: Locator;

  constructor(readonly page: Page) {
    this.title = page.getByTestId('lesson-title');
    this.stepTitle = page.getByTestId('step-title');
    this.goals = page.getByTestId('goals');
    // the lesson's goals met: "Lesson complete" at its last step, "Goals met" (with Continue) before it
    this.complete = page.getByTestId('lesson-complete').or(page.getByTestId('lesson-goals-met'));
    this.list = page.getByTestId('lesson-list');
    this.progressNotice = page.getByTestId('progress-notice');
    this.status = page.getByTestId('status');
  }

  /** Opens the app with the test hook on at `hash`. */
  async goto(hash: string): Promise<void> {
    await this.page.goto(`./?test${hash}`);
  }

  lessonEntry(slug: string): Locator {
    return this.page.getByTestId(`lesson-${slug}`);
  }

  goal(id: string): Locator {
    return this.page.getByTestId(`goal-${id}`);
  }

  /** Presses Tab (Shift+Tab with `back`) until `target` has the focus; fails after `max` presses. */
  async tabTo(target: Locator, { max = 250, back = false } = {}): Promise<void> {
    const handle = await target.elementHandle();
    for (let i = 0; i < max; i++) {
      if (await this.page.evaluate((el) => document.activeElement === el, handle)) return;
      await this.page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
    }
    throw new Error(`could not reach ${String(target)} with the Tab key`);
  }

  /** Moves a focused <select> with the arrow keys until it shows `value`. */
  async arrowSelect(select: Locator, value: string, max = 20): Promise<void> {
    for (let i = 0; i < max && (await select.inputValue()) !== value; i++) await this.page.keyboard.press('ArrowDown');
    await expect(select).toHaveValue(value);
  }

  /** Replaces a focused field's text by typing, and submits its form with Enter. */
  async typeAndEnter(text: string): Promise<void> {
    await this.page.keyboard.press('ControlOrMeta+a');
    await this.page.keyboard.type(text);
    await this.page.keyboard.press('Enter');
  }

  /** Runs on by `ms` of simulated time through the test hook (no waiting on the wall clock). */
  async advance(ms: number): Promise<number> {
    await this.page.waitForFunction(() => window.__lab !== undefined);
    return this.page.evaluate((n) => window.__lab.advance(n), ms);
  }

  /** Waits until the world is loaded and paused (`timeout`: longer than the default, for a first load on a busy machine). */
  async ready(timeout?: number): Promise<void> {
    await expect(this.status).toHaveText('Paused', { timeout });
  }
}
