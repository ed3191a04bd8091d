// Languages: a Spanish browser gets the Spanish page (and chapter 1 in Spanish, its lesson words a chunk of
// their own), the language control switches and is remembered, and <html lang> follows.
import { expect, test, type Page } from '@playwright/test';
import { LessonPlayer } from './support/lesson-page.ts';
import { collectPageErrors } from './support/page-errors.ts';
import { artifactPath } from './support/artifacts.ts';

const LESSON_1 = 'one-server-is-not-enough';
const LOCALE_KEY = 'balancer-lab:locale';

/** The JavaScript files the page fetched. */
function scripts(page: Page): string[] {
  const urls: string[] = [];
  page.on('request', (r) => {
    if (r.resourceType() === 'script') urls.push(new URL(r.url()).pathname.split('/').pop() ?? '');
  });
  return urls;
}

test.describe('a Spanish browser', () => {
  test.use({ locale: 'es-ES' });

  test('opens in Spanish, and lesson 1 runs in Spanish: prediction, outcome, goals', async ({ page }) => {
    const errors = collectPageErrors(page);
    const fetched = scripts(page);
    const player = new LessonPlayer(page);
    await player.goto(`#/lessons/${LESSON_1}/1`);
    await expect(page.locator('html')).toHaveAttribute('lang', 'es');
    await expect(page.getByTestId('nav-lessons')).toHaveText('Lecciones');
    await expect(page.getByTestId('language')).toHaveValue('es');
    await expect(player.title).toHaveText('Un servidor no basta');
    await expect(player.stepTitle).toHaveText('Un sitio en un solo servidor');
    await expect(page.getByTestId('lesson-step')).toContainText('agente de escucha');
    expect(fetched.some((f) => /^es-.*\.js$/.test(f))).toBe(true);
    await expect(player.status).toHaveText('En pausa'); // the run is ready
    await expect(page.getByRole('tab', { name: 'Gráficos' })).toBeVisible();

    await page.getByRole('radio', { name: 'Todas' }).check();
    await page.getByTestId('predict-submit').click();
    await expect(page.getByTestId('predict-locked')).toContainText('Predicción fijada');
    await player.advance(30_000);
    await expect(page.getByTestId('predict-outcome')).toContainText('Predijiste «Todas». La ejecución muestra: Todas.');
    await expect(player.goal('health-check')).toContainText('El grupo de destino web comprueba el estado de sus destinos');
    await page.screenshot({ path: artifactPath('language-es-lesson1.png'), fullPage: true });
    expect(errors).toEqual([]);
  });

  test('a stored choice beats the browser', async ({ page }) => {
    await page.addInitScript((key) => localStorage.setItem(key, 'en'), LOCALE_KEY);
    await page.goto('./#/lessons');
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await expect(page.getByTestId('nav-lessons')).toHaveText('Lessons');
    await expect(page.getByTestId(`lesson-${LESSON_1}`)).toContainText('One server is not enough');
  });
});

test('an English browser gets English and no Spanish chunk; the control switches to Spanish, and it is remembered', async ({ page }) => {
  const errors = collectPageErrors(page);
  const fetched = scripts(page);
  await page.goto('./#/lessons');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByTestId(`lesson-${LESSON_1}`)).toContainText('One server is not enough');
  expect(fetched.some((f) => /^es-.*\.js$/.test(f))).toBe(false);

  // the control reloads the page in the chosen language, on the same route
  await Promise.all([page.waitForEvent('load'), page.getByTestId('language').selectOption('es')]);
  await expect(page.locator('html')).toHaveAttribute('lang', 'es');
  await expect(page).toHaveURL(/#\/lessons$/);
  await expect(page.getByRole('heading', { name: 'Lecciones', level: 2 })).toBeVisible();
  await expect(page.getByTestId(`lesson-${LESSON_1}`)).toContainText('Un servidor no basta');
  // lessons without a translation stay in English
  await expect(page.getByTestId('lesson-sticky-sessions')).toContainText('Sticky');
  expect(await page.evaluate((key) => localStorage.getItem(key), LOCALE_KEY)).toBe('es');
  await page.screenshot({ path: artifactPath('language-es-list.png'), fullPage: true });

  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('lang', 'es');
  await expect(page.getByTestId('nav-lessons')).toHaveText('Lecciones');

  await Promise.all([page.waitForEvent('load'), page.getByTestId('language').selectOption('en')]);
  await expect(page.getByTestId('nav-lessons')).toHaveText('Lessons');
  expect(errors).toEqual([]);
});
