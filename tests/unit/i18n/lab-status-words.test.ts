// The lab's status words in Spanish (issue 19): the stats strip (edge protection, a balancer's CPU, deployments,
// dollars), the failure-injection controls, the blind-window band, a group's session store, what the live region
// says, the speed, a dead worker's reason, the builder's outline and the large-fleet template. English stays as the
// other tests (run-stats, infra-actions, blind-window-band, session-stores, narration, speed) already hold it.
import { describe, expect, it } from 'vitest';
import { overwriteGetLocale } from '../../../src/i18n/paraglide/runtime.js';
import type { InfraSnapshot, MetricsReport } from '../../../src/engine/types.ts';
import { deploymentStat, formatUsd, runStats } from '../../../src/viz/run-stats.ts';
import { infraActionName, infraControls, infraWords } from '../../../src/viz/infra-actions.ts';
import { describeWindow } from '../../../src/viz/blind-window-band.ts';
import { storeView } from '../../../src/viz/session-stores.ts';
import { narrationOf } from '../../../src/sim/narration.ts';
import { formatSpeed } from '../../../src/sim/speed.ts';
import { NoAnswerError } from '../../../src/sim/deadline.ts';
import { outlineOf } from '../../../src/ui/builder/outline.ts';
import { validateScenario } from '../../../src/scenario/validate.ts';
import { fleet } from '../../../src/ui/sandbox/fleet.ts';
import { SHORTCUTS } from '../../../src/ui/shell/shortcuts.ts';
import { windowOf, zonedTopology } from '../viz/infra-fixtures.ts';
import { englishAfterEach, readScenario } from './support/words.ts';

englishAfterEach();
const spanish = (): void => overwriteGetLocale(() => 'es');

const noEdge = { attackRequests: 0, attackStopped: 0, attackServed: 0, maliciousBlocked: 0, maliciousAllowed: 0, legitRateLimited: 0, legitBlocked: 0 };
// 1,000 attack requests, 900 stopped and 100 served: 90 % stopped; the WAF blocked 40, let 2 through and blocked 3
// legitimate ones; 7 legitimate requests were rate-limited
const edge: MetricsReport['edge'] = { attackRequests: 1000, attackStopped: 900, attackServed: 100, maliciousBlocked: 40, maliciousAllowed: 2, legitRateLimited: 7, legitBlocked: 3 };
const metrics = (e: MetricsReport['edge']): MetricsReport =>
  ({ requests: { total: 9400, ok: 8000, failed: 1350, inFlight: 50 }, slo: { latencyMs: 500, good: 7200, goodPerSec: 72, goodShare: 0.77 }, cost: { totalUsd: 0.0123, instanceUsd: 0.01, balancerUsd: 0, dataTransferUsd: 0, instanceSeconds: 720, capacityUnitHours: 0, perMillionGoodUsd: 0.82 }, sessions: null, edge: e }) as MetricsReport;
const infra = (over: Partial<InfraSnapshot> = {}): InfraSnapshot => ({ balancers: [], databases: [], dns: [], forwards: [], deployments: [], sessionStores: [], ...over });
const cpu = infra({ balancers: [{ id: 'alb', state: 'up', zonesDown: [], cpuLoad: 0.95, cpuCores: 2 }, { id: 'edge', state: 'up', zonesDown: [], cpuLoad: 0.5, cpuCores: null }] });
const stat = (items: ReturnType<typeof runStats>, key: string) => {
  const i = items.find((x) => x.key === key);
  return i && [i.label, i.value, i.detail];
};

