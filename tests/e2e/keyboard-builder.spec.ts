import { expect, test } from '@playwright/test';
import { LessonPlayer } from './support/lesson-page.ts';
import { collectPageErrors } from './support/page-errors.ts';
import { snap } from './support/artifacts.ts';
import { expectFocusInside, journey, LOAD, next, openTab, outlineTo, playFlatOut, predict, RUN } from './support/keyboard-keys.ts';

/*
 * Lessons by keyboard alone, in the builder and the change-it panel (the lab and lesson 1: keyboard.spec.ts):
 * after page.goto, only page.keyboard (no click, no test-hook time jumps). Each journey names the kinds of lesson control it operates (support/keyboard-journeys.ts) and checks at its end
 * that it used every one of them; tests/content/keyboard-coverage.test.ts checks that every kind any lesson
 * needs is in some journey. Time passes only by "Run to the moment", Solve, or playing at the top speed.
 */

test('lesson 16 by keyboard: the builder’s outline and inspector, undo, Restart run, the balancer’s failure buttons, Reset this step and Solve', async ({ page }) => {
  test.setTimeout(60_000);
  const errors = collectPageErrors(page);
  const player = new LessonPlayer(page);
  const j = journey('lesson 16');
  await player.goto('#/lessons/the-balancer-itself/1');
  await player.ready(LOAD);
  await predict(player, 2);
  await player.tabTo(page.getByTestId('run-to-moment'));
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('predict-outcome')).toContainText('The run shows: All of them');
  await expect(page.getByTestId('predict-result')).toBeFocused();

  // The task: the Build tab opens on lb-1. Arrows move along the outline (and select); the inspector follows.
  await next(player, 'A standby pair');
  const builder = page.getByTestId('builder');
  const inspector = page.getByTestId('inspector');
  await expect(page.getByTestId('tab-build')).toHaveAttribute('aria-selected', 'true');
  await expect(inspector).toHaveAttribute('data-pointer', '/balancers/0');
  await player.tabTo(builder.locator('[data-testid="outline-node"][tabindex="0"]'));
  await page.keyboard.press('ArrowDown');
  await expect(inspector).not.toHaveAttribute('data-pointer', '/balancers/0');
  await page.keyboard.press('ArrowUp');
  await expect(inspector).toHaveAttribute('data-pointer', '/balancers/0');
  await expect(builder.getByRole('button', { name: 'balancer lb-1' })).toBeFocused();
  j.use('build-outline');

  // Add standby: the button goes, the focus goes to the standby's first field.
  const standby = inspector.locator('[data-key="standby"]').first();
  await player.tabTo(standby.getByRole('button', { name: 'Add standby' }));
  await page.keyboard.press('Enter');
  const heartbeat = standby.locator('[data-key="heartbeatIntervalSec"] input');
  await expect(heartbeat).toBeFocused();
  await expect(heartbeat).toHaveValue('1');
  await snap(standby, 'keyboard-standby-focus.png');
  j.use('build-field-object');
  await player.typeAndEnter('0.5');
  await page.keyboard.press('Tab');
  await expect(builder.getByTestId('builder-status')).toContainText('heartbeat interval = 0.5');
  await expect(standby.locator('[data-key="missedHeartbeats"] input')).toBeFocused(); // not dropped while the worker answered
  j.use('build-field-number');

  // Undo (the button keeps the focus), then Ctrl+Z and Ctrl+Shift+Z from a button: the standby goes and comes back.
  const undo = builder.getByTestId('undo');
  await player.tabTo(undo, { back: true });
  await page.keyboard.press('Enter');
  await expect(heartbeat).toHaveValue('1');
  await expect(undo).toBeFocused();
  await page.keyboard.press('ControlOrMeta+z');
  await expect(standby.getByRole('button', { name: 'Add standby' })).toBeVisible();
  await page.keyboard.press('ControlOrMeta+Shift+z');
  await expect(heartbeat).toHaveValue('1');
  await expect(undo).toBeFocused();
  j.use('build-undo');

  // Restart run: the standby is there from the start; the run to the takeover, its reveal with the learner's numbers.
  await player.tabTo(page.getByTestId('reset'), { back: true });
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('sim-time')).toHaveText('0.0 s');
  await player.ready(LOAD);
  await expect(page.getByTestId('reset')).toBeFocused();
  j.use('restart-run');
  await player.tabTo(page.getByTestId('run-to-moment'), { back: true });
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('reveal')).toContainText(/In your run the standby took over at \d+ s/, RUN);
  await expect(page.getByTestId('reveal')).toBeFocused();
  await playFlatOut(page);
  await expect(player.complete).toContainText(/Lesson complete|Goals met/, { timeout: 20_000 });
  for (const id of ['takeover', 'site-up']) await expect(player.goal(id)).toHaveAttribute('data-state', 'met');

  // The DNS scene: lb-2's failure button keeps the focus; Reset this step brings the scene back fresh.
  await next(player, 'Faster, and what it risks');
  await next(player, 'Several balancers behind one name');
  await player.ready(LOAD);
  const lb2 = page.getByTestId('infra-control-balancer-lb-2');
  await player.tabTo(page.getByTestId('infra-action-balancer-lb-2'));
  await page.keyboard.press('Enter');
  await expect(lb2).toHaveAttribute('data-state', 'down');
  await expect(page.getByTestId('infra-action-balancer-lb-2')).toBeFocused();
  j.use('infra-failure');
  await player.tabTo(page.getByTestId('lesson-reset'), { back: true });
  await page.keyboard.press('Enter');
  await expect(lb2).toHaveAttribute('data-state', 'up');
  await expect(page.getByTestId('sim-time')).toHaveText('0.0 s');
  await expect(page.getByTestId('lesson-reset')).toBeFocused();
  j.use('reset-step');
  await predict(player, 1);
  await player.tabTo(page.getByTestId('run-to-moment'));
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('predict-outcome')).toContainText('The run shows: About one in ten', RUN);
  await expect(page.getByTestId('predict-result')).toBeFocused();

  // Solve: back to the task step with the solution run to the check; the focus goes to that step's heading.
  await next(player, 'What a managed balancer does');
  await player.tabTo(page.getByTestId('lesson-solve'));
  await page.keyboard.press('Enter');
  await expect(player.stepTitle).toHaveText('A standby pair');
  await expect(player.stepTitle).toBeFocused();
  await expect(player.complete).toContainText('(with Solve)', { timeout: 20_000 });
  j.use('solve');
  j.done();
  expect(errors).toEqual([]);
});

