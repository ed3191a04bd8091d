// The last refusals that reached a Spanish page in English (issue 19): cron expressions, JSON Patch that cannot
// apply, a running simulation's refusal to adopt a patch, restore and replay-log limits, and access-log import
// lines. Each now carries a code and values: the English is the sentence each place wrote before (written out
// here as it was), and the Spanish keeps the JSON path (or line) and the values as written.
import { describe, expect, it } from 'vitest';
import { englishAfterEach, errorsOf, messagesOf, readScenario as read, spanish } from './support/words.ts';
import { errorLine } from '../../../src/i18n/validation-words.ts';
import { wordError } from '../../../src/i18n/validation-messages.ts';
import { EN_ERRORS, type ErrorCode } from '../../../src/scenario/error-templates.ts';
import { validateScenario, type ValidationError } from '../../../src/scenario/validate.ts';
import { applyPatches } from '../../../src/scenario/json-patch.ts';
import { cronError } from '../../../src/scenario/cron.ts';
import { createSimulation } from '../../../src/engine/index.ts';
import { importAccessLog, importLine } from '../../../src/import/index.ts';
import { createSimApi } from '../../../workers/sim-api.ts';
import type { Change, Scenario } from '../../../src/scenario/schema.ts';

englishAfterEach();

const three = read('scenarios/three-servers.json');
const es = messagesOf('es');

/** Every code in an error and the errors it wraps. */
const codesOf = (e: ValidationError): string[] => [...(e.code ? [e.code] : []), ...(e.inner ? codesOf(e.inner) : [])];
/** The error worded in English from its code and values: must be the sentence as written. */
function englishWorded(e: ValidationError): string {
  return wordError(e);
}

/** A scenario with one scheduled scaling action recurring on `recurrence`. */
const withCron = (recurrence: string): unknown => ({
  ...three,
  scalingGroups: [{ id: 'asg', targetGroup: 'web', min: 1, max: 5, policies: [{ kind: 'scheduled', actions: [{ recurrence, desired: 2 }] }] }],
});

describe('cron expressions', () => {
  // the sentences cron.ts threw before it had codes
  const cases: [string, string, string][] = [
    ['0 18 * *', 'cron: expected 5 fields (minute hour day month weekday), got 4', 'cron: se esperaban 5 campos (minuto hora día mes día-de-la-semana), hay 4'],
    ['60 * * * *', 'cron: bad minute "60" (allowed 0–59)', 'cron: el campo minuto no admite "60" (admite de 0 a 59)'],
    ['0 5-1 * * *', 'cron: empty range in hour "5-1"', 'cron: intervalo vacío en el campo hora: "5-1"'],
    ['*/0 * * * *', 'cron: bad step in minute "*/0"', 'cron: paso no válido en el campo minuto: "*/0"'],
    ['0 0 ? * *', 'cron: bad day of month "?" (allowed 1–31)', 'cron: el campo día del mes no admite "?" (admite de 1 a 31)'],
    ['0 0 * * 1-2-3', 'cron: bad range in day of week "1-2-3"', 'cron: intervalo no válido en el campo día de la semana: "1-2-3"'],
  ];
  it.each(cases)('%s: the same English, and Spanish at the recurrence\'s path', async (expression, english, spanishWords) => {
    const [e] = errorsOf(validateScenario(withCron(expression)));
    expect(e.path).toBe('scalingGroups[0].policies[0].actions[0].recurrence');
    expect(e.message).toBe(english);
    expect(cronError(expression)?.message).toBe(english);
    expect(englishWorded(e)).toBe(english);
    await spanish();
    expect(errorLine(e)).toBe(`scalingGroups[0].policies[0].actions[0].recurrence: ${spanishWords}`);
  });
});