describe('the stats strip', () => {
  it('in English, as before: edge protection and a balancer with no core count', () => {
    const items = runStats(metrics(edge), null, cpu);
    expect(stat(items, 'attack')).toEqual(['Attack stopped', '90%', '100 of 1k attack requests served']);
    expect(stat(items, 'waf')).toEqual(['Firewall', '40 blocked', '2 malicious let through · 3 legitimate blocked']);
    expect(stat(items, 'rate-limited')).toEqual(['Rate-limited', '7', 'legitimate requests answered 429']);
    expect(stat(items, 'cpu-edge')).toEqual(['edge CPU', '50%', 'of its capacity']);
  });

  it('in Spanish: edge protection, CPU, deployments and dollars', () => {
    spanish();
    const items = runStats(metrics(edge), null, cpu);
    expect(stat(items, 'attack')).toEqual(['Ataque frenado', '90\u00a0%', '100 de 1k solicitudes del ataque atendidas']);
    expect(stat(items, 'waf')).toEqual(['Cortafuegos', '40 bloqueadas', '2 maliciosas dejadas pasar · 3 legítimas bloqueadas']);
    expect(stat(items, 'rate-limited')).toEqual(['Limitadas por ritmo', '7', 'solicitudes legítimas respondidas con 429']);
    expect(stat(items, 'cpu-alb')).toEqual(['CPU de alb', '95\u00a0%', 'de 2 núcleos']);
    expect(stat(items, 'cpu-edge')).toEqual(['CPU de edge', '50\u00a0%', 'de su capacidad']);
    expect(runStats(metrics(noEdge), null, undefined).map((i) => i.key)).not.toContain('attack');
    // the cost: two significant digits below a dollar, a decimal comma, no English grouping
    expect(stat(items, 'cost')?.[1]).toBe('$0,012');
    expect([formatUsd(0.5), formatUsd(1.234), formatUsd(1234.5), formatUsd(123456)]).toEqual(['$0,5', '$1,23', '$1235', '$123\u00a0456']);

    const d = { id: 'v2', from: 'blue', to: 'green' };
    const text = (state: InfraSnapshot['deployments'][number]['state'], percent: number) => {
      const i = deploymentStat({ ...d, state, percent });
      return [i.label, i.value, i.detail];
    };
    expect(text('waiting', 0)).toEqual(['Despliegue v2', '0 % a green', 'a la espera de empezar · todo en blue']);
    // 12.5 % on green leaves 100 − 12.5 = 87.5 % on blue
    expect(text('running', 12.5)).toEqual(['Despliegue v2', '12,5 % a green', 'en curso · 87,5 % aún en blue']);
    expect(text('done', 100)).toEqual(['Despliegue v2', '100 % a green', 'terminado']);
    expect(text('rolled-back', 0)).toEqual(['Despliegue v2', 'revertido', 'todo el tráfico de vuelta en blue']);
  });
});

describe('the failure-injection controls', () => {
  const topology = zonedTopology([{ id: 'east', count: 2 }], { zones: ['a'], balancers: 2, regions: ['us-east-1', 'us-west-2'], databases: [{ id: 'orders', groups: ['east'] }] });
  const out = [{ seq: 1, timeMs: 1000, kind: 'outage', subject: 'us-east-1', message: 'region us-east-1 is down: lb-1 and their targets stopped' }];
  const snapshot = infra({
    balancers: [
      { id: 'lb-1', state: 'down', zonesDown: [], cpuLoad: null, cpuCores: null },
      { id: 'lb-2', state: 'standby', zonesDown: [], cpuLoad: null, cpuCores: null },
    ],
    databases: [{ id: 'orders', maxConnections: 20, connectionsOpen: 12, clientConnections: 12, starved: 0, utilization: 0.1, proxy: false, failingOver: true }],
    sessionStores: [{ group: 'east', kind: 'shared', down: false }],
  });
  const shown = () => infraControls(topology, snapshot, out).map((c) => [infraWords(c.state), infraWords(c.label), infraActionName(c)]);

  it('in English: the engine\'s words, and the button named after what it acts on', () => {
    expect(shown()).toEqual([
      ['up', 'Outage', 'Outage zone a'],
      ['down', 'Recover', 'Recover region us-east-1'],
      ['up', 'Outage', 'Outage region us-west-2'],
      ['down with its region', 'Crash', 'Crash balancer lb-1'],
      ['standby serving', 'Recover', 'Recover balancer lb-2'],
      ['failing over', 'Fail over', 'Fail over database orders'],
      ['up', 'Crash', 'Crash session store of east'],
    ]);
  });

  it('in Spanish: states, buttons and names, while the keys tests and data-state read stay the engine\'s', () => {
    spanish();
    const controls = infraControls(topology, snapshot, out);
    expect(controls.map((c) => c.state)).toEqual(['up', 'down', 'up', 'down with its region', 'standby serving', 'failing over', 'up']);
    expect(shown()).toEqual([
      ['activo', 'Apagón', 'Apagón: zona a'],
      ['caído', 'Recuperar', 'Recuperar: región us-east-1'],
      ['activo', 'Apagón', 'Apagón: región us-west-2'],
      ['caído con su región', 'Hacer caer', 'Hacer caer: balanceador lb-1'],
      ['responde el de reserva', 'Recuperar', 'Recuperar: balanceador lb-2'],
      ['conmutando por error', 'Conmutar', 'Conmutar: base de datos orders'],
      ['activo', 'Hacer caer', 'Hacer caer: almacén de sesiones de east'],
    ]);
  });
});

