// The event log's lines about what sits above the targets (issue 19): deployments, regions, balancers and their
// standby, databases and shared session stores. On a real run with every such failure a learner can inject, each
// line reads back word for word in English and in Spanish once the page is Spanish (no English sentence left).
import { beforeAll, describe, expect, it } from 'vitest';
import { overwriteGetLocale } from '../../../src/i18n/paraglide/runtime.js';
import { createSimulation } from '../../../src/engine/index.ts';
import type { SimEvent } from '../../../src/engine/types.ts';
import type { Change } from '../../../src/scenario/schema.ts';
import { validateScenario } from '../../../src/scenario/validate.ts';
import { eventWords, kindWords } from '../../../src/viz/event-words.ts';
import { englishAfterEach } from './support/words.ts';

englishAfterEach();

/** Two regions; alb with a hot standby, alb-west without; blue keeps sessions in a shared store and queries db; a canary to a failing green. */
const WORLD = {
  schemaVersion: 1,
  name: 'everything above the targets',
  seed: 5,
  durationSec: 300,
  traffic: { arrival: { kind: 'poisson', ratePerSec: 60 } },
  balancers: [
    { id: 'alb', region: 'us-east-1', standby: { heartbeatIntervalSec: 1, missedHeartbeats: 3 }, listeners: [{ port: 443, protocol: 'https', defaultForward: 'blue' }] },
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
    { id: 'green', algorithm: 'round-robin', targets: [{ id: 'green-1', concurrency: 16, errorShare: 0.3, serviceTimeMs: { dist: 'exponential', meanMs: 35 } }] },
  ],
  databases: [{ id: 'db', maxConnections: 15, readReplicas: 1, queryTimeMs: { dist: 'exponential', meanMs: 4 }, concurrency: 8 }],
  deployments: [{ id: 'v2', kind: 'canary', atSec: 5, balancer: 'alb', from: 'blue', to: 'green' }],
};

/** The run, with each failure of the failure-injection controls applied live. */
function run(): SimEvent[] {
  const v = validateScenario(structuredClone(WORLD));
  if (!v.ok) throw new Error(JSON.stringify(v.errors));
  const sim = createSimulation(v.value);
  const changes: [number, Change][] = [
    [10_000, { action: 'region-outage', region: 'us-west-2' }],
    [20_000, { action: 'region-recover', region: 'us-west-2' }],
    [25_000, { action: 'crash-balancer', balancer: 'alb' }],
    [40_000, { action: 'recover-balancer', balancer: 'alb' }],
    [45_000, { action: 'crash-balancer', balancer: 'alb-west' }],
    [50_000, { action: 'recover-balancer', balancer: 'alb-west' }],
    [55_000, { action: 'db-failover', database: 'db' }],
    [60_000, { action: 'crash-session-store', group: 'blue' }],
    [65_000, { action: 'recover-session-store', group: 'blue' }],
  ];
  for (const [at, change] of changes) {
    sim.runUntil(at);
    const refused = sim.apply(change);
    if (refused !== null) throw new Error(`${change.action}: ${JSON.stringify(refused)}`);
  }
  sim.runUntil(200_000);
  return sim.events(0);
}

const KINDS = ['deploy', 'db', 'takeover', 'outage', 'crash', 'recover'];

describe('event log lines above the targets', () => {
  let lines: SimEvent[] = [];
  beforeAll(() => {
    lines = run().filter((e) => KINDS.includes(e.kind));
  });

  it('occur in the run: a canary step and its rollback, a region down and back, both balancer failures, the takeover, a failover and its end, the store down and back', () => {
    const says = (re: RegExp) => lines.some((e) => re.test(e.message));
    expect(says(/^v2: \d+ % of requests to green/)).toBe(true);
    expect(says(/^v2 rolled back: green failed/)).toBe(true);
    expect(says(/^region us-west-2 is down: alb-west and their targets stopped$/)).toBe(true);
    expect(says(/^region us-west-2 is back$/)).toBe(true);
    expect(says(/^alb failed; its standby takes over after 3 missed heartbeats/)).toBe(true);
    expect(says(/^the standby of alb took over/)).toBe(true);
    expect(says(/^alb-west failed: it was a single point of failure/)).toBe(true);
    expect(says(/^db fails over to its standby: writes fail \(reads go on at its read replicas\) for [\d.]+ s$/)).toBe(true);
    expect(says(/^db is back: its standby is the new primary/)).toBe(true);
    expect(says(/^the session store of blue is down/)).toBe(true);
    expect(says(/^the session store of blue is back$/)).toBe(true);
  });

  it('in English are the engine\'s own lines, word for word', () => {
    expect(lines.filter((e) => eventWords(e) !== e.message).map((e) => `${e.message} ≠ ${eventWords(e)}`)).toEqual([]);
  });

  it('in Spanish: every one of them has a template, its numbers the Spanish way', () => {
    overwriteGetLocale(() => 'es');
    expect(lines.filter((e) => eventWords(e) === e.message).map((e) => e.message)).toEqual([]);
    const spanish = lines.map(eventWords);
    expect(spanish).toContain('la región us-west-2 ha caído: se pararon alb-west y sus destinos');
    expect(spanish).toContain('el almacén de sesiones de blue ha caído: las solicitudes que necesitan una sesión fallan con 500');
    expect(spanish).toContain('alb-west ha fallado: era un punto único de fallo, así que ahora falla todo cliente que llega a él');
    // the step of the default canary: 10 % for 60 s
    expect(spanish).toContain('v2: el 10 % de las solicitudes a green, vigilado durante 60 s');
    expect(spanish.find((s) => s.startsWith('v2 revertido: green falló el '))).toMatch(/^v2 revertido: green falló el \d+(,\d)? % de \d+ solicitudes \(límite 5 %\); todo el tráfico vuelve a blue$/);
    expect(spanish.find((s) => s.startsWith('alb ha fallado'))).toMatch(/^alb ha fallado; su balanceador de reserva toma el relevo tras 3 latidos perdidos \(\d+(,\d+)? s\)$/);
    expect([kindWords('deploy'), kindWords('db'), kindWords('takeover'), kindWords('group-mode')]).toEqual(['despliegue', 'base de datos', 'relevo', 'modo del grupo']);
  });

  it('a target the database turns away, and back (databases.ts\'s lines, which this run\'s pool never fills)', () => {
    const refused = { kind: 'db', message: 'blue-1 could not connect to db: too many connections (1200 of 1200 in use); its requests fail with 500' };
    const connected = { kind: 'db', message: 'blue-1 connected to db' };
    expect([eventWords(refused), eventWords(connected)]).toEqual([refused.message, connected.message]);
    overwriteGetLocale(() => 'es');
    expect(eventWords(refused)).toBe('blue-1 no pudo conectarse a db: demasiadas conexiones (1200 de 1200 en uso); sus solicitudes fallan con 500');
    expect(eventWords(connected)).toBe('blue-1 se conectó a db');
  });
});