test('the clinic by keyboard: a diagnosis, its try button, Solve this case, and the inspector’s lists, text, checkbox and palette', async ({ page }) => {
  test.setTimeout(60_000);
  const errors = collectPageErrors(page);
  const player = new LessonPlayer(page);
  const j = journey('clinic');
  await player.goto('#/lessons/anti-pattern-clinic/1');
  await player.ready(LOAD);
  await expect(page.getByTestId('case-diagnose-first')).toBeVisible();
  await expect(page.getByTestId('tries')).toHaveCount(0); // the fix waits for the diagnosis

  // The diagnosis: its cause is shown at once, with the focus on it; the fix is offered.
  await predict(player, 1);
  await expect(page.getByTestId('predict-outcome')).toContainText('The cause: lb-1 itself died');
  await expect(page.getByTestId('predict-result')).toBeFocused();
  await snap(page.getByTestId('step-column'), 'keyboard-diagnosis-focus.png');
  j.use('diagnosis');
  const tryStandby = page.getByTestId('tries').getByRole('button', { name: 'Try: Give lb-1 a standby' });
  await player.tabTo(tryStandby);
  await page.keyboard.press('Enter');
  await expect.poll(async () => (await page.evaluate(() => window.__lab.changes())).map((c) => c.change.action)).toEqual(['patch']);
  await expect(tryStandby).toBeFocused();
  j.use('try');
  // Solve this case: the scene again, with the fix, run to the case's check; the button keeps the focus.
  await player.tabTo(page.getByTestId('case-solve'));
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('case-closed')).toBeVisible(RUN);
  await expect(page.getByTestId('case-solve')).toBeFocused();
  j.use('case-solve');

  // The inspector's other editors, on target group web: each edit is a live change, and the focus stays put.
  await openTab(player, 'build');
  await outlineTo(player, '/targetGroups/0');
  const inspector = page.getByTestId('inspector');
  const status = page.getByTestId('builder-status');
  const field = (key: string) => inspector.locator(`[data-key="${key}"]`).first();
  // (this scene's HAProxy preset refuses an edit of one of its fields: a fresh health check instead)
  const check = field('healthCheck');
  await player.tabTo(check.getByRole('button', { name: 'Remove health check' }));
  await page.keyboard.press('Enter');
  await expect(check.getByRole('button', { name: 'Add health check' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expectFocusInside(page, check);
  await expect(check.getByRole('button', { name: 'Remove health check' })).toBeVisible();
  const model = field('model').locator('select');
  await player.tabTo(model);
  await page.keyboard.press('ArrowDown');
  await expect(status).toContainText('model = "consecutive"');
  await expect(model).toBeFocused();
  j.use('build-field-choice');
  const path = field('path').locator('input');
  await player.tabTo(path);
  await player.typeAndEnter('/ping');
  await expect(status).toContainText('path = "/ping"');
  await expect(path).toBeFocused();
  j.use('build-field-text');
  const deep = field('deep').locator('input[type="checkbox"]');
  await player.tabTo(deep);
  await page.keyboard.press('Space');
  await expect(status).toContainText('deep = true');
  await expect(deep).toBeFocused();
  j.use('build-field-boolean');
  const stickiness = field('stickiness').locator('select').first();
  await player.tabTo(stickiness);
  await page.keyboard.press('ArrowDown');
  await expect(status).toContainText('stickiness = {"kind":"lb-cookie"');
  await expect(field('durationSec').locator('input')).toBeVisible();
  await expect(stickiness).toBeFocused();
  await snap(inspector, 'keyboard-inspector-focus.png');
  j.use('build-field-variant');

  // The palette: a shared session store for web; the focus goes to what was added.
  const kind = page.getByTestId('palette-kind');
  await player.tabTo(kind, { back: true });
  await player.arrowSelect(kind, 'session-store');
  await player.tabTo(page.getByTestId('palette-add'));
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('builder').locator('[data-testid="outline-node"][data-kind="session-store"]')).toContainText('sessions: shared');
  await expect(inspector).toBeFocused();
  await expect(inspector).toHaveAttribute('data-pointer', '/targetGroups/0/sessionStore');
  j.use('build-palette');
  j.done();
  expect(errors).toEqual([]);
});

test('the change-it panel, a JSON field and a list of policies by keyboard: algorithm and weights (lesson 2), a scaling group’s capacity and its policies (lesson 18)', async ({ page }) => {
  test.setTimeout(60_000);
  const errors = collectPageErrors(page);
  const player = new LessonPlayer(page);
  const j = journey('the change-it panel, a JSON field and a list of policies');
  await player.goto('#/lessons/round-robin-and-weights/4');
  await player.ready(LOAD);
  const algorithm = page.getByTestId('algorithm-web');
  await player.tabTo(algorithm);
  await player.arrowSelect(algorithm, 'weighted-round-robin');
  await page.keyboard.press('Enter'); // browsed with the arrows, the choice applies on Enter
  await expect.poll(async () => (await page.evaluate(() => window.__lab.changes())).map((c) => c.change.action)).toEqual(['set-algorithm']);
  await expect(algorithm).toBeFocused();
  j.use('group-algorithm');
  const pick = page.getByTestId('target-pick');
  const weight = page.getByTestId('weight');
  for (const [target, w] of [['large', '4'], ['medium', '2'], ['small', '1']] as const) {
    await player.tabTo(pick);
    await player.arrowSelect(pick, target);
    await player.tabTo(weight);
    await player.typeAndEnter(w);
  }
  await expect(player.goal('weights')).toHaveAttribute('data-met', 'true');
  j.use('target-weight');

  await page.goto('about:blank'); // a fresh page, not a hash change, for the second lesson
  await player.goto('#/lessons/other-policies/2');
  await player.ready(LOAD);
  await expect(page.getByTestId('tab-controls')).toHaveAttribute('aria-selected', 'true');
  const desired = page.getByTestId('scaling-desired-asg');
  await player.tabTo(desired);
  await player.typeAndEnter('4');
  await expect(page.getByTestId('scaling-state-asg')).toHaveAttribute('data-desired', '4');
  await player.tabTo(page.getByTestId('scaling-apply-asg'));
  await expect(page.getByTestId('scaling-apply-asg')).toHaveAttribute('aria-disabled', 'true');
  j.use('scaling-capacity');

  // The policies are a list of forms; the whole list is also a JSON field behind "advanced" (a disclosure that Enter
  // opens), applied with its button (which keeps the focus).
  await openTab(player, 'build');
  await outlineTo(player, '/scalingGroups/0');
  const policies = page.getByTestId('inspector').locator('[data-key="policies"]').first();
  // the list's own JSON is its last (a scheduled policy's actions have theirs, inside it)
  const json = policies.getByTestId('list-json').last();
  await player.tabTo(json.locator('summary'));
  await page.keyboard.press('Enter');
  await player.tabTo(json.locator('textarea'));
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.type('[{"kind":"target-tracking","metric":"CPUUtilization","targetValue":60},{"kind":"scheduled","actions":[{"recurrence":"50 17 * * *","min":6}]}]');
  await page.keyboard.press('Tab');
  await expect(policies.getByRole('button', { name: 'Apply' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('builder-status')).toContainText('policies = ');
  await expect(policies.locator('[data-testid="field-error"]')).toHaveCount(0);
  await expect(policies.getByRole('button', { name: 'Apply' })).toBeFocused();
  j.use('build-field-json');
  // "Add policy" by keyboard: the new policy's first field (its metric) takes the focus
  await player.tabTo(policies.getByRole('button', { name: 'Add policy' }), { back: true });
  await page.keyboard.press('Enter');
  // policies carry their kind (a scheduled action, also a list item, has none)
  await expect(policies.locator('[data-testid="list-item"][data-kind]')).toHaveCount(3);
  await expect(policies.locator('[data-testid="list-item"][data-kind="target-tracking"][data-index="2"] [data-key="metric"] select')).toBeFocused();
  j.use('build-field-list');
  j.done();
  expect(errors).toEqual([]);
});
