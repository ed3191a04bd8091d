// Languages: a Spanish browser gets the Spanish page (and chapter 1 in Spanish, its lesson words a chunk of
// their own), the language control switches and is remembered, and <html lang> follows.
import { expect, test, type Page } from '@playwright/test';
import { LessonPlayer } from './support/lesson-page.ts';
import { LabPage } from './support/lab-page.ts';
import { collectPageErrors } from './support/page-errors.ts';
import { snap } from './support/artifacts.ts';

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

  test('says which lessons are not translated yet: the list marks them, and the lesson says so under its title', async ({ page }) => {
    const errors = collectPageErrors(page);
    const player = new LessonPlayer(page);
    await player.goto('#/lessons');
    await expect(player.lessonEntry(LESSON_1).getByTestId('lesson-in-english')).toHaveCount(0);
    await expect(player.lessonEntry('paths-to-services').getByTestId('lesson-in-english')).toHaveText('en inglés');
    await player.goto(`#/lessons/${LESSON_1}/1`);
    await expect(player.title).toHaveText('Un servidor no basta');
    await expect(page.getByTestId('lesson-in-english')).toHaveCount(0);
    await player.goto('#/lessons/paths-to-services/1');
    await expect(player.title).toHaveText('Paths to services');
    await expect(page.getByTestId('lesson-in-english')).toHaveText('Esta lección aún no está traducida: se muestra en inglés.');
    expect(errors).toEqual([]);
  });

  test('opens in Spanish, and lesson 1 runs in Spanish: prediction, outcome, goals and what they say of the run', async ({ page }) => {
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
    // what each goal says of the run so far, in Spanish with its numbers the Spanish way (the engine writes it in English)
    await expect(player.goal('three-targets')).toContainText('web tiene 1 destino registrado (objetivo ≥ 3)');
    await expect(player.goal('site-up')).toContainText(/tasa de errores en los últimos 30 s: \d+(,\d+)? % \(objetivo ≤ 1 %\)/);
    await expect(page.getByTestId('goals')).not.toContainText(/\b(goal|registered|over the last)\b/);
    await snap(page, 'language-es-lesson1.png', { fullPage: true });
    expect(errors).toEqual([]);
  });

  test('the charts and the Why tab speak Spanish', async ({ page }) => {
    const errors = collectPageErrors(page);
    const lab = new LabPage(page);
    await lab.goto();
    await expect(lab.status).toHaveText('En pausa'); // ready to play
    await lab.advance(3_000);
    await lab.tab('charts');
    const rate = page.getByTestId('chart-rate');
    await expect(rate.locator('.title')).toHaveText('Solicitudes por segundo');
    await expect(rate).toContainText('entrada (llegadas)');
    await expect(page.getByTestId('chart-latency').locator('.title')).toHaveText('Latencia');
    await expect(page.getByTestId('chart-latency')).toContainText('punteado: M/M/c (Erlang C) para esta carga y capacidad');
    await expect(page.getByTestId('chart-utilization').locator('.title')).toHaveText('Utilización por destino');
    await expect(page.getByTestId('blind-window-band')).toContainText('Ventanas ciegas');
    await expect(page.getByTestId('chart-share')).toContainText('Reparto del tráfico frente al peso');
    await snap(page, 'language-es-charts.png', { fullPage: true });

    await page.getByTestId('tab-why').click();
    await expect(page.getByTestId('theory-panel').locator('h3')).toHaveText('La teoría junto a la medición');
    await expect(page.getByTestId('theory-table')).toContainText('Tiempo de respuesta');
    await expect(page.getByTestId('internals-panel')).toContainText('Interior del balanceador para');
    await page.getByTestId('explain-id').fill('0');
    await page.getByRole('button', { name: 'Explicar' }).click();
    await expect(page.getByTestId('journey-title')).toContainText('Solicitud 0:');
    // three servers × 4 slots at 24/s, 400 ms each: ρ = 24 × 0.4 / 12 = 80 % (as in explain.spec.ts)
    await expect(page.getByTestId('theory-panel')).toContainText('M/M/c con c = 12 huecos, λ = 24/s y servicio medio de 400 ms: utilización ρ = 80 %');
    await snap(page, 'language-es-why.png', { fullPage: true });
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
  await snap(page, 'language-es-list.png', { fullPage: true });

  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('lang', 'es');
  await expect(page.getByTestId('nav-lessons')).toHaveText('Lecciones');

  await Promise.all([page.waitForEvent('load'), page.getByTestId('language').selectOption('en')]);
  await expect(page.getByTestId('nav-lessons')).toHaveText('Lessons');
  expect(errors).toEqual([]);
});

