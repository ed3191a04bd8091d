import { expect, test, type Page } from '@playwright/test';
import { snap } from './support/artifacts.ts';

declare global {
  interface Window {
    received: { type: string; step?: number; goal?: string; lesson: string; source: string }[];
  }
}

/** A learning platform's page with the lab in an iframe, keeping every message the lab sends. */
async function host(page: Page, hash: string): Promise<void> {
  const src = new URL(`./${hash}`, test.info().project.use.baseURL + '/').href;
  await page.setContent(`<!doctype html><title>A course</title><h1>Week 3</h1>
    <iframe title="Balancer Lab" src="${src}" style="width:1200px;height:800px;border:0"></iframe>
    <script>window.received = []; addEventListener('message', (e) => received.push(e.data));</script>`);
}

const types = (page: Page) => page.evaluate(() => window.received.map((m) => `${m.type}${m.step ? ` ${m.step}` : ''}${m.goal ? ` ${m.goal}` : ''}`));

test('an embedded lesson has no site header and tells its host when a step is reached, goals are met and it is completed', async ({ page }) => {
  test.setTimeout(60_000);
  await page.setViewportSize({ width: 1240, height: 860 });
  await host(page, '#/embed/lessons/one-server-is-not-enough/1');
  const lab = page.frameLocator('iframe');
  await expect(lab.getByTestId('step-title')).toHaveText('A site on a single server');
  await expect(lab.getByTestId('nav-home')).toHaveCount(0);
  await expect.poll(() => types(page)).toEqual(['step-reached 1']);
  expect((await page.evaluate(() => window.received[0]))).toEqual({ source: 'balancer-lab', version: 1, lesson: 'one-server-is-not-enough', type: 'step-reached', step: 1, stepCount: 5, title: 'A site on a single server' });

  await expect(lab.getByTestId('status')).toHaveText('Paused');
  await lab.getByRole('radio', { name: 'All of them' }).check();
  await lab.getByTestId('predict-submit').click();
  await lab.getByTestId('run-to-moment').click();
  await expect(lab.getByTestId('predict-outcome')).toBeVisible();
  await lab.getByTestId('step-next').click();
  await expect(lab.getByTestId('step-title')).toHaveText('Three targets behind one name');
  await expect.poll(() => types(page)).toEqual(['step-reached 1', 'step-reached 2']);
  expect(await lab.locator('body').evaluate(() => location.hash)).toBe('#/embed/lessons/one-server-is-not-enough/2');
  await snap(page, 'embed-lesson.png');

  await lab.getByTestId('lesson-solve').click();
  // the goals are met before the lesson's last step: it counts as complete, and the page says steps remain
  await expect(lab.getByTestId('lesson-goals-met')).toBeVisible({ timeout: 30_000 });
  await expect(lab.getByTestId('lesson-goals-met')).toHaveAttribute('data-steps-left', /^[1-4]$/);
  await expect.poll(() => types(page)).toContain('lesson-completed');
  const all = await types(page);
  expect(all.filter((t) => t.startsWith('goal-met')).length).toBeGreaterThan(0);
  expect(all.indexOf('lesson-completed')).toBeGreaterThan(all.findLastIndex((t) => t.startsWith('goal-met')));

  // a link inside the lesson stays in the embed view ("Next lesson" waits for the last step; the trail is here now)
  await lab.getByRole('link', { name: 'Lessons', exact: true }).click();
  await expect.poll(() => lab.locator('body').evaluate(() => location.hash)).toBe('#/embed/lessons');
  await expect(lab.getByTestId('nav-home')).toHaveCount(0);
});

test('the embedded sandbox is the lab without the site header', async ({ page }) => {
  await page.goto('./#/embed/sandbox');
  await expect(page.getByTestId('lab-view')).toBeVisible();
  await expect(page.getByTestId('app')).toHaveAttribute('data-embedded', 'true');
  await expect(page.getByTestId('nav-home')).toHaveCount(0);
});
