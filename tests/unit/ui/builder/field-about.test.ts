// The inspector's help lines in the page's language (field-about.ts): every description in the scenario
// schema has a message whose English is the schema's text word for word; in Spanish each reads in Spanish
// and keeps the schema's names (JSON field names, products) as written; a description the schema adds later
// stays English.
import { afterEach, describe, expect, it } from 'vitest';
import { overwriteGetLocale } from '../../../../src/i18n/paraglide/runtime.js';
import { FIELD_ABOUT_COUNT, fieldAbout } from '../../../../src/ui/builder/field-about.ts';
import schema from '../../../../public/scenario.schema.json';

function descriptions(node: unknown, into = new Set<string>()): Set<string> {
  if (Array.isArray(node)) node.forEach((n) => descriptions(n, into));
  else if (node !== null && typeof node === 'object') {
    const d = (node as { description?: unknown }).description;
    if (typeof d === 'string') into.add(d);
    Object.values(node).forEach((n) => descriptions(n, into));
  }
  return into;
}

const all = [...descriptions(schema)];

afterEach(() => overwriteGetLocale(() => 'en'));

describe('field descriptions', () => {
  it('in English, every description of the schema reads as the schema writes it', () => {
    expect(all.length).toBeGreaterThan(200);
    for (const d of all) expect(fieldAbout(d)).toBe(d);
  });

  it('has a message for every description of the schema, and no message for a description it lacks', () => {
    overwriteGetLocale(() => 'es');
    expect(all.filter((d) => fieldAbout(d) === d)).toEqual([]);
    expect(FIELD_ABOUT_COUNT).toBe(all.length);
  });

  it('in Spanish, keeps the field names and products the schema names', () => {
    overwriteGetLocale(() => 'es');
    expect(fieldAbout('Failures that disable a target for failTimeoutSec; 0 turns it off.')).toBe('Fallos que desactivan un destino durante failTimeoutSec; 0 lo apaga.');
    expect(fieldAbout('A request unanswered this long fails with a timeout (504); 0: no timeout.')).toBe('Una solicitud sin respuesta durante este tiempo falla por tiempo agotado (504); 0: sin tiempo límite.');
    for (const d of all) {
      for (const name of d.match(/\b[a-z]+[A-Z][a-z]\w*\b|\b(HAProxy|Envoy|nginx|Route 53|GWLB|ALB|NLB)\b/g) ?? []) expect(fieldAbout(d), d).toContain(name);
    }
  });

  it('leaves a description it has no message for, and null, as they are', () => {
    overwriteGetLocale(() => 'es');
    expect(fieldAbout('A field added later.')).toBe('A field added later.');
    expect(fieldAbout(null)).toBeNull();
  });
});
