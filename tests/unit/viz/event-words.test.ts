// The event log in the page's language (src/viz/event-words.ts): in English every template gives back the
// engine's own line, on real runs (every scenario in scenarios/, and a run with every
// live failure a learner can cause); in Spanish the lines it knows read in Spanish, with numbers written
// the Spanish way, and a line it does not know stays as the engine wrote it.
import { readdirSync, readFileSync } from 'node:fs';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createSimulation } from '../../../src/engine/index.ts';
import type { SimEvent } from '../../../src/engine/types.ts';
import type { Change } from '../../../src/scenario/schema.ts';
import { validateScenario } from '../../../src/scenario/validate.ts';
import { overwriteGetLocale } from '../../../src/i18n/paraglide/runtime.js';
import { eventWords, kindWords } from '../../../src/viz/event-words.ts';
import { checked, simple } from '../engine/support/scenarios.ts';

afterEach(() => overwriteGetLocale(() => 'en'));

/** The events of a scenario file run for `untilMs` (files that do not validate on their own are skipped). */
function eventsOf(path: string, untilMs: number): SimEvent[] {
  const doc = validateScenario(JSON.parse(readFileSync(path, 'utf8')));
  if (!doc.ok) return [];
  const sim = createSimulation(doc.value);
  sim.runUntil(untilMs);
  return sim.events(0);
}

/** A run where a learner breaks and mends targets and changes settings live. */
function liveRun(): SimEvent[] {
  const base = simple({ targets: 3, ratePerSec: 30, concurrency: 10, queueLimit: 20, timeoutMs: 5_000, seed: 7 });
  const group = { ...base.targetGroups[0], healthCheck: { intervalSec: 5, timeoutSec: 2, healthyThreshold: 2, unhealthyThreshold: 2 } };
  const sim = createSimulation(checked({ ...base, targetGroups: [group] }));
  const changes: [number, Change][] = [
    [5_000, { action: 'crash', target: 'b' }],
    [6_000, { action: 'hang', target: 'c' }],
    [20_000, { action: 'recover', target: 'b' }],
    [21_000, { action: 'recover', target: 'c' }],
    [22_000, { action: 'slow', target: 'a', factor: 3 }],
    [23_000, { action: 'errors', target: 'a', share: 0.5 }],
    [24_000, { action: 'recover', target: 'a' }],
    [25_000, { action: 'set-weight', target: 'a', weight: 2.5 }],
    [26_000, { action: 'set-concurrency', target: 'a', concurrency: 1 }],
    [27_000, { action: 'set-rate', ratePerSec: 45.5 }],
    [28_000, { action: 'deregister', target: 'c' }],
    [40_000, { action: 'set-concurrency', target: 'a', concurrency: 10 }],
    [60_000, { action: 'register', target: 'c' }],
    [61_000, { action: 'set-target-count', group: 'web', count: 4 }],
    [62_000, { action: 'set-algorithm', group: 'web', algorithm: 'least-connections' }],
    [63_000, { action: 'break-dependency', target: 'b' }],
  ];
  for (const [at, change] of changes) {
    sim.runUntil(at);
    const refused = sim.apply(change);
    if (refused !== null) throw new Error(`${change.action}: ${refused}`);
  }
  sim.runUntil(90_000);
  return sim.events(0);
}

const files = readdirSync('scenarios').map((f) => `scenarios/${f}`);

describe('event log lines', () => {
  let events: SimEvent[] = [];
  beforeAll(() => {
    events = [...liveRun(), ...files.flatMap((f) => eventsOf(f, 60_000))];
  });

  it('in English are the engine\'s own lines, word for word', () => {
    // the live run alone writes a line per change and more (checks, detections): far more than these few
    expect(events.length).toBeGreaterThan(30);
    expect(events.filter((e) => eventWords(e) !== e.message).map((e) => `${e.kind}: ${e.message} ≠ ${eventWords(e)}`)).toEqual([]);
  });

  it('in Spanish: the kinds a learner sees most read in Spanish', () => {
    overwriteGetLocale(() => 'es');
    const unknown = events.filter((e) => eventWords(e) === e.message).map((e) => e.kind);
    const common = ['start', 'crash', 'hang', 'recover', 'degrade', 'drain', 'register', 'healthy', 'unhealthy', 'detected', 'config'];
    // every line of these kinds the runs produced has a template
    expect([...new Set(unknown.filter((k) => common.includes(k)))]).toEqual([]);
    // and each of them occurred, so the check above is not empty
    expect(common.filter((k) => !events.some((e) => e.kind === k))).toEqual([]);
  });

  it('in Spanish: ids and numbers go into the template, numbers in the Spanish way', () => {
    overwriteGetLocale(() => 'es');
    expect(eventWords({ kind: 'crash', message: 'b crashed: its in-flight requests failed and new connections are refused' })).toBe('b se ha caído: sus solicitudes en curso fallaron y rechaza las conexiones nuevas');
    expect(eventWords({ kind: 'config', message: 'weight of web-1 set to 2.5' })).toBe('peso de web-1 fijado en 2,5');
    expect(eventWords({ kind: 'config', message: 'arrival rate set to 1.2k/s' })).toBe('ritmo de llegada fijado en 1,2k/s');
    expect(eventWords({ kind: 'unhealthy', message: 'b marked unhealthy: 2 consecutive checks failed (connection refused)' })).toBe('b marcado en mal estado: 2 comprobaciones seguidas fallidas (conexión rechazada)');
    expect(eventWords({ kind: 'detected', message: 'b out of rotation 12.0 s after it crashed (by active health check); 1 request failed in the blind window' })).toBe(
      'b sale de rotación 12,0 s después de que se cayera (lo detectó: las comprobaciones de estado activas); 1 solicitud falló en la ventana ciega',
    );
    expect(eventWords({ kind: 'degrade', message: 'a is 3× slower and answering 50 % of requests with 500' })).toBe('a va 3× más lento y responde con 500 al 50 % de las solicitudes');
    expect(kindWords('crash')).toBe('caída');
  });

  it('a line no template knows, or whose reason is in free words, stays as the engine wrote it', () => {
    overwriteGetLocale(() => 'es');
    expect(eventWords({ kind: 'crash', message: 'something new happened' })).toBe('something new happened');
    expect(eventWords({ kind: 'terminate', message: 'asg terminates i-1 (a reason of the future)' })).toBe('asg terminates i-1 (a reason of the future)');
    expect(kindWords('a-new-kind')).toBe('a-new-kind');
  });
});