test.describe('the lab in a Spanish browser', () => {
  test.use({ locale: 'es-ES' });

  test('Change it, the event log and a target\'s details read in Spanish, numbers the Spanish way', async ({ page }) => {
    const errors = collectPageErrors(page);
    const lab = new LabPage(page);
    await lab.goto();
    await expect(lab.status).toHaveText('En pausa', { timeout: 30_000 });

    await lab.tab('controls');
    const panel = page.getByTestId('parameters');
    await expect(panel.getByRole('heading', { level: 2 })).toHaveText('Cámbialo en directo');
    await expect(panel.getByLabel('Ritmo de llegada (sol./s)')).toBeVisible();
    await expect(page.getByTestId('action-crash')).toHaveText('Hacer caer');
    // switch on AWS's health check and crash b, from the Spanish form
    await page.getByTestId('hc-mode-web').selectOption('aws-alb');
    await expect(page.getByTestId('hc-resolved-web')).toContainText('Con estos valores: HTTP GET / esperando 200 cada 30 s');
    await page.getByTestId('hc-apply-web').click();
    await expect(page.getByTestId('hc-resolved-web')).toContainText('Ahora:');
    await page.getByTestId('target-pick').selectOption('b');
    await page.getByTestId('action-crash').click();
    await expect(page.getByTestId('change-log').getByRole('heading')).toContainText('Cambios en directo');
    await snap(page, 'language-es-change-it.png', { fullPage: true });

    await lab.advance(90_000);
    await lab.tab('events');
    const log = page.getByTestId('event-log');
    await expect(log.getByRole('heading')).toHaveText('Registro de eventos');
    await expect(log.locator('.message', { hasText: /^b se ha caído: / })).toHaveText('b se ha caído: sus solicitudes en curso fallaron y rechaza las conexiones nuevas');
    await expect(log.locator('.message', { hasText: /^b marcado en mal estado/ })).toHaveText('b marcado en mal estado: 2 comprobaciones seguidas fallidas (conexión rechazada)');
    // the blind window's seconds with a decimal comma
    await expect(log.locator('.message', { hasText: /^b sale de rotación/ })).toHaveText(/^b sale de rotación \d+,\d s después de que se cayera \(lo detectó: las comprobaciones de estado activas\); \d+ solicitudes fallaron en la ventana ciega$/);
    await expect(log.locator('.kind[data-kind="crash"]').first()).toHaveText('caída');
    await snap(log, 'language-es-event-log.png');

    await page.getByTestId('topology-node-a').hover();
    const detail = page.getByTestId('target-detail');
    await expect(detail).toContainText('El balanceador ve');
    await expect(detail).toContainText('Latencia media');
    await expect(detail).toContainText(/últimas \d+ comprobaciones: bien/);
    await snap(page, 'language-es-lab.png', { fullPage: true });
    await page.getByTestId('topology-node-b').click();
    await expect(page.getByTestId('target-menu')).toContainText('Recuperar');
    await expect(page.getByTestId('target-action-recover')).toHaveText('Recuperar');
    expect(errors).toEqual([]);
  });

  test('the table view, the change list and a request\'s journey read in Spanish', async ({ page }) => {
    const errors = collectPageErrors(page);
    const lab = new LabPage(page);
    await lab.goto();
    await expect(lab.status).toHaveText('En pausa', { timeout: 30_000 });
    await lab.advance(3_000);
    // crash b after request 0 has finished: its journey below is a plain success
    await lab.tab('controls');
    await page.getByTestId('target-pick').selectOption('b');
    await page.getByTestId('action-crash').click();
    await expect(page.getByTestId('change-entry').first()).toHaveText('b: caída');
    await lab.advance(1_000);

    await page.getByTestId('lab-show-table').click();
    const table = page.getByTestId('state-table');
    await expect(table.locator('h3')).toContainText('Estado del sistema en');
    await expect(table.locator('caption').nth(1)).toHaveText('Grupos de destino');
    await expect(table).toContainText('Utilización');
    await expect(table).toContainText('Comprobaciones recientes');
    for (const english of ['System state', 'Target groups', 'Mean latency', 'not checked', 'Algorithm']) await expect(table).not.toContainText(english);
    await snap(page, 'language-es-table.png', { fullPage: true });

    await page.getByTestId('tab-why').click();
    await page.getByTestId('explain-id').fill('0');
    await page.getByRole('button', { name: 'Explicar' }).click();
    const journey = page.getByTestId('journey-waterfall');
    await expect(journey).toContainText('llega la solicitud 0');
    await expect(journey).toContainText('reenvía al grupo de destino web');
    await expect(journey).toContainText(/ elige [abc]/);
    await expect(journey).toContainText('dentro del SLO de');
    for (const english of ['arrives', ' picks ', 'sent to', 'forwards to', 'in service', 'within the SLO']) await expect(journey).not.toContainText(english);
    await snap(page, 'language-es-journey.png', { fullPage: true });
    expect(errors).toEqual([]);
  });
});

