// The sandbox's examples in the page's language (example-names.ts): in English each example's message is its
// file's own `name` (so the picker and the title read as before), in Spanish every example and template has a
// name of its own; a new or renamed example without one fails here.
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXAMPLE_DESCRIPTIONS, EXAMPLE_NAMES } from '../../../../src/ui/sandbox/example-names.ts';
import { catalog, scenarioTitle, scenarioTooltip } from '../../../../src/ui/sandbox/catalog.ts';

const ROOT = resolve(import.meta.dirname, '../../../..');
const messages = (lang: string) => JSON.parse(readFileSync(join(ROOT, `messages/${lang}.json`), 'utf8')) as Record<string, string>;
const [en, es] = [messages('en'), messages('es')];
const examples = readdirSync(join(ROOT, 'scenarios')).map((f) => {
  const doc = JSON.parse(readFileSync(join(ROOT, 'scenarios', f), 'utf8')) as { name: string; description: string };
  return { key: f.replace(/\.json$/, ''), name: doc.name, description: doc.description };
});
const keyOf = (key: string) => `example_${key.replace(/-/g, '_')}`;

describe('example names', () => {
  it('every example has a name message, in English its file\'s own name, in Spanish another', () => {
    expect(examples.length).toBeGreaterThan(5);
    for (const { key, name } of examples) {
      expect(EXAMPLE_NAMES[key], key).toBeDefined();
      expect(en[keyOf(key)]).toBe(name);
      expect(es[keyOf(key)], key).toBeTruthy();
      expect(es[keyOf(key)]).not.toBe(name);
    }
  });

  it('the templates keep their English names, and have Spanish ones', () => {
    expect(en.example_blank).toBe('Template: two targets, round robin');
    expect(en.example_large_fleet).toBe('Template: 50 targets at 2,000 req/s');
    expect(es.example_blank).toBe('Plantilla: dos destinos, round robin');
    expect(es.example_large_fleet).toBe('Plantilla: 50 destinos a 2000 sol./s');
  });

  it('in English the picker and the title read the examples\' own names; another name is shown as it is', () => {
    for (const { key, name } of examples) expect(catalog().find((e) => e.key === key)?.name).toBe(name);
    expect(scenarioTitle('Three equal servers behind round robin')).toBe('Three equal servers behind round robin');
    expect(scenarioTitle('Three servers, edited')).toBe('Three servers, edited');
    expect(Object.keys(EXAMPLE_NAMES).sort()).toEqual([...examples.map((e) => e.key), 'blank', 'large-fleet'].sort());
  });

  it('every example has a description message, in English its file\'s own, in Spanish another', () => {
    for (const { key, description } of examples) {
      expect(EXAMPLE_DESCRIPTIONS[key], key).toBeDefined();
      expect(en[`example_desc_${key.replace(/-/g, '_')}`]).toBe(description);
      expect(es[`example_desc_${key.replace(/-/g, '_')}`], key).toBeTruthy();
      expect(es[`example_desc_${key.replace(/-/g, '_')}`]).not.toBe(description);
    }
    expect(Object.keys(EXAMPLE_DESCRIPTIONS).sort()).toEqual(examples.map((e) => e.key).sort());
  });

  it('the title\'s tooltip is an example\'s description only while both the name and the description are the example\'s', () => {
    const three = examples.find((e) => e.key === 'three-servers');
    if (three === undefined) throw new Error('no three-servers example');
    expect(scenarioTooltip(three.name, three.description)).toBe(three.description);
    expect(scenarioTooltip(three.name, 'My own words')).toBe('My own words');
    expect(scenarioTooltip('Three servers, edited', three.description)).toBe(three.description);
    expect(scenarioTooltip(three.name, undefined)).toBeUndefined();
  });
});