describe('JSON Patch that cannot apply', () => {
  const doc = { list: [1, 2, 3], obj: { x: 1 }, n: 5 };
  // the sentences json-patch.ts wrote before it had codes (tests/unit/scenario/patch.test.ts has them too)
  const cases: [string, Parameters<typeof applyPatches>[1], string, string][] = [
    ['no key to replace', [{ op: 'replace', path: '/obj/z', value: 1 }], 'there is no "z" to replace', 'no hay ningún "z" al que aplicar replace'],
    ['an item past the end', [{ op: 'remove', path: '/list/3' }], 'there is no item 3 (the list has 3)', 'no hay ningún elemento 3 (la lista tiene 3)'],
    ['"-" without add', [{ op: 'replace', path: '/list/-', value: 1 }], '"-" (the end of the list) only works with add', '"-" (el final de la lista) solo sirve con add'],
    ['a leading zero', [{ op: 'add', path: '/list/01', value: 1 }], '"01" is not a position in the list', '"01" no es una posición de la lista'],
    ['a missing parent', [{ op: 'add', path: '/nope/x', value: 1 }], '/nope: there is no "nope" here', '/nope: aquí no hay ningún "nope"'],
    ['a parent that is not a container', [{ op: 'add', path: '/n/x/y', value: 1 }], '/n/x: this value has no parts', '/n/x: este valor no tiene partes'],
    ['no value', [{ op: 'add', path: '/obj/y' }], 'add needs a value', 'la operación add necesita un valor'],
    ['removing everything', [{ op: 'remove', path: '' }], 'the whole scenario cannot be removed', 'no se puede eliminar el escenario entero'],
    ['no slash', [{ op: 'add', path: 'obj', value: 1 }], '"obj" is not a JSON Pointer: it must start with "/"', '"obj" no es un JSON Pointer: debe empezar por "/"'],
    ['a bad escape', [{ op: 'add', path: '/obj/a~2', value: 1 }], '"/obj/a~2" has a "~" not followed by 0 or 1', '"/obj/a~2" tiene un "~" que no va seguido de 0 ni de 1'],
    ['the second of two', [{ op: 'add', path: '/obj/y', value: 1 }, { op: 'remove', path: '/obj/q' }], 'patch 2: there is no "q" to remove', 'parche 2: no hay ningún "q" al que aplicar remove'],
  ];
  it.each(cases)('%s: the same English, and Spanish at the pointer', async (_name, patches, english, spanishWords) => {
    const [e] = errorsOf(applyPatches(doc, patches));
    expect(e.message).toBe(english);
    expect(englishWorded(e)).toBe(english);
    expect(e.code).toBeDefined();
    await spanish();
    expect(errorLine(e)).toBe(`${e.path}: ${spanishWords}`);
  });

  it('a scheduled patch that cannot apply names its time, its pointer and the reason in Spanish', async () => {
    const doc2 = { ...three, events: [{ atSec: 10, action: 'patch', path: '/targetGroups/0/nope', value: 1 }] };
    const [e] = errorsOf(validateScenario(doc2));
    expect(e.message).toBe('at 10 s, /targetGroups/0/nope: there is no "nope" to replace');
    await spanish();
    expect(errorLine(e)).toBe('events[0]: a los 10 s, /targetGroups/0/nope: no hay ningún "nope" al que aplicar replace');
  });
});

