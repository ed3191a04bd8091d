// Lesson 23 as a learner meets it at 1280×720: the first prediction, answered and run to its moment, shows an
// outcome and a reveal with this run's numbers (never the "(in our run)" fallback); and the lesson is completed in
// the Build tab, as it asks (deployment v2's kind set to canary, the run restarted, run to the check).
import { expect, test } from '@playwright/test';
import { LessonPlayer } from './support/lesson-page.ts';
import { collectPageErrors } from './support/page-errors.ts';
import { snap } from './support/artifacts.ts';

// up to 150 s of 100 requests a second in the page's worker, on a shared machine
test.describe.configure({ timeout: 180_000 });
test.use({ viewport: { width: 1280, height: 720 } });
const SLUG = 'blue-green-and-canary';
const opened = (player: LessonPlayer) => expect(player.status).toHaveText('Paused', { timeout: 30_000 });

test('blue/green all at once: the first prediction is answered, run to 100 s and revealed with this run’s numbers', async ({ page }) => {
  const errors = collectPageErrors(page);
  const player = new LessonPlayer(page);
  await player.goto(`#/lessons/${SLUG}/1`);
  await expect(player.stepTitle).toHaveText('All at once', { timeout: 30_000 });
  await opened(player);
  await snap(page, 'releases-step1.png');

  const answer = page.getByRole('radio', { name: /About a fifth/ });
  await answer.check();
  await page.getByTestId('predict-submit').click();
  await player.advance(100_000);
  await expect(page.getByTestId('predict-outcome')).toContainText('You predicted');
  await expect(page.getByTestId('predict-outcome').locator('strong')).toContainText('About a fifth');
  await expect(page.getByTestId('reveal')).toContainText(/In your run [\d,]+ requests failed, every one answered by green/);
  await expect(page.getByTestId('reveal')).not.toContainText('in our run');
  await page.getByTestId('reveal').scrollIntoViewIfNeeded();
  await snap(page, 'releases-reveal.png');
  expect(errors).toEqual([]);
});

test('a learner turns v2 into a canary in the Build tab: at most 300 failures, none after the rollback', async ({ page }) => {
  const errors = collectPageErrors(page);
  const player = new LessonPlayer(page);
  await player.goto(`#/lessons/${SLUG}/2`);
  await expect(player.stepTitle).toHaveText('A canary', { timeout: 30_000 });
  await opened(player);
  await expect(player.goal('few-failed')).toHaveAttribute('data-met', 'false');

  await page.getByTestId('tab-build').click();
  await page.getByTestId('builder').locator('[data-testid="outline-node"][data-kind="deployment"]').click();
  const kind = page.getByTestId('inspector').locator('[data-key="kind"] select');
  await kind.selectOption({ label: 'canary' });
  await expect(page.getByTestId('builder-status')).not.toBeEmpty();
  await snap(page.getByTestId('inspector'), 'releases-inspector.png');
  await page.getByTestId('reset').click();
  await opened(player);
  await player.advance(150_000);
  for (const id of ['few-failed', 'rolled-back']) await expect(player.goal(id)).toHaveAttribute('data-met', 'true');
  await expect(player.complete).toContainText(/Lesson complete|Goals met/);
  await expect(page.getByTestId('reveal')).toContainText(/In your run [\d,]+ requests failed, against 1,190 all at once/);
  await snap(page, 'releases-built.png');
  expect(errors).toEqual([]);
});

