// The engine's refusals of live changes (issue 19): a change that passes the validator but that the running
// simulation cannot apply now — slowing a crashed target, resizing a group its scaling group owns, a rate for
// closed-loop users — reached a Spanish page in English. Each now carries a code and values: the English is the
// sentence the engine wrote before (written out here as it was), so the CLI and Simulation.apply read the same;
// the page words it in Spanish. Also: undo of a patch that cannot apply, and the two places where a message quotes
// text that is not ours (an exception, the browser's JSON parser) say that the quoted part is English.
import { describe, expect, it } from 'vitest';
import { englishAfterEach, readScenario as read, spanish } from './support/words.ts';
import { errorLine } from '../../../src/i18n/validation-words.ts';
import { wordError } from '../../../src/i18n/validation-messages.ts';
import { coded } from '../../../src/scenario/error-codes.ts';
import { invertPatches } from '../../../src/scenario/inverse-patch.ts';
import { validateScenario } from '../../../src/scenario/validate.ts';
import { createSimulation } from '../../../src/engine/index.ts';
import { LIMITS } from '../../../src/scenario/limits.ts';
import { createSimApi } from '../../../workers/sim-api.ts';
import { eventWords } from '../../../src/viz/event-words.ts';
import { parseJson } from '../../../src/ui/sandbox/json-lines.ts';
import type { Change, Scenario } from '../../../src/scenario/schema.ts';

englishAfterEach();

const three = read('scenarios/three-servers.json');
const web = three.targetGroups[0];
/** Three targets of which only `a` has weight (b and c 0). */
const onlyA: Scenario = { ...three, targetGroups: [{ ...web, targets: web.targets.map((t) => (t.id === 'a' ? t : { ...t, weight: 0 })) }] };
/** Three targets of which `a` has weight 0. */
const aWeightless: Scenario = { ...three, targetGroups: [{ ...web, targets: web.targets.map((t) => (t.id === 'a' ? { ...t, weight: 0 } : t)) }] };
/** web's sessions kept in `kind` (three-servers keeps them in target memory, the default). */
const sessionsIn = (kind: 'none' | 'replicated'): Scenario => ({ ...three, targetGroups: [{ ...web, sessionStore: { kind } }] }) as Scenario;
const replayed = { ...three, traffic: { ...three.traffic, arrival: { kind: 'replay', requests: [{ atMs: 0 }, { atMs: 500 }] } } } as Scenario;

/** A simulation of `world` one second in, after `before` applied. */
function running(world: Scenario, before: Change[] = []) {
  const valid = validateScenario(world);
  if (!valid.ok) throw new Error(JSON.stringify(valid.errors));
  const sim = createSimulation(valid.value);
  sim.runUntil(1_000);
  for (const change of before) expect(sim.apply(change)).toBeNull();
  return sim;
}

