// The inspector's field names in the page's language (field-words.ts): in English each translated key reads
// exactly as schema-fields.ts's labelOf writes it (e2e tests find buttons such as "Add circuit breaker" by
// those words), every key is a field the scenario schema has, every field of the schema has words, in
// Spanish they read in Spanish, and keys without words keep their English.
import { afterEach, describe, expect, it } from 'vitest';
import { overwriteGetLocale } from '../../../../src/i18n/paraglide/runtime.js';
import { FIELD_WORD_KEYS, fieldWords } from '../../../../src/ui/builder/field-words.ts';
import { labelOf } from '../../../../src/ui/builder/schema-fields.ts';
import schema from '../../../../public/scenario.schema.json';

function propertyKeys(node: unknown, into = new Set<string>()): Set<string> {
  if (Array.isArray(node)) node.forEach((n) => propertyKeys(n, into));
  else if (node !== null && typeof node === 'object') {
    const props = (node as { properties?: unknown }).properties;
    if (props !== null && typeof props === 'object' && !Array.isArray(props)) Object.keys(props).forEach((k) => into.add(k));
    Object.values(node).forEach((n) => propertyKeys(n, into));
  }
  return into;
}

afterEach(() => overwriteGetLocale(() => 'en'));

describe('field words', () => {
  it('in English, every translated key reads as labelOf writes it', () => {
    expect(FIELD_WORD_KEYS.length).toBeGreaterThan(40);
    for (const key of FIELD_WORD_KEYS) expect(fieldWords(key, labelOf(key)), key).toBe(labelOf(key));
  });

  it('names only keys the scenario schema has', () => {
    const keys = propertyKeys(schema);
    expect(FIELD_WORD_KEYS.filter((k) => !keys.has(k))).toEqual([]);
  });

  it('has words for every field of the scenario schema (but $schema, a JSON Schema keyword)', () => {
    const keys = [...propertyKeys(schema)].filter((k) => k !== '$schema');
    expect(keys.filter((k) => !FIELD_WORD_KEYS.includes(k))).toEqual([]);
  });

  it('in Spanish, reads in Spanish: a name of its own for most fields, never empty', () => {
    overwriteGetLocale(() => 'es');
    expect(fieldWords('spotInterruptionsPerHour', 'spot interruptions per hour')).toBe('interrupciones de spot por hora');
    expect(fieldWords('healthCheckGracePeriodSec', labelOf('healthCheckGracePeriodSec'))).toBe('periodo de gracia de la comprobación de estado');
    const words = FIELD_WORD_KEYS.map((k) => fieldWords(k, labelOf(k)));
    expect(words.filter((w) => w.trim() === '')).toEqual([]);
    // names that are the same in both languages are few (p99, cookie, host, id, TLS…)
    const same = FIELD_WORD_KEYS.filter((k) => fieldWords(k, labelOf(k)) === labelOf(k));
    expect(same.length).toBeLessThan(FIELD_WORD_KEYS.length / 10);
  });

  it('leaves a key without words in English', () => {
    overwriteGetLocale(() => 'es');
    expect(fieldWords('someFutureField', 'some future field')).toBe('some future field');
  });
});
