import { expect, test } from '@playwright/test';
import { LessonPlayer } from './support/lesson-page.ts';
import { collectPageErrors } from './support/page-errors.ts';
import { snap } from './support/artifacts.ts';
import { VIEWPORTS } from './support/screen.ts';

// Black Friday's diagram (five target groups, each split by zone) is about twice as tall as the window. Opened at
// its top, the box showed targets beside empty space, the clients and the balancer below the fold.
test('a picture taller than its box opens on its clients and balancer, and the learner can scroll away from them', async ({ browser }) => {
  const context = await browser.newContext({ viewport: VIEWPORTS.laptop });
  const page = await context.newPage();
  const errors = collectPageErrors(page);
  const player = new LessonPlayer(page);
  await player.goto('#/lessons/black-friday-1m/1');
  await player.ready();
  const stage = page.getByTestId('diagram-stage');
  const size = await stage.evaluate((e) => ({ scroll: e.scrollHeight, client: e.clientHeight }));
  expect(size.scroll).toBeGreaterThan(2 * size.client);
  await expect(page.getByTestId('topology-balancer-alb')).toBeInViewport({ ratio: 1 });
  await expect(page.getByTestId('topology-clients')).toBeInViewport({ ratio: 1 });
  await snap(page, 'large-picture-opening.png');
  // the view is the learner's from then on: a run that redraws the picture does not pull it back
  await stage.evaluate((e) => (e.scrollTop = 0));
  await page.getByTestId('play').click();
  await expect(page.getByTestId('sim-time')).not.toHaveText('0.0 s');
  expect(await stage.evaluate((e) => e.scrollTop)).toBe(0);
  expect(errors).toEqual([]);
  await context.close();
});
