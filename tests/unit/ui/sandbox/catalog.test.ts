import { describe, expect, it } from 'vitest';
import { catalog, catalogEntry, DEFAULT_KEY } from '../../../../src/ui/sandbox/catalog.ts';
import { validateScenario } from '../../../../src/scenario/validate.ts';

describe('the sandbox catalogue', () => {
  it('bundles every example in scenarios/, starter first, each under its own name', () => {
    const examples = catalog().filter((e) => e.kind === 'example');
    expect(examples[0].key).toBe(DEFAULT_KEY);
    expect(Object.fromEntries(examples.map((e) => [e.key, e.name]))).toMatchObject({
      'health-check-blind-window': 'Health checks and the blind window',
      'two-regions-dns-failover': 'Two regions behind Route 53 failover',
      'black-friday-autoscaling': 'Black Friday: autoscaling against a spike',
      'sticky-vs-shared-sessions': 'Sticky sessions vs a shared session store',
      'canary-release': 'A canary release that rolls itself back',
    });
  });

  it('after the starter, the examples are in the order an English collator gives their names', () => {
    const names = catalog()
      .filter((e) => e.kind === 'example')
      .slice(1)
      .map((e) => e.name);
    expect(names.length).toBeGreaterThan(3);
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, 'en')));
  });

  it('every entry is a valid scenario, and a fresh copy each time', () => {
    for (const entry of catalog()) {
      const validated = validateScenario(entry.document());
      expect(validated.ok ? [] : validated.errors, entry.key).toEqual([]);
    }
    const entry = catalogEntry('black-friday-autoscaling');
    expect(entry?.document()).not.toBe(entry?.document());
  });
});
