// The event log's lines about live configuration and the machinery around the targets (event-words-infra.ts,
// scaling-words.ts) that the lessons' own runs (every-event-line.test.ts) do not all produce: a managed balancer
// scaling up, an appliance's queue, HAProxy's admin states, a Route 53 record, Envoy's panic, forward weights, a zone
// leaving a group's rotation, zone rebalancing, spot reclaims, each scaling policy's reason. Each line is written as
// the engine's template writes it (the file named in the comment); in English it reads back byte for byte.
import { describe, expect, it } from 'vitest';
import { overwriteGetLocale } from '../../../src/i18n/paraglide/runtime.js';
import { eventWords } from '../../../src/viz/event-words.ts';
import { decisionWords } from '../../../src/viz/decision-words.ts';
import { englishAfterEach } from './support/words.ts';

englishAfterEach();

/** [kind, the engine's line, the page's Spanish]. */
const LINES: [string, string, string][] = [
  ['lb-scale', 'alb scaled up to 4 cores after 60 s above 80 % load', 'alb sube a 4 núcleos tras 60 s por encima del 80 % de carga'],
  ['appliance-full', 'fw-1 is dropping flows: its queue is full (1024 waiting for 1 worker)', 'fw-1 descarta flujos: su cola está llena (1024 esperando a 1 trabajador)'],
  ['appliance-ok', 'fw-1 is inspecting flows again: its queue has room', 'fw-1 vuelve a inspeccionar flujos: su cola tiene sitio'],
  ['maint', 'replicas/replica-4 is going DOWN for maintenance: it takes no new requests and its health checks pause; what it holds finishes', 'replicas/replica-4 pasa a DOWN por mantenimiento: no acepta solicitudes nuevas y sus comprobaciones de estado se pausan; lo que tiene en curso termina'],
  ['drain', 'web/web-2 enters drain mode: no new load-balanced requests, but requests whose cookie names it still go there', 'web/web-2 entra en modo drenaje: el reparto ya no le envía solicitudes nuevas, pero las solicitudes cuya cookie lo nombra siguen llegándole'],
  ['ready', 'web/web-2 is UP/READY (leaving maintenance): healthy at once, checked again now', 'web/web-2 está UP/READY (sale del mantenimiento): sano al momento, se vuelve a comprobar ahora'],
  ['ready', 'web/web-2 is UP/READY (leaving maintenance)', 'web/web-2 está UP/READY (sale del mantenimiento)'],
  ['ready', 'web/web-2 is READY (leaving drain): it takes new requests again', 'web/web-2 está READY (sale del drenaje): vuelve a aceptar solicitudes nuevas'],
  ['dns-healthy', 'record primary marked healthy: 1 passed check at 8 of 8 checkers (healthy needs > 18 %)', 'registro primary marcado como sano: 1 comprobación superada según 8 de 8 comprobadores (para estar sano hace falta más del 18 %)'],
  ['dns-healthy', 'record primary marked healthy: 3 consecutive passed checks', 'registro primary marcado como sano: 3 comprobaciones seguidas superadas'],
  ['group-mode', 'web is in panic: only 1 of 4 targets are healthy (below 50 %), so it sends to all of them (as Envoy does)', 'web entra en pánico: solo 1 de 4 destinos están sanos (menos del 50 %), así que envía a todos (como hace Envoy)'],
  ['config', 'alb now forwards 2.5 to blue, 8 to green', 'alb reenvía ahora 2,5 a blue, 8 a green'],
  ['config', 'web-3 is in zone us-east-1c, which no balancer forwarding to web has any more: it leaves rotation and finishes what it holds (as ELB\'s Target.NotInUse)', 'web-3 está en la zona us-east-1c, donde ya no queda ningún balanceador que reenvíe a web: sale de rotación y termina lo que tiene (como el Target.NotInUse de ELB)'],
  ['config', 'zone us-east-1c is back for web: web-3 returns to rotation', 'la zona us-east-1c vuelve a estar disponible para web: web-3 vuelve a rotación'],
  ['config', 'shop.example.com: CNAMEs of blue-env and green-env swapped (2 records); resolvers keep their cached answers for up to 60 s', 'shop.example.com: se intercambiaron los CNAME de blue-env y green-env (2 registros); los resolutores conservan sus respuestas en caché hasta 60 s'],
  ['config', 'scenario changed live: replace /dns/ttlSec, add /balancers/0/waf, remove /targetGroups/0/stickiness', 'escenario cambiado en vivo: sustituido /dns/ttlSec, añadido /balancers/0/waf, quitado /targetGroups/0/stickiness'],
  ['scaling', 'asg rebalances its zones: launching 2 in us-east-1a, us-east-1b before terminating as many', 'asg reequilibra sus zonas: lanza 2 en us-east-1a, us-east-1b antes de terminar otras tantas'],
  ['spot', 'spot capacity reclaimed: asg-3 is stopped', 'EC2 recupera la capacidad spot: asg-3 se detiene'],
  ['spot', 'spot interruption notice: asg-1 will be reclaimed in 120 s; it is deregistered and drains', 'aviso de interrupción spot: EC2 recuperará asg-1 dentro de 120 s; se desregistra y drena'],
  ['scaling', 'asg desired 3 → 5: target CPUUtilization 60.5: CPUUtilization 100.25 above target → ceil(3 × 100.25 / 60.5) → desired 5', 'asg deseada 3 → 5: objetivo CPUUtilization 60,5: CPUUtilization 100,25 por encima del objetivo → ceil(3 × 100,25 / 60,5) → deseada 5'],
  ['scaling', 'asg desired 5 → 4: target CPUUtilization 60: CPUUtilization 12.5 well below target for 15 min → remove 1 → desired 4', 'asg deseada 5 → 4: objetivo CPUUtilization 60: CPUUtilization 12,5 muy por debajo del objetivo durante 15 min → quitar 1 → deseada 4'],
  ['scaling', 'asg desired 2 → 5: step CPUUtilization: CPUUtilization 91.5 vs 60, step [20, +∞] +3 → desired 5', 'asg deseada 2 → 5: por pasos CPUUtilization: CPUUtilization 91,5 frente a 60, tramo [20, +∞] +3 → deseada 5'],
  ['scaling', 'asg desired 2 → 3: Beanstalk upper trigger (NetworkOut): NetworkOut 6000000 > 6000000 → +1 → desired 3', 'asg deseada 2 → 3: disparador superior de Beanstalk (NetworkOut): NetworkOut 6\u00a0000\u00a0000 > 6\u00a0000\u00a0000 → +1 → deseada 3'],
  ['scaling', 'asg desired 2 → 6: scheduled actions: action 1, evening peak → min 6, max 10, desired 6', 'asg deseada 2 → 6: acciones programadas: acción 1, evening peak → mín. 6, máx. 10, deseada 6'],
  ['scaling', 'asg desired 2 → 6: predictive CPUUtilization: forecast 71.5 for 18:00 on day 2 → 6 instances → desired 6', 'asg deseada 2 → 6: predictiva CPUUtilization: previsión de 71,5 para las 18:00 del día 2 → 6 instancias → deseada 6'],
  ['scaling', 'asg desired 2 → 4: HPA: CPU 120 % of requests vs target 80 % → 3 replicas, limited to 4 by stabilization and rate limits → desired 4', 'asg deseada 2 → 4: HPA: CPU al 120 % de lo pedido frente a un objetivo del 80 % → 3 réplicas, limitada a 4 por la estabilización y los límites de ritmo → deseada 4'],
  ['scaling', 'asg desired 12 → 10: HPA: replicas 12 outside [1, 10] → desired 10', 'asg deseada 12 → 10: HPA: réplicas 12 fuera de [1, 10] → deseada 10'],
  ['scaling', 'asg desired 2 → 3: my: policy: CPUUtilization no data > 60 → +10 % → desired 3', 'asg deseada 2 → 3: my: policy: CPUUtilization sin datos > 60 → +10 % → deseada 3'],
  ['detected', 'web-1 out of rotation 0.0 s after it crashed (by zone); 0 requests failed in the blind window', 'web-1 sale de rotación 0,0 s después de que se cayera (lo detectó: la caída de su zona); 0 solicitudes fallaron en la ventana ciega'],
  ['unhealthy', 'web-3 marked unhealthy: health counter fell below rise (2): last check connection refused', 'web-3 marcado en mal estado: el contador de salud bajó de rise (2); última comprobación: conexión rechazada'],
];

