// What a learner reads names things, never the scenario's internals: the hint ladder's solution names each change in
// the lesson's world (not by JSON Pointer), the inspector shows no pointer under a node's name, and a JSON field with
// no value starts empty with a note, not with the word null.
import { expect, test } from '@playwright/test';
import { LessonPlayer } from './support/lesson-page.ts';
import { collectPageErrors } from './support/page-errors.ts';
import { snap } from './support/artifacts.ts';

test('lesson 5: the solution and the inspector name what they touch, not where it sits in the JSON', async ({ page }) => {
  const errors = collectPageErrors(page);
  const player = new LessonPlayer(page);
  await player.goto('#/lessons/paths-to-services/2');
  await expect(player.status).toHaveText('Paused');
  for (let rung = 0; rung < 4; rung++) await page.getByTestId('hint-more').click();
  const solution = page.getByTestId('hint-solution');
  // solution.json: a target group orders and a rule forwarding /orders to it, then the other rules and no default
  await expect(solution).toContainText('add target group orders');
  await expect(solution).toContainText('add rule /orders → orders to alb https :443');
  await expect(solution).not.toContainText(/\/targetGroups|\/balancers|\{…\}/);
  await snap(page.getByTestId('hints'), 'learner-words-solution.png');

  await page.getByTestId('tab-build').click();
  await page.getByTestId('builder').locator('[data-testid="outline-node"][data-pointer="/balancers/0"]').click();
  const inspector = page.getByTestId('inspector');
  await expect(inspector).toHaveAttribute('data-pointer', '/balancers/0');
  await expect(inspector).not.toContainText('/balancers/0');
  // the balancer's zones have no value in this world: the box is empty and says so
  const zones = inspector.locator('[data-key="zones"] textarea').first();
  await expect(zones).toHaveValue('');
  await expect(zones).toHaveAttribute('placeholder', 'Not set. Type a JSON value, then Apply.');
  await snap(inspector, 'learner-words-inspector.png');
  expect(errors).toEqual([]);
});
