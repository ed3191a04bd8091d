/** A small page object for the lab page: locators by data-testid, numbers read back as numbers. */
import { expect, type Locator, type Page } from '@playwright/test';

export class LabPage {
  readonly status: Locator;
  readonly simTime: Locator;
  readonly p50: Locator;
  readonly p99: Locator;
  readonly crashed: Locator;

  constructor(readonly page: Page) {
    this.status = page.getByTestId('status');
    this.simTime = page.getByTestId('sim-time');
    this.p50 = page.getByTestId('p50');
    this.p99 = page.getByTestId('p99');
    this.crashed = page.getByTestId('crashed');
  }

  async goto(): Promise<void> {
    await this.page.goto('./');
  }

  /** Waits until the worker has opened the scenario and the run is ready to play. */
  async ready(): Promise<void> {
    await expect(this.status).toHaveText('Paused');
  }

  async play(): Promise<void> {
    await this.page.getByRole('button', { name: 'Play' }).click();
    await expect(this.status).toHaveText('Running');
  }

  async pause(): Promise<void> {
    await this.page.getByRole('button', { name: 'Pause' }).click();
    await expect(this.status).toHaveText('Paused');
  }

  async setSpeed(speed: number): Promise<void> {
    await this.page.getByLabel('Speed').selectOption(String(speed));
  }

  /** Simulated time in seconds, as shown. */
  async simSeconds(): Promise<number> {
    return parseFloat(await this.simTime.innerText());
  }

  /** A whole number shown in the element with this test id ("1,234" → 1234). */
  async count(testId: string): Promise<number> {
    return Number((await this.page.getByTestId(testId).innerText()).replace(/[^\d.-]/g, ''));
  }

  targetRow(id: string): Locator {
    return this.page.getByTestId(`target-row-${id}`);
  }

  /** Lets the page draw a few more frames (no wall-clock sleeping). */
  async nextFrames(count = 5): Promise<void> {
    await this.page.evaluate(async (n) => {
      for (let i = 0; i < n; i++) await new Promise((resolve) => requestAnimationFrame(resolve));
    }, count);
  }
}