describe('a running simulation that cannot adopt a patch', () => {
  const twoGroups: Scenario = { ...three, targetGroups: [...three.targetGroups, { ...three.targetGroups[0], id: 'api', targets: [{ ...three.targetGroups[0].targets[0], id: 'x' }] }] };
  const replayed: Scenario = { ...three, traffic: { ...three.traffic, arrival: { kind: 'replay', requests: [{ atMs: 0 }, { atMs: 500 }] } } } as Scenario;
  // Simulation.apply's sentences before they had codes: "path: reason"
  const cases: [string, Scenario, Change, string, string, string][] = [
    ['a new seed', three, { action: 'patch', path: '/seed', value: 9 }, 'seed: the seed makes the run; a new seed starts a new run (New seed)', 'val_adopt_seed', 'seed: la semilla determina la ejecución; una semilla nueva empieza otra ejecución (Nueva semilla)'],
    ['new scheduled events', three, { action: 'patch', op: 'add', path: '/events/-', value: { atSec: 50, action: 'crash', target: 'a' } }, 'events: scheduled events are fixed for a run; add a live change at its time instead', 'val_adopt_events', 'events: los eventos programados son fijos durante una ejecución; añade en su lugar un cambio en directo en ese momento'],
    ['open to closed loop', three, { action: 'patch', path: '/traffic/arrival', value: { kind: 'closed', users: 20, thinkTimeMs: { dist: 'exponential', meanMs: 1000 } } }, 'traffic.arrival.kind: switching between closed-loop users and open-loop arrivals needs a new run', 'val_adopt_closed', 'traffic.arrival.kind: pasar de usuarios en bucle cerrado a llegadas en bucle abierto, o al revés, necesita una ejecución nueva'],
    ['a replayed file', replayed, { action: 'patch', op: 'add', path: '/traffic/arrival/requests/-', value: { atMs: 900 } }, 'traffic.arrival: a replayed traffic file is fixed for a run', 'val_adopt_replay', 'traffic.arrival: un archivo de tráfico reproducido es fijo durante una ejecución'],
    [
      'a target moved to another group',
      twoGroups,
      { action: 'patch', patches: [{ op: 'remove', path: '/targetGroups/0/targets/0' }, { op: 'add', path: '/targetGroups/1/targets/-', value: three.targetGroups[0].targets[0] }] },
      'targetGroups[1].targets[1].id: a is a target of web in this run; a target keeps its group (give the new one another id)',
      'val_adopt_target_group',
      'targetGroups[1].targets[1].id: a es un destino de web en esta ejecución; un destino conserva su grupo (dale otro id al nuevo)',
    ],
  ];
  it.each(cases)('%s: Simulation.apply says the same English; the worker answers it at its path with its code', async (_name, world, change, english, code, spanishLine) => {
    const valid = validateScenario(world);
    if (!valid.ok) throw new Error(JSON.stringify(valid.errors));
    const sim = createSimulation(valid.value);
    sim.runUntil(1_000);
    expect(sim.apply(change)).toBe(english);
    const api = createSimApi();
    const opened = api.open(world);
    if (!opened.ok) throw new Error(JSON.stringify(opened.errors));
    api.advance(opened.id, 1_000);
    const refused = api.apply(opened.id, change) ?? [];
    expect(refused).toHaveLength(1);
    expect(refused[0].code).toBe(code);
    expect(`${refused[0].path}: ${englishWorded(refused[0])}`).toBe(english);
    await spanish();
    expect(errorLine(refused[0])).toBe(spanishLine);
  });
});

