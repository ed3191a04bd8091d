import { test } from '@playwright/test';
import { LabPage } from './support/lab-page.ts';
import { expectAccessible } from './support/screen.ts';

// Every route, as it first appears and with a run under way: no serious or critical axe violation.
for (const [name, hash, ready] of [
  ['home', '#/', 'home'],
  ['lesson list', '#/lessons', 'lesson-list'],
  ['a lesson step', '#/lessons/one-server-is-not-enough/1', 'lesson-step'],
  ['a lesson scene', '#/lessons/one-server-is-not-enough/2', 'lesson-step'],
  ['the sandbox', '#/sandbox', 'lab-view'],
  ['compare', '#/compare', 'compare-view-b'],
  ['an unknown address', '#/nowhere', 'placeholder'],
  ['teaching with the lab', '#/teach', 'teach-page'],
  ["a class's progress table", '#/teach/progress', 'progress-table-page'],
  ['a class link', '#/class?title=Week%203&lessons=round-robin-and-weights,one-server-is-not-enough&hide=solve,hints&seed=3', 'class-page'],
  ['an embedded lesson', '#/embed/lessons/one-server-is-not-enough/1', 'lesson-step'],
  ['the embedded sandbox', '#/embed/sandbox', 'lab-view'],
] as const) {
  test(`axe finds nothing serious on ${name}`, async ({ page }) => {
    const lab = new LabPage(page);
    await lab.goto(hash);
    await page.getByTestId(ready).first().waitFor();
    if (!['#/', '#/lessons', '#/nowhere', '#/teach', '#/teach/progress'].includes(hash) && !hash.startsWith('#/class')) {
      await lab.ready();
      await lab.advance(3_000).catch(() => {}); // compare has its own playback: the hook drives the sandbox's
    }
    await expectAccessible(page, name);
  });
}

test('axe finds nothing serious in the export panel', async ({ page }) => {
  const lab = new LabPage(page);
  await lab.goto();
  await lab.ready();
  await lab.advance(3_000);
  await page.getByTestId('exports-open').click();
  await page.getByTestId('config-text').waitFor();
  await expectAccessible(page, 'the export panel');
});

test('axe finds nothing serious in the tabs, the heat-map and present mode', async ({ page }) => {
  test.setTimeout(120_000); // axe on a page of fifty targets, five times
  const lab = new LabPage(page);
  await lab.goto();
  await lab.ready();
  await lab.openExample('large-fleet', '50 targets at 2,000 req/s');
  await lab.advance(5_000);
  for (const tab of ['charts', 'events', 'controls', 'scenario'] as const) {
    await lab.tab(tab);
    await expectAccessible(page, `sandbox, ${tab} tab, heat-map`);
  }
  await page.keyboard.press('p');
  await page.getByTestId('present-bar').waitFor();
  await expectAccessible(page, 'present mode');
});
