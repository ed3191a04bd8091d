import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';

/**
 * The classes a request passes through define no field as `undefined` first: under ES2022 class fields a field
 * declared without an initialiser (or a constructor parameter property) is defined as undefined before the
 * constructor sets it, and V8 then stops tracking the field's type, so every use checks the object again and a
 * number field is kept boxed (docs/performance.md). Such fields are written `declare` and set by the constructor.
 */
const HOT_MODULES = [
  'core/event-queue.ts',
  'core/min-heap4.ts',
  'core/bucket-ring.ts',
  'core/deadline-queue.ts',
  'core/int-queue.ts',
  'core/rng.ts',
  'backend/targets.ts',
  'balancer/balancer.ts',
  'balancer/target-group.ts',
  'balancer/algorithms/active-buckets.ts',
  'balancer/algorithms/smooth-wrr.ts',
  'request/pool.ts',
  'traffic/request-mix.ts',
  'traffic/clients.ts',
  'metrics/flows.ts',
  'metrics/histogram.ts',
  'metrics/series.ts',
  'network/balancer-bill.ts',
  'simulation.ts',
];

/** The class bodies' own lines (two-space indent, outside methods) of a module. */
function classFieldLines(source: string): string[] {
  const out: string[] = [];
  let inClass = false;
  for (const line of source.split('\n')) {
    if (/^(export )?class \w+/.test(line)) inClass = true;
    else if (line === '}') inClass = false;
    else if (inClass && /^ {2}\S/.test(line)) out.push(line);
  }
  return out;
}

describe('hot engine classes and V8 field types', () => {
  for (const module of HOT_MODULES) {
    it(`${module}: no field is defined before its constructor sets it`, () => {
      const lines = classFieldLines(readFileSync(`src/engine/${module}`, 'utf8'));
      expect(lines.length).toBeGreaterThan(0);
      // `name: Type;` or `name!: Type;` with no initialiser and no `declare`
      const bare = lines.filter((l) => /^ {2}(?:(?:private|protected|public|readonly|static) )*\w+!?: [^=(]*;/.test(l) && !/\bdeclare\b/.test(l));
      // constructor(private readonly x: T): a parameter property is a field defined as undefined too
      const parameterProperties = lines.filter((l) => /^ {2}constructor\(/.test(l) && /[(,]\s*(?:(?:private|protected|public|readonly) )+\w+\??\s*[:=]/.test(l));
      expect(bare).toEqual([]);
      expect(parameterProperties).toEqual([]);
    });
  }
});