test.describe('refusals and explanations in a Spanish browser', () => {
  test.use({ locale: 'es-ES' });

  test('a refused edit says why in Spanish at its JSON path, and a pick explanation writes its numbers the Spanish way', async ({ page }) => {
    const errors = collectPageErrors(page);
    const lab = new LabPage(page);
    // a damaged share link: the notice and the reason in Spanish, the starter scenario instead
    await lab.goto('#/sandbox?s=not*a*real*link');
    await expect(lab.notice).toContainText('No se pudo abrir este enlace compartido.');
    await expect(lab.notice).toContainText('el enlace está dañado o incompleto (tiene caracteres que un enlace compartido nunca tiene)');
    await expect(lab.notice).toContainText('Se ha abierto el escenario de inicio en su lugar.');
    await expect(lab.status).toHaveText('En pausa', { timeout: 30_000 });
    await page.getByTestId('dismiss-notice').click();

    await page.getByTestId('tab-build').click();
    const builder = page.getByTestId('builder');
    const inspector = page.getByTestId('inspector');
    await expect(builder.getByTestId('outline-node').first()).toBeVisible();

    // the group picks by least connections, so its weights show in the explanation
    await builder.locator('[data-testid="outline-node"][data-kind="target-group"]').first().click();
    await inspector.locator('[data-key="algorithm"] select').selectOption({ label: 'least-connections' });
    await expect(page.getByTestId('builder-status')).toContainText('Aplicado: algoritmo = "least-connections".');

    // a refused edit: target a with no slot at all; the validator's reason in Spanish, at its JSON path
    await builder.locator('[data-testid="outline-node"][data-kind="target"]').first().click();
    const slots = inspector.locator('[data-key="concurrency"] input');
    await slots.fill('0');
    await slots.press('Tab');
    const refused = inspector.locator('[data-key="concurrency"] [data-testid="field-error"]');
    await expect(refused).toHaveText('targetGroups[0].targets[0].concurrency: debe ser ≥ 1; se recibió el número 0');
    await snap(inspector, 'language-es-refused-edit.png');

    // an accepted edit: a weighs 2.5; the change is labelled with the field's Spanish name, the value as JSON
    const weight = inspector.locator('[data-key="weight"] input');
    await weight.fill('2.5');
    await weight.press('Tab');
    await expect(page.getByTestId('builder-status')).toHaveText('Aplicado: peso = 2.5.');
    await expect(builder.getByTestId('change-entry').last()).toContainText('destino a: peso = 2,5');

    // the builder asks before deleting in Spanish, naming the target and its group; keeping it changes nothing
    await page.getByTestId('delete-node').click();
    await expect(page.getByTestId('confirm-delete')).toContainText('¿Eliminar destino a del grupo de destino ');
    await page.getByTestId('confirm-delete').getByRole('button', { name: 'Conservar' }).click();
    await expect(page.getByTestId('confirm-delete')).toHaveCount(0);

    // request 0 meets three idle targets weighted 2.5, 1, 1: least connections finds a tie (0 active each), which
    // smooth WRR breaks: current + effective weight a 0+2.5=2.5, b 0+1=1, c 0+1=1 → a, giving back the total 4.5
    await lab.advance(3_000);
    await page.getByTestId('tab-why').click();
    await page.getByTestId('explain-id').fill('0');
    await page.getByRole('button', { name: 'Explicar' }).click();
    const journey = page.getByTestId('journey-waterfall');
    await expect(journey).toContainText('a 0/p2,5, b 0/p1, c 0/p1 activas → menos: a, b, c');
    await expect(journey).toContainText('a 0+2,5=2,5, b 0+1=1, c 0+1=1 → a es el más alto; devuelve el total 4,5');
    await expect(journey).not.toContainText('2.5');
    await snap(page.getByTestId('explain-panel'), 'language-es-pick-numbers.png');
    expect(errors).toEqual([]);
  });
});