describe('the blind-window band, a session store, the live region, the speed and a dead worker', () => {
  it('in Spanish, with the same numbers as the English tests', () => {
    spanish();
    // failed at 10 s, out of rotation at 17.5 s by the active check: 7.5 s blind, 34 requests failed
    expect(describeWindow(windowOf('b', 10, 17.5, 7.5, 34), 60_000)).toBe('b se cayó a los 10,0 s: detectado tras 7,5 s por las comprobaciones de estado activas; fallaron 34 solicitudes');
    expect(describeWindow(windowOf('b', 10, 35, null, 1), 60_000)).toBe('b se cayó a los 10,0 s: nunca se detectó, se recuperó tras 25 s; falló 1 solicitud');
    // still open at 14 s: 14 − 10 = 4 s undetected so far
    expect(describeWindow(windowOf('b', 10, null), 14_000)).toBe('b se cayó a los 10,0 s: sigue en rotación, sin detectar tras 4 s; hasta ahora fallaron 10 solicitudes');
    expect(describeWindow({ ...windowOf('c', 10, 20), cause: 'started failing 50 % of requests', detectedBy: null }, 30_000)).toBe(
      'c empezó a fallar el 50 % de las solicitudes a los 10,0 s: detectado tras 10 s por el balanceador; fallaron 10 solicitudes',
    );

    expect(storeView({ group: 'web', kind: 'shared', down: true })).toMatchObject({ lines: ['tipo Redis', 'almacén de sesiones'], describe: 'almacén de sesiones tipo Redis, caído' });
    expect(storeView({ group: 'web', kind: 'replicated', down: false }).describe).toBe('sesiones replicadas, activo');

    // the event log's Spanish line, at its time with a decimal comma
    const crash = { seq: 1, timeMs: 30_000, kind: 'crash', subject: 'b', message: 'b crashed: its in-flight requests failed and new connections are refused' };
    expect(narrationOf(crash)).toBe('A los 30,0 s, b se ha caído: sus solicitudes en curso fallaron y rechaza las conexiones nuevas.');

    expect([formatSpeed(0.5), formatSpeed(1000), formatSpeed('max')]).toEqual(['0,5×', '1000×', 'lo más rápido posible']);
    expect(new NoAnswerError(5_000).message).toBe('la simulación no respondió en 5 s');
  });
});

describe('the builder\'s outline, the large-fleet template and the shortcut keys', () => {
  it('in Spanish: node names, the template document\'s name, the keys as Spanish keyboards label them', () => {
    spanish();
    // the shop (its groups keep sessions somewhere) with one rule on its first listener
    const v = validateScenario(readScenario('scenarios/sticky-vs-shared-sessions.json'));
    if (!v.ok) throw new Error(JSON.stringify(v.errors));
    const shop = v.value;
    shop.balancers[0].listeners[0].rules.push({ match: { pathPrefix: '/cart' }, forward: shop.targetGroups[0].id } as (typeof shop.balancers)[0]['listeners'][0]['rules'][0]);
    const names = outlineOf(shop).map((n) => n.name);
    expect(names[0]).toBe('tráfico');
    expect(names).toContain(`regla 1: /cart → ${shop.targetGroups[0].id}`);
    expect(names).toContain(`sesiones: ${shop.targetGroups[0].sessionStore.kind}`);
    expect(names.some((n) => /^(traffic|rule \d|sessions:)/.test(n))).toBe(false);

    const doc = fleet(50, 2000) as { name: string; description: string };
    expect(doc.name).toBe('50 destinos a 2000 sol./s');
    expect(doc.description).toBe('Una flota grande de destinos idénticos detrás de un balanceador.');

    const shown = SHORTCUTS.map((s) => s.shown?.() ?? s.keys);
    expect(shown).toContain('Espacio');
    expect(shown).toContain('Mayús + →');
    expect(shown).toContain('Av Pág / Re Pág');
    expect(SHORTCUTS.map((s) => s.keys)).toContain('Page Down / Page Up'); // the key's own name, for the code
  });
});
