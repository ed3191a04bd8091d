import { expect, test } from '@playwright/test';
import { LabPage } from './support/lab-page.ts';
import { LessonPlayer } from './support/lesson-page.ts';
import { collectPageErrors } from './support/page-errors.ts';
import { snap } from './support/artifacts.ts';
import { expectFocusInside, focused, journey, LOAD, next, playFlatOut, predict, RUN } from './support/keyboard-keys.ts';

/*
 * Lessons by keyboard alone: after page.goto, only page.keyboard (no click, no test-hook time jumps). Each
 * journey names the kinds of lesson control it operates (support/keyboard-journeys.ts) and checks at its end
 * that it used every one of them; tests/content/keyboard-coverage.test.ts checks that every kind any lesson
 * needs is in some journey. Time passes only by "Run to the moment", Solve, or playing at the top speed.
 */

test('the lab works from the keyboard: shortcuts, their list, and every control in tab order', async ({ page }) => {
  const errors = collectPageErrors(page);
  const lab = new LabPage(page);
  await lab.goto();
  await lab.ready();

  // The list of shortcuts is a modal dialog: Tab stays in it, Escape closes it and the focus goes back.
  await page.getByTestId('play').focus();
  await page.keyboard.press('?');
  const dialog = page.getByTestId('shortcuts');
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText('Step to the next event');
  await snap(page, 'shortcuts.png');
  for (let i = 0; i < 6; i++) await page.keyboard.press('Tab');
  await expectFocusInside(page, dialog);
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('play')).toBeFocused();

  await page.keyboard.press('+');
  await expect(page.getByTestId('speed-value')).toHaveText('2×');
  await page.keyboard.press('-');
  await page.keyboard.press('-');
  await expect(page.getByTestId('speed-value')).toHaveText('0.5×');

  // Shortcuts stay out of the way while typing.
  await lab.tab('scenario');
  await page.getByTestId('editor').focus();
  await page.keyboard.press('Space');
  await expect(lab.status).toHaveText('Paused');

  // Tab reaches the time controls, and a focused button is pressed with Space.
  await page.locator('body').click({ position: { x: 5, y: 5 } });
  const reached = new Set<string>();
  for (let i = 0; i < 40; i++) {
    await page.keyboard.press('Tab');
    const id = await page.evaluate(() => document.activeElement?.getAttribute('data-testid') ?? '');
    reached.add(id);
    if (id === 'play') break;
  }
  expect([...reached]).toEqual(expect.arrayContaining(['nav-sandbox', 'nav-compare', 'catalog', 'share', 'seed', 'play']));
  await page.keyboard.press('Space');
  await expect(lab.status).toHaveText('Running');
  await page.keyboard.press('Space');
  await expect(lab.status).toHaveText('Paused');
  expect(errors).toEqual([]);
});

