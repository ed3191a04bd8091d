import { expect, test } from '@playwright/test';
import { LabPage } from './support/lab-page.ts';
import { collectPageErrors } from './support/page-errors.ts';
import { snap } from './support/artifacts.ts';
import { encodeRun } from '../../src/sim/share-link.ts';
import { BENCHES } from '../../scripts/bench-scenarios.ts';
import { validateScenario } from '../../src/scenario/validate.ts';

// "1×" must not stand over a run that plays at 0.6×: a world too big for the computer says the speed it reaches.
test('the speed bar says what speed a run really reaches when it falls short, and at max speed', async ({ page }) => {
  const errors = collectPageErrors(page);
  const lab = new LabPage(page);

  // the starter world at 1× keeps up on any computer: nothing is said
  await lab.goto();
  await lab.ready();
  await page.getByTestId('play').click();
  await expect(lab.simTime).not.toHaveText('0.0 s');
  await page.waitForTimeout(3000); // longer than the meter's 2 s window
  await expect(page.getByTestId('speed-reached')).toHaveCount(0);
  await page.getByTestId('pause').click();

  // Black Friday at a million requests a second
  const world = validateScenario(BENCHES.find((b) => b.id === 'R3')!.scenario);
  if (!world.ok) throw new Error('the bench world is invalid');
  await lab.goto(`#/sandbox?s=${encodeRun({ scenario: { ...world.value, durationSec: 600 }, seed: 1, atMs: 0, changes: [] })}`);
  await expect(lab.scenarioName).toHaveText(world.value.name!); // a hash change: the page stays, the world is new
  await lab.ready();
  const reached = page.getByTestId('speed-reached');
  // asked at 1000×, a billion requests a second, beyond any computer: the speed it reaches instead
  await page.evaluate(() => window.__lab.setSpeed(1000));
  await expect(page.getByTestId('speed-value')).toHaveText('1000×');
  await page.getByTestId('play').click();
  await expect(reached).toHaveText(/^reaching [\d.,]+×$/, { timeout: 10_000 });
  await expect(reached).toHaveAttribute('title', /slower than the 1000× asked for/);
  const rate = Number((await reached.textContent())!.replace(/[^\d.]/g, ''));
  expect(rate).toBeGreaterThan(0);
  expect(rate).toBeLessThan(900);
  await snap(page, 'speed-reached.png');
  // as fast as possible: how fast that is, here
  await page.getByTestId('speed-max').check();
  await expect(reached).toHaveAttribute('title', /^As fast as possible: [\d.,]+× of real time on this computer\.$/, { timeout: 10_000 });
  expect(errors).toEqual([]);
});
