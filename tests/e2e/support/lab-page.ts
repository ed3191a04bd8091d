/** A small page object for the lab: locators by data-testid, numbers read back as numbers, time jumped through the test hook. */
import { expect, type Locator, type Page } from '@playwright/test';
import type { LabTestHook } from '../../../src/ui/shell/test-hook.ts';
import type { TargetView as TargetRow } from '../../../src/sim/snapshot-decoder.ts';
import type { Change } from '../../../src/scenario/schema.ts';

declare global {
  interface Window {
    __lab: LabTestHook;
  }
}

export class LabPage {
  readonly status: Locator;
  readonly simTime: Locator;
  readonly p50: Locator;
  readonly p99: Locator;
  readonly crashed: Locator;
  readonly notice: Locator;
  readonly scenarioName: Locator;

  constructor(readonly page: Page) {
    this.status = page.getByTestId('status');
    this.simTime = page.getByTestId('sim-time');
    this.p50 = page.getByTestId('p50');
    this.p99 = page.getByTestId('p99');
    this.crashed = page.getByTestId('crashed');
    this.notice = page.getByTestId('notice');
    this.scenarioName = page.getByTestId('scenario-name');
  }

  /** Opens the lab with the test hook on; `hash` defaults to the sandbox. */
  async goto(hash = '#/sandbox'): Promise<void> {
    await this.page.goto(`./?test${hash}`);
  }

  /** Waits until the worker has opened the scenario and the run is ready to play. */
  async ready(): Promise<void> {
    await expect(this.status).toHaveText('Paused');
  }

  /** Opens an example from the sandbox's list and waits until it is ready to play. */
  async openExample(key: string, name: string): Promise<void> {
    await this.page.getByTestId('catalog').selectOption(key);
    await this.page.getByTestId('open-catalog').click();
    await expect(this.scenarioName).toHaveText(name);
    await this.ready();
  }

  /** Goes to a simulated moment through the playback machine (as the scrubber does) and waits for it. */
  async seek(timeMs: number): Promise<void> {
    await this.page.evaluate((t) => window.__lab.seek(t), timeMs);
    await expect(this.simTime).toHaveText(`${(timeMs / 1000).toFixed(1)} s`);
    await this.ready();
  }

  /** Event-log entries whose text matches. */
  events(text: RegExp): Locator {
    return this.page.getByTestId('event-log').getByRole('button', { name: text });
  }

  async play(): Promise<void> {
    await this.page.getByRole('button', { name: 'Play' }).click();
    await expect(this.status).toHaveText('Running');
  }

  async pause(): Promise<void> {
    await this.page.getByRole('button', { name: 'Pause' }).click();
    await expect(this.status).toHaveText('Paused');
  }

  /** Sets the speed with the slider (a log10 scale). */
  async setSpeed(speed: number): Promise<void> {
    await this.page.getByLabel('Speed', { exact: true }).fill(String(Math.log10(speed)));
    await expect(this.page.getByTestId('speed-value')).toHaveText(`${speed}×`);
  }

  /** Simulated time in seconds, as shown. */
  async simSeconds(): Promise<number> {
    return parseFloat(await this.simTime.innerText());
  }

  /** A whole number shown in the element with this test id ("1,234" → 1234). */
  async count(testId: string): Promise<number> {
    return Number((await this.page.getByTestId(testId).innerText()).replace(/[^\d.-]/g, ''));
  }

  /** Runs on by `ms` of simulated time without waiting for the wall clock (pauses first). */
  async advance(ms: number): Promise<number> {
    await this.page.waitForFunction(() => window.__lab !== undefined);
    return this.page.evaluate((n) => window.__lab.advance(n), ms);
  }

  /** The per-target numbers behind the view. */
  targets(): Promise<TargetRow[]> {
    return this.page.evaluate(() => window.__lab.targets());
  }

  async target(id: string): Promise<TargetRow> {
    const row = (await this.targets()).find((t) => t.id === id);
    if (!row) throw new Error(`no target ${id}`);
    return row;
  }

  changes(): Promise<{ atMs: number; change: Change }[]> {
    return this.page.evaluate(() => window.__lab.changes());
  }

  /** Lets the page draw a few more frames (no wall-clock sleeping). */
  async nextFrames(count = 5): Promise<void> {
    await this.page.evaluate(async (n) => {
      for (let i = 0; i < n; i++) await new Promise((resolve) => requestAnimationFrame(resolve));
    }, count);
  }

  /** Shows a tab beside (or under) the picture: charts, events, controls ("Change it") or scenario. */
  async tab(key: 'charts' | 'events' | 'controls' | 'scenario'): Promise<void> {
    const tab = this.page.getByTestId(`tab-${key}`);
    if ((await tab.getAttribute('aria-selected')) !== 'true') await tab.click();
    await expect(tab).toHaveAttribute('aria-selected', 'true');
  }

  /** Picks a target in the parameter panel. */
  async pickTarget(id: string): Promise<void> {
    await this.tab('controls');
    await this.page.getByTestId('target-pick').selectOption(id);
  }

  async targetAction(id: string, action: string): Promise<void> {
    await this.pickTarget(id);
    await this.page.getByTestId(`action-${action}`).click();
    await expect(this.page.getByTestId('change-entry').last()).toContainText(`${id}: ${action}`);
  }
}
