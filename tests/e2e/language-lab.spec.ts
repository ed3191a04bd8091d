// Languages, continued (language.spec.ts has the switch, the lessons and the first pages): a Spanish browser gets
// the names of worlds and examples, the last refusals, and the lab's status (stats strip, failure-injection
// controls, event log, blind-window band, builder outline) in Spanish.
import { expect, test, type Page } from '@playwright/test';
import { LessonPlayer } from './support/lesson-page.ts';
import { LabPage } from './support/lab-page.ts';
import { collectPageErrors } from './support/page-errors.ts';
import { snap } from './support/artifacts.ts';

const LESSON_1 = 'one-server-is-not-enough';

test.describe('names and the last refusals in a Spanish browser', () => {
  test.use({ locale: 'es-ES' });

  test('a lesson names its world and its scene in Spanish; the sandbox its examples; a cron expression, text that is not JSON, a patch the run cannot adopt, a change the run refuses and an access log\'s lines are refused in Spanish', async ({ page }) => {
    const errors = collectPageErrors(page);
    const player = new LessonPlayer(page);
    // lesson 1: its world (names.es.json), then step 2's scene
    await player.goto(`#/lessons/${LESSON_1}/1`);
    await expect(page.getByTestId('world-name')).toHaveText('Un destino tras un agente de escucha');
    await player.goto(`#/lessons/${LESSON_1}/2`);
    await expect(player.stepTitle).toHaveText('Tres destinos detrás de un nombre');
    await expect(page.getByTestId('world-name')).toHaveText('Tres destinos tras un nombre DNS multivalor');
    await snap(page, 'language-es-lesson-scene-name.png');

    // the sandbox: the example's title and the picker in Spanish
    const lab = new LabPage(page);
    await lab.goto('#/sandbox');
    await expect(lab.scenarioName).toHaveText('Tres servidores iguales con round robin');
    await expect(lab.status).toHaveText('En pausa', { timeout: 30_000 });
    await expect(lab.scenarioName).toHaveAttribute('title', 'El sistema útil más pequeño: un balanceador de capa 7, un grupo de destinos, tres destinos idénticos.');
    await expect(page.getByTestId('catalog').locator('optgroup').first()).toHaveAttribute('label', 'Ejemplos');
    await expect(page.getByTestId('catalog').locator('option[value="weighted-5-1-1"]')).toHaveText('Round robin ponderado, 5:1:1');

    // a scheduled scaling action whose cron has a minute 60: the editor says so in Spanish, at the JSON path
    await lab.tab('scenario');
    const editor = page.getByTestId('editor');
    const original = await editor.inputValue();
    const asg = '"scalingGroups": [{ "id": "asg", "targetGroup": "web", "min": 1, "max": 5, "policies": [{ "kind": "scheduled", "actions": [{ "recurrence": "60 * * * *", "desired": 2 }] }] }],';
    await editor.fill(original.replace('"seed": 1,', `"seed": 1, ${asg}`));
    await expect(page.getByTestId('editor-error')).toHaveCount(1);
    await expect(page.getByTestId('editor-error')).toContainText('scalingGroups[0].policies[0].actions[0].recurrence: cron: el campo minuto no admite "60" (admite de 0 a 59)');
    await snap(page.getByTestId('editor-errors'), 'language-es-cron.png');
    // text that is not JSON: our words and its place in Spanish, the browser's own reason quoted as English
    await editor.fill('{\n  "a": 1,\n  oops\n}');
    await expect(page.getByTestId('editor-error')).toContainText('no es JSON válido (línea 3, columna 3); el lector de JSON del navegador dice (en inglés): ');
    await editor.fill(original);
    await expect(page.getByTestId('editor-error')).toHaveCount(0);

    // a new seed as a live patch: the worker answers the run's refusal with its code, worded in Spanish at "seed"
    await page.evaluate(() => window.__lab.apply({ action: 'patch', path: '/seed', value: 9 }));
    const refusal = lab.notice.locator('li').first();
    await expect(refusal.locator('code')).toHaveText('seed');
    await expect(refusal).toContainText('la semilla determina la ejecución; una semilla nueva empieza otra ejecución (Nueva semilla)');
    await snap(lab.notice, 'language-es-adopt-refused.png');
    await page.getByTestId('dismiss-notice').click();

    // a live change the running engine refuses (errors on a crashed target): its coded refusal in Spanish
    expect(await page.evaluate(() => window.__lab.apply({ action: 'crash', target: 'b' }))).toBe(true);
    await page.evaluate(() => window.__lab.apply({ action: 'errors', target: 'b', share: 0.5 }));
    await expect(lab.notice.locator('li').first()).toHaveText('b está caído; recupéralo primero');
    await snap(lab.notice, 'language-es-live-refused.png');
    await page.getByTestId('dismiss-notice').click();

    // an access log with a line that is not one: the notice and the line's reason in Spanish
    const log = [
      '10.0.0.1 - - [02/Dec/2026:10:00:00 +0000] "GET /a HTTP/1.1" 200 12 "-" "curl/8"',
      '10.0.0.2 - - [02/Dec/2026:10:00:01 +0000] "GET /b HTTP/1.1" 200 12 "-" "curl/8"',
      'this is not a log line',
    ].join('\n');
    await page.getByTestId('import-log-input').setInputFiles({ name: 'access.log', mimeType: 'text/plain', buffer: Buffer.from(log) });
    await expect(page.getByTestId('notice-title')).toHaveText('Se abrió access.log (registro de acceso de nginx): 2 solicitudes reproducidas contra este sistema.');
    await expect(lab.notice).toContainText('1 línea no se pudo leer y se omitió.');
    const skipped = lab.notice.locator('li').first();
    await expect(skipped.locator('code')).toHaveText('línea 3');
    // the new document is the learner's, named in the page's language
    await expect(page.getByTestId('scenario-name')).toHaveText('Reproducción de access.log');
    await expect(skipped).toContainText('no está en el formato de registro combined');
    await snap(page, 'language-es-import-log.png', { fullPage: true });
    expect(errors).toEqual([]);
  });
});