describe('restoring a run from a change log', () => {
  it('a logged change the run refuses: the same English, its time and the reason in Spanish', async () => {
    const api = createSimApi();
    const opened = api.open(three, { changes: [{ atMs: 1_500, change: { action: 'patch', path: '/seed', value: 9 } }], atMs: 2_000 });
    const [e] = errorsOf(opened);
    // as timeline.ts wrote it: `cannot be applied at ${(atMs / 1000).toFixed(3)} s: ${Simulation.apply's sentence}`
    expect(`${e.path}: ${e.message}`).toBe('changes[0].change: cannot be applied at 1.500 s: seed: the seed makes the run; a new seed starts a new run (New seed)');
    expect(codesOf(e)).toEqual(['val_run_refused', 'val_run_path', 'val_adopt_seed']);
    expect(englishWorded(e)).toBe(e.message);
    await spanish();
    expect(errorLine(e)).toBe('changes[0].change: no se puede aplicar a los 1,500 s: seed: la semilla determina la ejecución; una semilla nueva empieza otra ejecución (Nueva semilla)');
  });

  it('a replay longer than its budget: the same English, the Spanish with a decimal comma', async () => {
    let clock = 0;
    const api = createSimApi({ now: () => (clock += 10_000), restoreBudgetMs: 5_000 });
    const [e] = errorsOf(api.open(three, { changes: [], atMs: 30_000 }));
    expect(e).toMatchObject({ path: 'atMs', message: 'replaying the run to 30.0 s would take longer than 5 s', code: 'val_run_too_long' });
    await spanish();
    expect(errorLine(e)).toBe('atMs: reproducir la ejecución hasta los 30,0 s tardaría más de 5 s');
  });

  it('a change log out of shape: the same English, each at its path in Spanish', async () => {
    const api = createSimApi();
    const lines = (options: Parameters<typeof api.open>[1]): ValidationError[] => errorsOf(api.open(three, options));
    const cases: [Parameters<typeof api.open>[1], string, string][] = [
      [{ changes: [], atMs: 61_000 }, "atMs: must be a time from 0 to 60000 ms (the scenario's duration), got 61000", 'atMs: debe ser un momento de 0 a 60\u00a0000 ms (la duración del escenario); se recibió 61000'],
      [{ changes: [], atMs: 'soon' }, 'atMs: must be a time from 0 to 60000 ms (the scenario\'s duration), got "soon"', 'atMs: debe ser un momento de 0 a 60\u00a0000 ms (la duración del escenario); se recibió "soon"'],
      [{ changes: 'all of them', atMs: 0 }, 'changes: must be a list of logged changes', 'changes: debe ser una lista de cambios registrados'],
      [{ changes: [7], atMs: 500 }, 'changes[0]: must be an object with atMs and change', 'changes[0]: debe ser un objeto con atMs y change'],
      [{ changes: [{ atMs: 100, change: { action: 'crash', target: 'a' }, extra: 1 }], atMs: 500 }, 'changes[0].extra: is not a field of a logged change', 'changes[0].extra: no es un campo de un cambio registrado'],
      [{ changes: [{ atMs: 200, change: { action: 'crash', target: 'a' } }, { atMs: 100, change: { action: 'recover', target: 'a' } }], atMs: 500 }, 'changes[1].atMs: must be a time from 200 to 500 ms, in order, got 100', 'changes[1].atMs: debe ser un momento de 200 a 500 ms, en orden; se recibió 100'],
      [{ changes: [{ change: { action: 'crash', target: 'a' } }], atMs: 500 }, 'changes[0].atMs: must be a time from 0 to 500 ms, in order, got nothing', 'changes[0].atMs: debe ser un momento de 0 a 500 ms, en orden; se recibió nada'],
      [{ changes: [{ atMs: 100, change: { action: 'set-weight', target: 'a', weight: 'heavy' } }], atMs: 500 }, 'changes[0].change.weight: must be number, got the text "heavy"', 'changes[0].change.weight: debe ser un número; se recibió el texto "heavy"'],
      [{ seed: -1 }, 'seed: must be a whole number from 0 to 4294967295, got -1', 'seed: debe ser un número entero de 0 a 4294967295; se recibió -1'],
    ];
    for (const [options, english] of cases) {
      const [e] = lines(options);
      expect(`${e.path}: ${e.message}`).toBe(english);
      expect(e.code).toBeDefined();
      expect(englishWorded(e)).toBe(e.message);
    }
    await spanish();
    for (const [options, , spanishLine] of cases) expect(errorLine(lines(options)[0])).toBe(spanishLine);
  });
});