test.describe('compare, the teacher page and the exports in Spanish', () => {
  test.use({ locale: 'es-ES' });

  /** English words our pages used to show; none may be left in the Spanish page's text (code and scenario names aside). */
  const ENGLISH = /\b(the|and|with|your|per|of|Side by side|Share of requests|Metrics over time|Real configuration|Not exported|Download|Record|Teaching|Completion code|Class name|Copy the link|Seed)\b/;
  async function shownText(page: Page, testid: string, skip = ''): Promise<string> {
    // what a reader sees, without code (configuration text, addresses, JSON), the scenario picker (catalogue
    // names) and `skip` (the titles of lessons not yet translated, which stay English)
    return page.getByTestId(testid).evaluate((el, extra) => {
      const copy = el.cloneNode(true) as HTMLElement;
      copy.querySelectorAll(`code, pre, select, textarea, input, svg${extra ? `, ${extra}` : ''}`).forEach((n) => n.remove());
      return copy.innerText;
    }, skip);
  }

  test('compare, the teacher page and the export panel read in Spanish, with no English left', async ({ page }) => {
    const errors = collectPageErrors(page);
    const lab = new LabPage(page);
    await lab.goto('#/compare');
    await expect(page.getByRole('heading', { name: 'Dos configuraciones, el mismo tráfico' })).toBeVisible();
    await expect(page.getByRole('tab', { name: 'Barrer un parámetro' })).toBeVisible();
    await expect(lab.status).toHaveText('En pausa');
    await page.getByRole('button', { name: 'Reproducir' }).click();
    await expect(page.getByTestId('compare')).toContainText('Parte de las solicitudes por destino');
    await expect.poll(async () => Number((await page.getByTestId('a-arrived').textContent())?.replace(/\D/g, ''))).toBeGreaterThan(20);
    await page.getByRole('button', { name: 'Pausar' }).click();
    await expect(page.getByTestId('compare')).toContainText('Solicitudes fallidas por segundo');
    await expect(page.getByTestId('a-ok')).toBeVisible();
    expect(await shownText(page, 'compare')).not.toMatch(ENGLISH);
    await snap(page, 'language-es-compare.png', { fullPage: true });

    await page.getByTestId('nav-teach').click();
    await expect(page.getByRole('heading', { name: 'Enseñar con Balancer Lab', level: 2 })).toBeVisible();
    await expect(page.getByTestId('teach-page')).toContainText('Alójalo donde quieras');
    await page.getByTestId('score-reader-code').fill('L22-998441-10000-178212-4F0C19A2');
    await expect(page.getByTestId('score-reader-result')).toContainText('Suma de verificación');
    const lessonTitles = '[data-testid="step-links"] li > a, [data-testid="step-links"] ol, [data-testid="class-builder"] fieldset:first-of-type label, [data-testid="class-builder"] .order, [data-testid="score-reader-result"] dd:first-of-type';
    expect(await shownText(page, 'teach-page', lessonTitles)).not.toMatch(ENGLISH);
    await snap(page, 'language-es-teach.png', { fullPage: true });

    await page.getByTestId('nav-sandbox').click();
    await expect(lab.status).toHaveText('En pausa');
    await page.getByTestId('exports-open').click();
    const panel = page.getByTestId('export-panel');
    await expect(panel).toContainText('Métricas a lo largo del tiempo');
    await expect(panel).toContainText('Configuración real');
    await expect(page.getByTestId('config-not-exported')).toContainText('No exportado a nginx 1.22+');
    await expect(page.getByTestId('config-download')).toHaveText(/^Descargar /);
    expect(await shownText(page, 'export-panel')).not.toMatch(ENGLISH);
    await snap(panel, 'language-es-exports.png');
    expect(errors).toEqual([]);
  });
});