test.describe('the lab\'s status in a Spanish browser', () => {
  test.use({ locale: 'es-ES' });

  /** A world with everything the stats strip and the failure-injection controls can show. */
  const WORLD = {
    schemaVersion: 1,
    name: 'Edge, CPU, a canary, two regions, a database and a shared session store',
    seed: 3,
    durationSec: 120,
    traffic: {
      arrival: { kind: 'poisson', ratePerSec: 80 },
      clients: { count: 500 },
      mix: [
        { name: 'products', path: '/products', share: 0.95 },
        { name: 'injection', path: '/search?q=1%27%20OR%201=1', share: 0.05, malicious: true },
      ],
      // one address sending 100 requests a second from 5 s: far past the rate limit of 10 a second
      attacks: [{ atSec: 5, durationSec: 60, ratePerSec: 100, bots: 1, class: 'products' }],
    },
    balancers: [
      {
        id: 'alb',
        region: 'us-east-1',
        capacity: { cpuCores: 1, routeCpuMs: 0.05 },
        waf: { detectionRate: 0.95, falsePositiveRate: 0.001 },
        rateLimit: { ratePerSec: 10, burst: 20 },
        listeners: [{ port: 443, protocol: 'https', defaultForward: 'blue' }],
      },
      { id: 'alb-west', region: 'us-west-2', listeners: [{ port: 443, protocol: 'https', defaultForward: 'blue' }] },
    ],
    targetGroups: [
      {
        id: 'blue',
        algorithm: 'round-robin',
        sessionStore: { kind: 'shared' },
        database: { id: 'db', poolSize: 10 },
        targets: [
          { id: 'blue-1', concurrency: 16, serviceTimeMs: { dist: 'exponential', meanMs: 40 } },
          { id: 'blue-2', concurrency: 16, serviceTimeMs: { dist: 'exponential', meanMs: 40 } },
        ],
      },
      { id: 'green', algorithm: 'round-robin', targets: [{ id: 'green-1', concurrency: 16, serviceTimeMs: { dist: 'exponential', meanMs: 35 } }] },
    ],
    databases: [{ id: 'db', maxConnections: 20, queryTimeMs: { dist: 'exponential', meanMs: 4 }, concurrency: 8 }],
    deployments: [{ id: 'v2', kind: 'canary', atSec: 2, balancer: 'alb', from: 'blue', to: 'green' }],
  };
  /** The English words these parts used to show on a Spanish page. */
  const ENGLISH = /\b(Attack stopped|attack requests served|Firewall|blocked|malicious|legitimate|Rate-limited|answered 429|of its capacity|cores|CPU of|Deployment|to green|waiting to start|running|still on|done|rolled back|all traffic|down with its region|standby serving|failing over|Recover|Outage|Crash|Fail over|up|down|balancer|database|session store|zone|region)\b/;
  const shownText = (page: Page, testid: string): Promise<string> => page.getByTestId(testid).evaluate((el) => (el as HTMLElement).innerText);

  test('the stats strip (edge protection, the balancer\'s CPU, a canary) and the failure-injection controls read in Spanish', async ({ page }) => {
    const errors = collectPageErrors(page);
    const lab = new LabPage(page);
    await lab.goto();
    await expect(lab.status).toHaveText('En pausa', { timeout: 30_000 });
    await page.getByTestId('import-input').setInputFiles({ name: 'world.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(WORLD)) });
    await expect(lab.scenarioName).toHaveText(WORLD.name);
    await expect(lab.status).toHaveText('En pausa', { timeout: 30_000 });
    await lab.advance(30_000);

    const strip = page.getByTestId('stats-strip');
    await expect(strip.getByTestId('stat-attack')).toContainText('Ataque frenado');
    await expect(strip.getByTestId('stat-attack')).toContainText(/\d+ de [\d,]+k? solicitudes del ataque atendidas/);
    await expect(strip.getByTestId('stat-waf')).toContainText(/Cortafuegos\s*\d+ bloqueadas/);
    await expect(strip.getByTestId('stat-waf')).toContainText(/maliciosas dejadas pasar · \d+ legítimas bloqueadas/);
    await expect(strip.getByTestId('stat-cpu-alb')).toContainText('CPU de alb');
    await expect(strip.getByTestId('stat-cpu-alb')).toContainText('de 1 núcleo');
    await expect(strip.getByTestId('stat-deploy-v2')).toContainText('Despliegue v2');
    await expect(strip.getByTestId('stat-deploy-v2')).toContainText(/(\d+(,\d+)? % a green|revertido)/);
    expect(await shownText(page, 'stats-strip')).not.toMatch(ENGLISH);
    await expect(page.getByTestId('rate-last-second')).toHaveText(/^\d+ sol\.\/s$/);

    // the controls: the states and buttons in Spanish, their keys (data-state) the engine's
    const controls = page.getByTestId('infra-controls');
    await expect(page.getByTestId('infra-control-balancer-alb')).toHaveAttribute('data-state', 'up');
    await expect(page.getByTestId('infra-control-balancer-alb')).toContainText('activo');
    await page.getByRole('button', { name: 'Apagón: región us-west-2' }).click();
    await expect(page.getByTestId('infra-control-balancer-alb-west')).toHaveAttribute('data-state', 'down with its region');
    await expect(page.getByTestId('infra-control-balancer-alb-west')).toContainText('caído con su región');
    await page.getByRole('button', { name: 'Conmutar: base de datos db' }).click();
    await expect(page.getByTestId('infra-control-database-db')).toHaveAttribute('data-state', 'failing over');
    await expect(page.getByTestId('infra-control-database-db')).toContainText('conmutando por error');
    await expect(page.getByRole('button', { name: 'Hacer caer: almacén de sesiones de blue' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Hacer caer: balanceador alb', exact: true })).toBeVisible();
    expect(await shownText(page, 'infra-controls')).not.toMatch(ENGLISH);
    // the shared store drawn on its group, in Spanish
    await expect(page.getByTestId('group-store-blue')).toContainText('almacén de sesiones');
    await snap(page, 'language-es-lab-status.png', { fullPage: true });
    await snap(controls, 'language-es-infra-controls.png');

    // the event log: the canary's step, the region and the failover the controls caused, in Spanish
    await lab.tab('events');
    const log = page.getByTestId('event-log');
    await expect(log.locator('.message', { hasText: /^v2: / }).first()).toHaveText('v2: el 10 % de las solicitudes a green, vigilado durante 60 s');
    await expect(log.locator('.kind[data-kind="deploy"]').first()).toHaveText('despliegue');
    await expect(log.locator('.message', { hasText: /^la región us-west-2 ha caído/ })).toHaveText('la región us-west-2 ha caído: se pararon alb-west y sus destinos');
    await expect(log.locator('.message', { hasText: /^db conmuta a su réplica en espera/ })).toHaveCount(1);
    await expect(log).not.toContainText(/\b(of requests to|region us-west-2 is down|fails over to its standby)\b/);
    await snap(log, 'language-es-infra-events.png');

    // a blind window on the charts: its story in Spanish (who failed, when, and what took it out or not)
    await lab.tab('charts');
    const bar = page.getByTestId('blind-window-band').getByRole('button').first();
    await bar.focus();
    const readout = page.getByTestId('blind-window-readout');
    await expect(readout).toHaveText(/^\S+ (se cayó|se colgó|perdió su conexión con la base de datos|empezó a fallar el \d+ % de las solicitudes) a los \d+,\d s: /);
    await expect(readout).not.toContainText(/\b(at|detected|still in rotation|requests? failed)\b/);
    await snap(page.getByTestId('blind-window-band'), 'language-es-blind-window.png');

    // the builder's outline names its nodes in Spanish
    await page.getByTestId('tab-build').click();
    const outline = page.getByTestId('builder').getByTestId('outline-node');
    await expect(outline.first()).toContainText('tráfico');
    await expect(page.getByTestId('builder').locator('[data-testid="outline-node"][data-kind="session-store"]').first()).toContainText('sesiones: shared');
    await expect(page.getByTestId('builder')).not.toContainText(/\b(traffic|sessions:)/);
    expect(errors).toEqual([]);
  });
});