// Lesson 25 as a learner meets it: the storm prediction answered and run to 50 s, revealed with this run's numbers;
// then the fixes in the Build tab (a retry budget and a circuit breaker open for 5 s), the run restarted and run to
// the one-minute check.
test.describe('lesson 25, circuit breakers and retries', () => {
  const SLUG25 = 'circuit-breakers-and-retries';

  test('the storm is predicted and revealed; a retry budget and a circuit breaker added in Build meet every goal', async ({ page }) => {
    const errors = collectPageErrors(page);
    const player = new LessonPlayer(page);
    await player.goto(`#/lessons/${SLUG25}/2`);
    await expect(player.stepTitle).toHaveText('Retry everything', { timeout: 30_000 });
    await opened(player);
    await page.getByRole('radio', { name: /Failures go on long after the stall/ }).check();
    await page.getByTestId('predict-submit').click();
    await player.advance(50_000);
    await expect(page.getByTestId('predict-outcome').locator('strong')).toContainText('Failures go on long after the stall');
    await expect(page.getByTestId('reveal')).toContainText(/In your run [\d,]+ requests failed by 50 s, against 514 without retries/);
    await expect(page.getByTestId('reveal')).not.toContainText('in our run');
    await snap(page, 'breakers-storm.png');

    await player.goto(`#/lessons/${SLUG25}/4`);
    await expect(player.stepTitle).toHaveText('A circuit breaker', { timeout: 30_000 });
    await opened(player);
    await expect(player.goal('storm-over')).toHaveAttribute('data-met', 'false');
    await page.getByTestId('tab-build').click();
    await page.getByTestId('builder').locator('[data-testid="outline-node"][data-kind="target-group"]').click();
    const inspector = page.getByTestId('inspector');
    await inspector.locator('[data-key="budget"]').getByRole('button', { name: 'Add budget' }).click();
    await expect(inspector.locator('[data-key="budgetPercent"] input')).toHaveValue('20');
    await inspector.locator('[data-key="circuitBreaker"]').getByRole('button', { name: 'Add circuit breaker' }).click();
    const open = inspector.locator('[data-key="openSec"] input');
    await open.fill('5');
    await open.press('Enter');
    await expect(open).toHaveValue('5');
    // every edit is in the run's change list before Restart run (which keeps the changes)
    await expect(page.getByTestId('builder').getByTestId('change-entry')).toHaveText([
      'target group inventory: retries budget added, with its defaults',
      'target group inventory: circuit breaker added, with its defaults',
      'target group inventory: circuit breaker open = 5 s',
    ]);
    await snap(inspector.locator('[data-key="retries"]'), 'breakers-inspector.png');
    await page.getByTestId('reset').click();
    await opened(player);
    await player.advance(60_000);
    for (const id of ['storm-over', 'fast-answers', 'breaker-cycles']) await expect(player.goal(id)).toHaveAttribute('data-met', 'true');
    await expect(player.complete).toContainText(/Lesson complete|Goals met/);
    await expect(page.getByTestId('reveal')).toContainText(/the circuit to inv-1 opened at \d+ s/);
    await expect(page.getByTestId('reveal')).not.toContainText('in our run');
    await snap(page, 'breakers-done.png');
    expect(errors).toEqual([]);
  });
});

// Lesson 24, the anti-pattern clinic: case 5 (a health check that lies). The learner runs the case and reads it
// before the fix is offered, diagnoses the cause, applies the offered fix (a deep check) and sees the case's goals met.
test('clinic: a lying health check is diagnosed, fixed with a deep check, and its case closes', async ({ page }) => {
  const errors = collectPageErrors(page);
  const player = new LessonPlayer(page);
  await player.goto('#/lessons/anti-pattern-clinic/5');
  await expect(player.stepTitle).toHaveText('Case 5: healthy, and failing', { timeout: 30_000 });
  await opened(player);
  const kase = page.getByTestId('case');
  await expect(kase.getByTestId('case-diagnose-first')).toBeVisible();
  await expect(page.getByTestId('tries')).toHaveCount(0);
  await expect(kase.getByTestId('case-solve')).toHaveCount(0);
  await kase.scrollIntoViewIfNeeded();
  await snap(page, 'clinic-diagnose-first.png');

  await player.advance(40_000);
  await page.getByRole('radio', { name: /lost its database/ }).check();
  await page.getByTestId('predict-submit').click();
  await expect(page.getByTestId('predict-outcome')).toContainText('The cause:');
  await expect(page.getByTestId('predict-outcome').locator('strong')).toContainText('lost its database');
  await snap(page, 'clinic-diagnosed.png');

  await page.getByRole('button', { name: /Make \/health check the database/ }).click();
  await player.advance(80_000);
  for (const id of ['detected', 'site-up']) await expect(kase.getByTestId(`case-goal-${id}`)).toHaveAttribute('data-state', 'met');
  await expect(kase.getByTestId('case-closed')).toContainText('Case closed');
  await kase.scrollIntoViewIfNeeded();
  await snap(page, 'clinic-closed.png');
  expect(errors).toEqual([]);
});