test('lesson 1 by keyboard, start to finish: predictions, runs to the moment, hints, the controls, the picture’s menu, and on to lesson 2', async ({ page }) => {
  test.setTimeout(60_000);
  const errors = collectPageErrors(page);
  const player = new LessonPlayer(page);
  const j = journey('lesson 1');
  await player.goto('#/');
  await player.tabTo(page.getByTestId('home-start'));
  await page.keyboard.press('Enter');
  await expect(player.stepTitle).toHaveText('A site on a single server');
  await expect(player.stepTitle).toBeFocused();
  await player.ready(LOAD);

  // Running ahead would give the answer away: first a prediction. Locked in, the focus goes to what happens next.
  await expect(page.getByTestId('wait')).toContainText('Lock in a prediction first');
  await predict(player, 2);
  await expect(page.getByTestId('predict-locked')).toBeFocused();
  j.use('predict');
  // one press runs to everything the step waits for (the crash, then the prediction's moment); the focus goes to the outcome
  await player.tabTo(page.getByTestId('run-to-moment'));
  await expect(page.getByTestId('run-to-moment')).toHaveText('Run until web-1 crashes');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('wait')).toContainText('Done: web-1 crashes', RUN);
  await expect(page.getByTestId('predict-outcome')).toContainText('You predicted “All of them”. The run shows: All of them');
  await expect(page.getByTestId('predict-result')).toBeFocused();
  await snap(page, 'keyboard-outcome-focus.png');
  j.use('run-to-moment');
  await expect(player.goal('site-up')).toHaveAttribute('data-state', 'pending');

  await next(player, 'Three targets behind one name');
  j.use('continue');
  await player.tabTo(page.getByTestId('step-back'));
  await page.keyboard.press('Enter');
  await expect(player.stepTitle).toHaveText('A site on a single server');
  await expect(player.stepTitle).toBeFocused();
  j.use('back');
  await next(player, 'Three targets behind one name');
  await player.ready(LOAD);
  await expect(page.getByRole('radio', { checked: true })).toHaveCount(0); // no answer carried over
  await predict(player, 2);
  await player.tabTo(page.getByTestId('run-to-moment'));
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('wait')).toContainText('Done:', RUN); // a 105 s run to the moment in the DNS scene
  await expect(page.getByTestId('predict-result')).toBeFocused();

  await next(player, 'Why DNS reacts so slowly');
  await expect(page.getByTestId('reveal')).toContainText(/In your run Route 53 marked record-1 unhealthy at 105 s/);

  // The task step: the hint ladder to its last rung, whose button goes away: the focus goes to the solution.
  await next(player, 'A balancer that checks its targets');
  await player.ready(LOAD);
  await player.tabTo(page.getByTestId('hint-more'));
  for (const rung of ['A nudge', 'The concept', 'The exact control']) {
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('hints')).toContainText(rung);
    await expect(page.getByTestId('hint-more')).toBeFocused();
  }
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('hint-solution')).toBeFocused();
  await expect(page.getByTestId('hints')).toContainText('web: 3 targets');
  await snap(page.getByTestId('hints'), 'keyboard-hint-solution-focus.png');
  j.use('hints');

  // The tabs under the picture: arrows move between them; the task step opened the controls.
  await player.tabTo(page.getByTestId('tab-controls'));
  await expect(page.getByTestId('tab-controls')).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('ArrowRight');
  await expect(page.getByTestId('tab-charts')).toBeFocused();
  await expect(page.getByTestId('tab-charts')).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('ArrowLeft');
  await expect(page.getByTestId('tab-controls')).toBeFocused();
  j.use('lab-tabs');

  // Three targets, and a health check; the Apply button keeps the focus once applied.
  await player.tabTo(page.getByTestId('count-web'));
  await player.typeAndEnter('3');
  await expect(page.getByTestId('topology-node-web-3')).toBeVisible();
  await expect(player.goal('three-targets')).toHaveAttribute('data-state', 'met');
  j.use('group-count');
  await player.tabTo(page.getByTestId('hc-mode-web'));
  await player.arrowSelect(page.getByTestId('hc-mode-web'), 'aws-alb');
  await player.tabTo(page.getByTestId('hc-apply-web'));
  await page.keyboard.press('Enter');
  await expect(player.goal('health-check')).toHaveAttribute('data-state', 'met');
  await expect(page.getByTestId('hc-apply-web')).toBeFocused();
  await expect(page.getByTestId('hc-apply-web')).toHaveAttribute('aria-disabled', 'true');
  await snap(page.getByTestId('health-check-web'), 'keyboard-apply-focus.png');
  j.use('group-health-check');

  // A target's menu on the picture: Enter opens it on its first action, arrows move, Tab stays inside,
  // Escape (or an action) closes it and gives the focus back to the target.
  const node = page.getByTestId('topology-node-web-2');
  const menu = page.getByTestId('target-menu');
  await player.tabTo(node);
  await page.keyboard.press('Enter');
  await expect(menu).toBeVisible();
  await expect(page.getByTestId('target-action-crash')).toBeFocused();
  await snap(page, 'keyboard-target-menu.png');
  for (let i = 0; i < 12; i++) await page.keyboard.press('Tab');
  await expectFocusInside(page, menu);
  for (let i = 0; i < 12; i++) await page.keyboard.press('Shift+Tab');
  await expectFocusInside(page, menu);
  await page.keyboard.press('Escape');
  await expect(menu).toBeHidden();
  await expect(node).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('target-action-crash')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(menu).toBeHidden();
  await expect(node).toBeFocused();
  await expect(node).toHaveAttribute('data-state', 'crashed');
  await page.keyboard.press('Enter');
  for (let i = 0; i < 10 && (await focused(page)) !== 'target-action-recover'; i++) await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(node).toHaveAttribute('data-state', 'up');
  await expect(node).toBeFocused();
  j.use('target-action');

  await next(player, 'The blind window');
  await player.tabTo(page.getByTestId('run-to-moment'));
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('reveal')).toContainText(/In your run web-1 left rotation \d+ s after the crash, and [\d,]+ requests failed/, RUN);
  await expect(page.getByTestId('reveal')).toBeFocused();
  // On to the check at 120 s: "+" to the top speed, K plays from anywhere.
  await playFlatOut(page);
  j.use('play');
  await expect(player.complete).toContainText(/Lesson complete|Goals met/, { timeout: 20_000 });
  await expect(page.getByTestId('lesson-announce')).toHaveText(/Lesson complete/);
  for (const goal of await page.locator('[data-testid^="goal-"][data-state]').all()) await expect(goal).toHaveAttribute('data-state', 'met');
  await snap(page, 'lesson-1-complete.png');

  await player.tabTo(page.getByTestId('next-lesson'));
  await page.keyboard.press('Enter');
  await expect(player.title).toHaveText('Round robin and its weighted cousin');
  await expect(player.stepTitle).toBeFocused();
  j.use('next-lesson');
  j.done();
  expect(errors).toEqual([]);
});
