// The inspector's field names in the page's language (field-words.ts): in English each translated key reads
// exactly as schema-fields.ts's labelOf writes it (e2e tests find buttons such as "Add circuit breaker" by
// those words), every key is a field the scenario schema has, and keys without words keep their English.
import { describe, expect, it } from 'vitest';
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

describe('field words', () => {
  it('in English, every translated key reads as labelOf writes it', () => {
    expect(FIELD_WORD_KEYS.length).toBeGreaterThan(40);
    for (const key of FIELD_WORD_KEYS) expect(fieldWords(key, labelOf(key)), key).toBe(labelOf(key));
  });

  it('names only keys the scenario schema has', () => {
    const keys = propertyKeys(schema);
    expect(FIELD_WORD_KEYS.filter((k) => !keys.has(k))).toEqual([]);
  });

  it('leaves a key without words in English', () => {
    expect(fieldWords('spotInterruptionsPerHour', 'spot interruptions per hour')).toBe('spot interruptions per hour');
  });
});
