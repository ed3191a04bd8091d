// Validation errors on the page (issue 19): each known error carries a code and its values; the page words it
// from messages/*.json, the JSON path kept as written. The English templates are messages/en.json's; worded in
// English from the code and values, every coded error of a broad sample reads exactly as the validator wrote
// it (so the values carry everything the sentence says); Spanish reads in Spanish, numbers the Spanish way;
// an unknown code or no code keeps the English.
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { overwriteGetLocale } from '../../../src/i18n/paraglide/runtime.js';
import { errorLine, errorWords, loadErrorWords } from '../../../src/i18n/validation-words.ts';
import { wordError } from '../../../src/i18n/validation-messages.ts';
import { EN_ERRORS } from '../../../src/scenario/error-templates.ts';
import { parseScenarioText, validateChange, validateScenario, type ValidationError } from '../../../src/scenario/validate.ts';
import { patchScenario } from '../../../src/scenario/patch.ts';
import type { Scenario } from '../../../src/scenario/schema.ts';

afterEach(() => overwriteGetLocale(() => 'en'));

/** The page in Spanish, its wording of errors loaded (as src/i18n/start.ts does). */
async function spanish(): Promise<void> {
  overwriteGetLocale(() => 'es');
  await loadErrorWords();
}

const ROOT = resolve(import.meta.dirname, '../../..');
const en = JSON.parse(readFileSync(join(ROOT, 'messages/en.json'), 'utf8')) as Record<string, string>;
const read = (file: string): Scenario => JSON.parse(readFileSync(join(ROOT, file), 'utf8')) as Scenario;
const three = read('scenarios/three-servers.json');

function errorsOf(v: { ok: boolean; errors?: ValidationError[] }): ValidationError[] {
  return v.ok ? [] : (v.errors ?? []);
}

/** Every coded error, inner ones included. */
function coded(errors: readonly ValidationError[]): ValidationError[] {
  return errors.flatMap((e) => [...(e.code === undefined ? [] : [e]), ...(e.inner ? coded([e.inner]) : [])]);
}

/** Broken versions of every example scenario: each field of the first items set to a wrong value, removed, or its item doubled. */
function brokenExamples(): ValidationError[] {
  const out: ValidationError[] = [];
  const wrong: unknown[] = ['x', -1, null, {}, [], 1e9, 2.5, 0, true, 'y'.repeat(300)];
  for (const file of readdirSync(join(ROOT, 'scenarios'))) {
    const doc = read(`scenarios/${file}`);
    const walk = (v: unknown, at: string[]): void => {
      if (at.length > 0) {
        const path = '/' + at.join('/');
        for (const value of wrong) out.push(...errorsOf(patchScenario(doc, [{ op: 'replace', path, value }])));
        out.push(...errorsOf(patchScenario(doc, [{ op: 'remove', path }])));
        if (/\/\d+$/.test(path)) out.push(...errorsOf(patchScenario(doc, [{ op: 'add', path: path.replace(/\d+$/, '-'), value: v }])));
        if (typeof v === 'string') out.push(...errorsOf(patchScenario(doc, [{ op: 'replace', path, value: `${v}z` }])));
        if (v !== null && typeof v === 'object' && !Array.isArray(v)) out.push(...errorsOf(patchScenario(doc, [{ op: 'replace', path, value: { ...v, bogusKey: 1 } }])));
      }
      if (Array.isArray(v)) v.slice(0, 2).forEach((x, i) => walk(x, [...at, String(i)]));
      else if (v !== null && typeof v === 'object') for (const [k, x] of Object.entries(v)) walk(x, [...at, k]);
    };
    walk(doc, []);
  }
  return out;
}

