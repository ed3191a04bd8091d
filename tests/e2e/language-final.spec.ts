// Languages, the last leaks (issue 19's final walk of every page in a Spanish browser): the hint ladder's solution,
// what the lesson list says a lesson lets you change, the screen reader's summary of a burst of events, a
// percentage's sign, the export panel's "not exported" reasons, a dead worker's exception and a part of the app
// that fails to load. language.spec.ts and language-lab.spec.ts have the rest.
import { expect, test } from '@playwright/test';
import { LessonPlayer } from './support/lesson-page.ts';
import { LabPage } from './support/lab-page.ts';
import { collectPageErrors } from './support/page-errors.ts';
import { snap } from './support/artifacts.ts';

test.describe('the last English, in a Spanish browser', () => {
  test.use({ locale: 'es-ES' });

  test('a lesson\'s solution, the lesson list\'s controls and the live region\'s summary read in Spanish', async ({ page }) => {
    const errors = collectPageErrors(page);
    const player = new LessonPlayer(page);
    await player.goto('#/lessons');
    // lesson 16 offers two balancer actions (named by their ids before) and unlocks the balancers' standby for its builder
    await expect(player.lessonEntry('the-balancer-itself')).toContainText('Usarás: la caída de un balanceador, la recuperación de un balanceador y balanceadores › en espera.');
    await expect(player.list).not.toContainText(/crash balancer|recover balancer|hacer caer un destino y/);

    await player.goto('#/lessons/one-server-is-not-enough/4');
    await expect(player.status).toHaveText('En pausa');
    for (let rung = 0; rung < 4; rung++) await page.getByTestId('hint-more').click();
    const solution = page.getByTestId('hint-solution');
    // the lesson's solution (solution.json): three targets in web, and web's health check set to the aws-alb preset
    await expect(solution).toContainText('web: 3 destinos');
    await expect(solution).toContainText('web: comprobación de estado aws-alb');
    await expect(solution).not.toContainText(/set-target-count|group web|count 3/);
    await snap(page.getByTestId('hints'), 'language-es-solution.png');

    // lesson 4's second step: web-3 crashes at 30 s and is checked out; jumping past it says its events at once,
    // the first in full and the rest, gathered, as the first three and a count (more than three come in a burst)
    await player.goto('#/lessons/health-checks-and-the-blind-window/2');
    await expect(player.status).toHaveText('En pausa');
    await player.advance(200_000);
    await expect(page.getByTestId('narration')).toHaveText(/Y \d+ eventos? más\.$/);
    await expect(page.getByTestId('narration')).not.toContainText(/more events?/);
    expect(errors).toEqual([]);
  });

  test('the diagram\'s percentages and the export panel\'s reasons are written the Spanish way', async ({ page }) => {
    const errors = collectPageErrors(page);
    const lab = new LabPage(page);
    await lab.goto();
    await expect(lab.status).toHaveText('En pausa');
    await lab.advance(10_000);
    // each target card's utilisation: the number, a space, the sign
    const card = page.getByTestId('topology-node-a');
    await expect(card).toContainText(/\d\u00a0%/);
    await expect(card).not.toContainText(/\d%/);
    // the zoom's share (the picture opens fitted to its box, at 100 % or a little below)
    await expect(page.getByTestId('zoom-value')).toHaveText(/^\d+\u00a0%$/);

    await page.getByTestId('exports-open').click();
    const list = page.getByTestId('config-not-exported');
    // three servers behind nginx: what nginx cannot say, the JSON path as written and the reason in Spanish
    await expect(list).toContainText('No exportado a nginx 1.22+: 3 ajustes');
    await expect(list).toContainText('targetGroups[0].deregistrationDelaySec: nginx no tiene retardo de drenaje');
    await expect(list).toContainText('propiedades de los propios servidores');
    await expect(list).not.toContainText(/they describe|properties of the servers|has no draining delay/);
    // the file keeps its English comments
    await expect(page.getByTestId('config-text')).toContainText('nginx has no draining delay');
    await page.getByTestId('config-format').selectOption('terraform');
    await expect(list).not.toContainText('(en inglés)');
    await snap(page.getByTestId('export-panel'), 'language-es-not-exported.png');
    expect(errors).toEqual([]);
  });

  test('a dead worker\'s exception is said to be the engine\'s English, and a part that fails to load too', async ({ page }) => {
    await page.route(/\/sim\.worker[^/]*\.js$/, (route) => route.fulfill({ contentType: 'text/javascript', body: 'throw new Error("simulated worker failure");' }));
    const lab = new LabPage(page);
    await lab.goto();
    await expect(page.getByTestId('crash-reason')).toContainText('Error interno del motor; su mensaje, en inglés: ');
    await expect(page.getByTestId('crash-reason')).toContainText('simulated worker failure');
    await expect(page.getByTestId('crashed')).toContainText('La simulación se detuvo.');
    await snap(page.getByTestId('crashed'), 'language-es-worker-crash.png');

    await page.route(/LessonRoute-[^/]*\.js$/, (route) => route.abort('internetdisconnected'));
    await page.goto('./?test#/lessons/one-server-is-not-enough/1');
    const failed = page.getByTestId('chunk-failed');
    await expect(failed).toContainText('Las lecciones: no se pudo cargar');
    await expect(failed).toContainText('(su mensaje, en inglés: ');
    await snap(failed, 'language-es-chunk-failed.png');
  });
});