// [what, world, changes applied first, the refused change, the engine's sentence before codes, its code, the Spanish]
type Case = [string, Scenario, Change[], Change, string, string, string];
const cases: Case[] = [
  ['an unknown target', three, [], { action: 'crash', target: 'zz' }, 'no target with id "zz"', 'val_live_no_target', 'no hay ningún destino con id "zz"'],
  ['an unknown group', three, [], { action: 'set-algorithm', group: 'api', algorithm: 'least-connections' }, 'no target group with id "api"', 'val_live_no_group', 'no hay ningún grupo de destino con id "api"'],
  ['an unknown balancer', three, [], { action: 'crash-balancer', balancer: 'lb2' }, 'no balancer with id "lb2"', 'val_live_no_balancer', 'no hay ningún balanceador con id "lb2"'],
  ['an unknown zone', three, [], { action: 'zone-outage', zone: 'mars-1a' }, 'no zone named "mars-1a"', 'val_live_no_zone', 'no hay ninguna zona llamada "mars-1a"'],
  ['a region without balancers', three, [], { action: 'region-outage', region: 'mars-1' }, 'no balancer in region "mars-1"', 'val_live_no_region', 'no hay ningún balanceador en la región "mars-1"'],
  ['an unknown database', three, [], { action: 'db-failover', database: 'db' }, 'no database with id "db"', 'val_live_no_database', 'no hay ninguna base de datos con id "db"'],
  ['an unknown scaling group', three, [], { action: 'set-capacity', scalingGroup: 'asg', desired: 2 }, 'no scaling group with id "asg"', 'val_live_no_scaling_group', 'no hay ningún grupo de escalado con id "asg"'],
  ['a group its scaling group owns', read('scenarios/black-friday-autoscaling.json'), [], { action: 'set-target-count', group: 'web', count: 9 }, 'web belongs to a scaling group: change its capacity with set-capacity', 'val_live_scaled_group', 'web pertenece a un grupo de escalado: cambia su capacidad con set-capacity'],
  ['shrinking to weightless targets', aWeightless, [], { action: 'set-target-count', group: 'web', count: 1 }, 'the 1 remaining target(s) of web would all have weight 0', 'val_live_remaining_weight_zero', 'los 1 destinos que quedarían en web tendrían todos peso 0'],
  ['more targets than the lab holds', three, [], { action: 'set-target-count', group: 'web', count: LIMITS.maxTargetsTotal + 1 }, `web cannot grow to 20001: at most 20000 targets in all`, 'val_live_too_many_targets', 'web no puede crecer a 20\u00a0001: como mucho 20\u00a0000 destinos en total'],
  ['the last weight to 0', onlyA, [], { action: 'set-weight', target: 'a', weight: 0 }, 'every target of web would have weight 0, so no request could be sent', 'val_live_all_weight_zero', 'todos los destinos de web tendrían peso 0 y no se podría enviar ninguna solicitud'],
  ['a swap without DNS', three, [], { action: 'swap-cnames', source: 'lb', destination: 'lb' }, 'the scenario has no DNS name to swap', 'val_live_no_dns', 'el escenario no tiene ningún nombre DNS que intercambiar'],
  ['a swap with itself', read('scenarios/two-regions-dns-failover.json'), [], { action: 'swap-cnames', source: 'alb-east', destination: 'alb-east' }, 'a swap needs two different balancers', 'val_live_swap_same', 'un intercambio necesita dos balanceadores distintos'],
  ['weights on a port without a listener', read('scenarios/canary-release.json'), [], { action: 'set-forward-weights', balancer: 'alb', port: 8080, weights: [{ group: 'blue', weight: 1 }] }, 'alb has no listener on port 8080', 'val_live_no_listener', 'alb no tiene ningún agente de escucha en el puerto 8080'],
  ['hanging a crashed target', three, [{ action: 'crash', target: 'a' }], { action: 'hang', target: 'a' }, 'a is crashed; recover it first', 'val_live_crashed', 'a está caído; recupéralo primero'],
  ['slowing a hung target', three, [{ action: 'hang', target: 'a' }], { action: 'slow', target: 'a', factor: 3 }, 'a is hung; recover it first', 'val_live_hung', 'a está colgado; recupéralo primero'],
  ['deregistering twice', three, [{ action: 'deregister', target: 'a' }], { action: 'deregister', target: 'a' }, 'a is already draining', 'val_live_draining', 'a ya se está drenando'],
  ['a stateless group\'s store', sessionsIn('none'), [], { action: 'crash-session-store', group: 'web' }, 'web keeps no sessions (a stateless service), so it has no shared store', 'val_live_no_sessions', 'web no guarda sesiones (es un servicio sin estado), así que no tiene almacén compartido'],
  ['sessions in target memory', three, [], { action: 'crash-session-store', group: 'web' }, 'web keeps sessions in target memory, not in a shared store', 'val_live_sessions_memory', 'web guarda las sesiones en la memoria de los destinos, no en un almacén compartido'],
  ['sessions in replicas', sessionsIn('replicated'), [], { action: 'crash-session-store', group: 'web' }, 'web keeps sessions in replicas, not in a shared store', 'val_live_sessions_replicas', 'web guarda las sesiones en réplicas, no en un almacén compartido'],
  ['a rate for closed-loop users', read('scenarios/closed-loop-users.json'), [], { action: 'set-rate', ratePerSec: 50 }, 'closed-loop traffic has users, not a rate', 'val_live_rate_closed', 'el tráfico en bucle cerrado tiene usuarios, no una tasa'],
  ['a rate for a replay', replayed, [], { action: 'set-rate', ratePerSec: 50 }, 'a replay sends exactly its listed requests, at no rate', 'val_live_rate_replay', 'una reproducción envía exactamente las solicitudes de su lista, sin tasa'],
];

describe('a live change the running simulation refuses', () => {
  it.each(cases)('%s: the same English sentence, a code, and Spanish at "(change)"', async (_what, world, before, change, english, code, spanishWords) => {
    const sim = running(world, before);
    expect(sim.apply(change)).toBe(english);
    const [e] = running(world, before).tryApply(change) ?? [];
    expect(e).toMatchObject({ path: '(change)', code, message: english });
    expect(wordError(e)).toBe(english);
    await spanish();
    // a refusal of the change as a whole has no place to name: its reason alone (the builder's undo label, a sweep's line)
    expect(errorLine(e)).toBe(spanishWords);
  });

  it('the two refusals no test world above reaches read the same in English and their own Spanish', async () => {
    const deregistered = coded('(change)', 'val_live_deregistered', { id: 'a' });
    const noRecord = coded('(change)', 'val_live_swap_no_record', { name: 'shop.example.com', source: 'blue', destination: 'green' });
    expect([deregistered, noRecord].map((e) => e.message)).toEqual([
      'a is already deregistered',
      'no record of shop.example.com points at blue or green',
    ]);
    await spanish();
    expect([deregistered, noRecord].map(wordError)).toEqual([
      'a ya está desregistrado',
      'ningún registro de shop.example.com apunta a blue ni a green',
    ]);
  });

  it('the worker answers a refusal with its code, so the page can word it', async () => {
    const api = createSimApi();
    const opened = api.open(three);
    if (!opened.ok) throw new Error('expected the scenario to open');
    api.advance(opened.id, 1_000);
    expect(api.apply(opened.id, { action: 'crash', target: 'b' })).toBeNull();
    const [e] = api.apply(opened.id, { action: 'errors', target: 'b', share: 0.5 }) ?? [];
    expect(e).toMatchObject({ path: '(change)', code: 'val_live_crashed', message: 'b is crashed; recover it first' });
    await spanish();
    expect(errorLine(e)).toBe('b está caído; recupéralo primero');
  });
});