describe('validation errors on the page', () => {
  it("the validator's English templates are messages/en.json's", () => {
    const differ = Object.entries(EN_ERRORS).filter(([k, v]) => en[k] !== v).map(([k]) => k);
    expect(differ).toEqual([]);
  });

  it('worded from its code and values in English, every coded error of broken example scenarios reads as the validator wrote it', () => {
    const errors = coded(brokenExamples());
    const differ = errors.filter((e) => wordError(e) !== e.message).map((e) => `${e.code}: ${wordError(e)} ≠ ${e.message}`);
    expect([...new Set(differ)]).toEqual([]);
    // the sample reaches the common kinds: types, required, enum, range, unknown field, references, cross-field rules
    const codes = new Set(errors.map((e) => e.code));
    for (const code of ['val_type', 'val_required', 'val_enum', 'val_min', 'val_max', 'val_unknown_key', 'val_no_group', 'val_no_target', 'val_duplicate_target', 'val_tag_unknown_one_of', 'val_kinds', 'val_default_forward', 'val_desired_capacity']) {
      expect(codes, code).toContain(code);
    }
    expect(codes.size).toBeGreaterThan(40);
  });

  it('in English the page shows the sentence as the validator wrote it', () => {
    const [e] = errorsOf(patchScenario(three, [{ op: 'replace', path: '/targetGroups/0/targets/0/concurrency', value: 0 }]));
    expect(errorLine(e)).toBe('targetGroups[0].targets[0].concurrency: must be ≥ 1, got number 0');
  });

  it('in Spanish, a refused value keeps its JSON path and reads in Spanish, numbers the Spanish way', async () => {
    await spanish();
    const [negative] = errorsOf(patchScenario(three, [{ op: 'replace', path: '/targetGroups/0/targets/0/concurrency', value: 0.5 }]));
    expect(errorLine(negative)).toBe('targetGroups[0].targets[0].concurrency: debe ser un número entero; se recibió el número 0,5');
    const [text] = errorsOf(patchScenario(three, [{ op: 'replace', path: '/traffic/arrival/ratePerSec', value: 'fast' }]));
    expect(errorLine(text)).toBe('traffic.arrival.ratePerSec: debe ser un número; se recibió el texto "fast"');
    const [missing] = errorsOf(patchScenario(three, [{ op: 'remove', path: '/targetGroups/0/id' }]));
    expect(errorLine(missing)).toBe('targetGroups[0].id: es obligatorio (un texto)');
    const [choice] = errorsOf(patchScenario(three, [{ op: 'replace', path: '/balancers/0/listeners/0/protocol', value: 'ftp' }]));
    expect(errorLine(choice)).toBe('balancers[0].listeners[0].protocol: debe ser "http" o "https" o "tcp" o "tls" o "udp"; se recibió el texto "ftp"');
    const [kind] = errorsOf(patchScenario(three, [{ op: 'replace', path: '/traffic/arrival/kind', value: 'burst' }]));
    expect(errorLine(kind)).toBe('traffic.arrival.kind: el texto "burst" no se reconoce; usa uno de "poisson", "constant", "closed", "replay"');
    const [unknown] = errorsOf(patchScenario(three, [{ op: 'add', path: '/targetGroups/0/wieght', value: 2 }]));
    expect(errorLine(unknown)).toBe('targetGroups[0]: campo desconocido "wieght" (revisa cómo está escrito; consulta docs/scenario-format.md)');
  });

  it('in Spanish, references and rules across fields read in Spanish with their values', async () => {
    await spanish();
    const [reference] = errorsOf(patchScenario(three, [{ op: 'replace', path: '/balancers/0/listeners/0/defaultForward', value: 'api' }]));
    expect(errorLine(reference)).toBe('balancers[0].listeners[0].defaultForward: no hay ningún grupo de destino con id "api"');
    const [duplicate] = errorsOf(patchScenario(three, [{ op: 'replace', path: '/targetGroups/0/targets/1/id', value: 'a' }]));
    expect(errorLine(duplicate)).toBe('targetGroups: id de destino repetido: "a" (los ids de destino son únicos entre todos los grupos)');
    // a check every 2 s that waits 2.5 s for an answer would overlap the next one
    const [overlap] = errorsOf(patchScenario(three, [{ op: 'add', path: '/targetGroups/0/healthCheck', value: { intervalSec: 2, timeoutSec: 2.5 } }]));
    expect(errorLine(overlap)).toBe('targetGroups[0].healthCheck.timeoutSec: el tiempo límite (2,5 s) debe ser menor que el intervalo (2 s), o las comprobaciones se solaparían');
    const [change] = errorsOf(validateChange({ action: 'crash', target: 'z' }, three));
    expect(errorLine(change)).toBe('(change).target: no hay ningún destino con id "z"');
  });

  it('in Spanish, a scheduled patch that breaks the scenario names its time, the broken field and the reason in Spanish', async () => {
    await spanish();
    const doc = { ...three, events: [{ atSec: 10, action: 'patch', path: '/balancers/0/listeners/0/defaultForward', value: 'cart' }] };
    const [e] = errorsOf(validateScenario(doc));
    expect(e.message).toBe('at 10 s, the patched scenario\'s balancers[0].listeners[0].defaultForward: no target group with id "cart"');
    expect(errorLine(e)).toBe('events[0]: a los 10 s, en el escenario ya parcheado, balancers[0].listeners[0].defaultForward: no hay ningún grupo de destino con id "cart"');
  });

  it('an error without a code, or with a code this page does not know, keeps its English', async () => {
    await spanish();
    expect(errorWords({ path: 'link', message: 'the link is damaged' })).toBe('the link is damaged');
    expect(errorLine({ path: 'x', message: 'some new rule', code: 'val_from_a_newer_validator', params: { id: 'a' } })).toBe('x: some new rule');
    // not JSON at all: the parser's reason is the browser's own, quoted as it is and said to be English
    const [syntax] = errorsOf(parseScenarioText('{'));
    expect(errorWords(syntax)).toBe(`no es JSON válido; el lector de JSON del navegador dice (en inglés): ${syntax.message.replace(/^not valid JSON: /, '')}`);
  });
});