describe('event log lines of live configuration, scaling and the machinery around the targets', () => {
  it('in English are the engine\'s own lines, word for word', () => {
    expect(LINES.filter(([kind, message]) => eventWords({ kind, message }) !== message).map(([, message]) => message)).toEqual([]);
  });

  it.each(LINES)('in Spanish (%s): %s', (kind, message, spanish) => {
    overwriteGetLocale(() => 'es');
    expect(eventWords({ kind, message })).toBe(spanish);
  });

  it('a reason no policy writes stays as the engine wrote it, inside the Spanish line', () => {
    overwriteGetLocale(() => 'es');
    expect(eventWords({ kind: 'scaling', message: 'asg desired 2 → 3: custom: something new → desired 3' })).toBe('asg deseada 2 → 3: custom: something new → desired 3');
  });

  it('the numbers line of a scaling decision names a default policy in Spanish, a policy the scenario named as written', () => {
    const decision = { kind: 'scaling', policy: 'target CPUUtilization 50', from: 2, to: 3, min: 1, max: 10, alarm: null, formula: null } as const;
    expect(decisionWords(decision)).toBe('target CPUUtilization 50: desired 2 → 3');
    overwriteGetLocale(() => 'es');
    expect(decisionWords(decision)).toBe('objetivo CPUUtilization 50: deseada 2 → 3');
    expect(decisionWords({ ...decision, policy: 'evening rush' })).toBe('evening rush: deseada 2 → 3');
  });
});