describe('a scheduled change the run does not apply', () => {
  it('keeps its English line in the event log and is worded in Spanish from its code', async () => {
    const world = { ...three, events: [{ atSec: 10, action: 'crash', target: 'a' }, { atSec: 20, action: 'hang', target: 'a' }] } as Scenario;
    const sim = running(world);
    sim.runUntil(21_000);
    const [e] = sim.events(0).filter((x) => x.kind === 'error');
    expect(e).toMatchObject({ timeMs: 20_000, message: 'scheduled hang at 20 s not applied: a is crashed; recover it first' });
    expect(e.refusal?.map((r) => r.code)).toEqual(['val_live_crashed']);
    expect(eventWords(e)).toBe(e.message);
    await spanish();
    expect(eventWords(e)).toBe('el cambio programado hang a los 20 s no se aplicó: a está caído; recupéralo primero');
  });
});

describe('words around text that is not ours', () => {
  it('undo of a patch that cannot apply gives the patch\'s own coded reason', async () => {
    const inverted = invertPatches({ obj: { x: 1 }, n: 5 }, [{ op: 'add', path: '/n/x', value: 1 }]);
    if (inverted.ok) throw new Error('expected the patch not to apply');
    const [e] = inverted.errors;
    // before: inverse-patch.ts's own uncoded sentence at the patch's path
    expect(e).toMatchObject({ path: '/n/x', code: 'val_patch_parent', message: 'the parent of this path is not an object or a list' });
    await spanish();
    expect(errorLine(e)).toBe('/n/x: lo que contiene esta ruta no es ni un objeto ni una lista');
  });

  it('a file or editor text that is not JSON: our words in Spanish, the browser\'s reason quoted as English', async () => {
    const parsed = parseJson('{\n  "a": 1,\n  oops\n}');
    if (parsed.ok) throw new Error('expected a syntax error');
    const reason = parsed.error.params?.reason as string;
    expect(parsed.error.message).toBe(`not valid JSON: ${reason} (line 3, column 3)`);
    const tooLarge = coded('big.json', 'val_file_too_large', { mbText: '5.3' });
    expect(tooLarge.message).toBe('is 5.3 MB; a scenario file is at most 5 MB');
    await spanish();
    expect(wordError(parsed.error)).toBe(`no es JSON válido (línea 3, columna 3); el lector de JSON del navegador dice (en inglés): ${reason}`);
    expect(wordError(tooLarge)).toBe('ocupa 5,3 MB; un archivo de escenario ocupa como mucho 5 MB');
  });

  it('a worker that stopped: the page\'s own words for it', async () => {
    await spanish();
    expect(wordError(coded('(change)', 'val_live_stopped'))).toBe('la simulación se detuvo antes de poder aplicar el cambio');
  });

  it('an exception quoted after "could not start" is said to be the engine\'s English', async () => {
    const e = coded('(root)', 'val_run_start', { reason: 'boom' });
    expect(e.message).toBe('the simulation could not start: boom');
    await spanish();
    expect(wordError(e)).toBe('la simulación no pudo empezar: error interno del motor; su mensaje, en inglés: boom');
  });

  it('the browser running out of memory or stack while the run starts is said in Spanish, and stays as written in English', async () => {
    const memory = coded('(root)', 'val_run_start', { reason: 'Array buffer allocation failed' });
    const stack = coded('(root)', 'val_run_start', { reason: 'Maximum call stack size exceeded' });
    expect(memory.message).toBe('the simulation could not start: Array buffer allocation failed');
    await spanish();
    expect(wordError(memory)).toBe('la simulación no pudo empezar: el navegador se quedó sin memoria para esta ejecución (prueba con menos destinos, menos tráfico o una ejecución más corta)');
    expect(wordError(stack)).toBe('la simulación no pudo empezar: la ejecución anidó más llamadas de las que permite el navegador (se superó el tamaño máximo de la pila)');
  });
});