describe('access-log import lines', () => {
  const NGINX_OK = '10.0.0.1 - - [10/Oct/2000:13:55:36 -0700] "GET /a HTTP/1.1" 200 5 "-" "curl"';
  // readLog's and the parsers' sentences before they had codes
  const cases: [string, string, string][] = [
    ['hello', 'line 2: not in the combined log format ($remote_addr - $remote_user [$time_local] "$request" $status $body_bytes_sent "$http_referer" "$http_user_agent")', 'no está en el formato de registro combined ($remote_addr - $remote_user [$time_local] "$request" $status $body_bytes_sent "$http_referer" "$http_user_agent")'],
    ['10.0.0.1 - - [10/Xyz/2000:13:55:36 -0700] "GET /a HTTP/1.1" 200 5 "-" "curl"', 'line 2: the time "10/Xyz/2000:13:55:36 -0700" is not like 10/Oct/2000:13:55:36 -0700', 'la hora "10/Xyz/2000:13:55:36 -0700" no tiene la forma 10/Oct/2000:13:55:36 -0700'],
    ['10.0.0.1 - - [10/Oct/2000:13:55:36 -0700] "GET" 200 5 "-" "curl"', 'line 2: the request "GET" is not "METHOD target HTTP/x.y"', 'la solicitud "GET" no tiene la forma "MÉTODO destino HTTP/x.y"'],
    [`10.0.0.1 - - [10/Oct/2000:13:55:36 -0700] "GET /${'a'.repeat(300)} HTTP/1.1" 200 5 "-" "curl"`, 'line 2: the path is longer than 256 characters', 'la ruta tiene más de 256 caracteres'],
    ['10.0.0.1 - - [10/Oct/2000:13:55:36 -0700] "GET nowhere HTTP/1.1" 200 5 "-" "curl"', 'line 2: "nowhere" is neither a path nor a URL', '"nowhere" no es ni una ruta ni una URL'],
  ];
  it.each(cases)('nginx line %#: the same English, the reason in Spanish', async (bad, english, spanishWords) => {
    const r = importAccessLog(`${NGINX_OK}\n${bad}`, 'nginx');
    if (!r.ok) throw new Error('expected the good line to be read');
    expect(r.skipped.map(importLine)).toEqual([english]);
    expect(englishWorded(r.skipped[0])).toBe(r.skipped[0].message);
    await spanish();
    expect(r.skipped[0].path).toBe('line 2');
    expect(wordError(r.skipped[0])).toBe(spanishWords);
  });

  it('ALB lines and a log with nothing readable: the same English, Spanish names for the log', async () => {
    const alb = 'http 2018-07-02T22:23:00.186641Z app/my-lb 192.168.131.39:2817 10.0.0.1:80 0.000 0.001 0.000 200 200 34 366';
    const fields = importAccessLog(`${alb}\n`, 'alb');
    const none = importAccessLog('hello\n', 'alb');
    const empty = importAccessLog('\n', 'nginx');
    const lines = [fields, none, empty].map((r) => (r.ok ? [] : r.errors.map(importLine)));
    expect(lines).toEqual([
      ['no line of the ALB access log could be read', 'line 1: an ALB log line has at least 14 fields up to "user_agent", this one has 12'],
      ['no line of the ALB access log could be read', 'line 1: an ALB log line has at least 14 fields up to "user_agent", this one has 1'],
      ['the nginx access log is empty'],
    ]);
    await spanish();
    const words = [fields, none, empty].map((r) => (r.ok ? [] : r.errors.map(wordError)));
    expect(words[0]).toEqual(['no se pudo leer ninguna línea del registro de acceso de ALB', 'una línea de registro de ALB tiene al menos 14 campos hasta "user_agent"; esta tiene 12']);
    expect(words[2]).toEqual(['el registro de acceso de nginx está vacío']);
  });
});

describe('every new code', () => {
  const NEW = (Object.keys(EN_ERRORS) as ErrorCode[]).filter((k) => /^val_(cron|pointer|patch_|adopt|run_|import_|live_)/.test(k));
  it('has Spanish of its own (only the pure "{a}: {inner}" joins read alike), with the same placeholders', () => {
    expect(NEW.length).toBeGreaterThan(45);
    const placeholders = (t: string) => [...t.matchAll(/\{(\w+)\}/g)].map((x) => x[1]).sort();
    for (const code of NEW) {
      expect(placeholders(es[code]), code).toEqual(placeholders(EN_ERRORS[code]));
      if (!/^\{\w+\}: \{inner\}$/.test(EN_ERRORS[code])) expect(es[code], code).not.toBe(EN_ERRORS[code]);
    }
  });
});

