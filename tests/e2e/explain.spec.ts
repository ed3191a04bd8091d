import { expect, test } from '@playwright/test';
import { LabPage } from './support/lab-page.ts';
import { collectPageErrors } from './support/page-errors.ts';
import { artifactPath } from './support/artifacts.ts';

interface DrawnDot {
  id: number;
  kind: string;
  x: number;
  y: number;
}

declare global {
  interface Window {
    __dots?: () => DrawnDot[];
  }
}

test('click a failed dot during a crash and read why it failed', async ({ page }) => {
  const errors = collectPageErrors(page);
  const lab = new LabPage(page);
  await lab.goto();
  await lab.ready();
  await lab.advance(3_000);
  // b crashes: round robin (no health check, no retries in this scenario) keeps sending it a third of the requests
  expect(await page.evaluate(() => window.__lab.apply({ action: 'crash', target: 'b' }))).toBe(true);
  await lab.setSpeed(0.5);
  await lab.play();
  // wait until a failed dot is drawn, then pause: the dots stay where they are
  await page.waitForFunction(() => (window.__dots?.() ?? []).some((d) => d.kind === 'failed'), undefined, { timeout: 20_000 });
  await lab.pause();
  await lab.nextFrames(3);
  const dot = (await page.evaluate(() => window.__dots!())).find((d) => d.kind === 'failed');
  expect(dot, 'a failed dot on screen').toBeDefined();
  await page.mouse.click(dot!.x, dot!.y);

  await expect(page.getByTestId('tab-why')).toHaveAttribute('aria-selected', 'true');
  const title = page.getByTestId('journey-title');
  await expect(title).toContainText(`Request ${dot!.id}: refused`, { timeout: 30_000 });
  const journey = page.getByTestId('journey');
  // the journey names the target that refused and why
  await expect(journey).toContainText('sent to b');
  await expect(journey).toContainText(/b is down: connection refused|b crashed while holding it/);
  await expect(page.getByTestId('failed-reason').first()).toContainText('refused');
  await page.getByTestId('lab-view').screenshot({ path: artifactPath('explain-failed-dot-picture.png') });
  await page.getByTestId('explain-panel').screenshot({ path: artifactPath('explain-failed-dot.png') });
  expect(errors).toEqual([]);
});
