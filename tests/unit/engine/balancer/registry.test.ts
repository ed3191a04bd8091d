import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ALGORITHM_NAMES } from '../../../../src/scenario/algorithm-names.ts';
import { ALGORITHMS, createAlgorithm } from '../../../../src/engine/balancer/registry.ts';
import { FakeGroup, NO_KEY, mulberry32 } from './fake-group.ts';

const ALGORITHM_DIR = new URL('../../../../src/engine/balancer/algorithms/', import.meta.url);

describe('algorithm registry', () => {
  it('has a factory for every registry key, each in a file named after the key', () => {
    expect(Object.keys(ALGORITHMS).sort()).toEqual([...ALGORITHM_NAMES].sort());
    const files = readdirSync(ALGORITHM_DIR);
    for (const name of ALGORITHM_NAMES) expect(files).toContain(`${name}.ts`);
  });

  it.each(ALGORITHM_NAMES)('%s only ever picks an eligible member with weight > 0, and -1 exactly when there is none', (name) => {
    const rand = mulberry32(name.length * 7919);
    const addresses = Array.from({ length: 8 }, (_, i) => `10.1.0.${i + 1}:80`);
    for (let round = 0; round < 40; round++) {
      const size = 1 + Math.floor(rand() * 8);
      const group = new FakeGroup({
        weights: Array.from({ length: size }, () => (rand() < 0.2 ? 0 : 1 + Math.floor(rand() * 4))),
        addresses: addresses.slice(0, size),
        seed: round,
      });
      const algorithm = createAlgorithm(name, { tableSize: 251 });
      algorithm.rebuild(group);
      for (let k = 0; k < 50; k++) {
        group.eligibles = group.eligibles.map(() => rand() < 0.6);
        group.actives = group.actives.map(() => Math.floor(rand() * 4));
        group.nowMs += 5;
        const request = { clientIp: Math.floor(rand() * 2 ** 32), key: rand() < 0.2 ? '' : `user-${k % 7}` };
        const member = algorithm.pick(group, request);
        const anyUsable = group.weights.some((w, i) => w > 0 && group.eligibles[i]);
        if (!anyUsable) expect(member).toBe(-1);
        else expect(member >= 0 && group.weights[member] > 0 && group.eligibles[member]).toBe(true);
        if (member >= 0) algorithm.onResponse?.(member, 10 + k, group.nowMs);
      }
    }
  });

  it.each(ALGORITHM_NAMES)('%s answers -1 for an empty group and 0 for a lone eligible member', (name) => {
    const empty = new FakeGroup({ weights: [] });
    const algorithm = createAlgorithm(name);
    algorithm.rebuild(empty);
    expect(algorithm.pick(empty, NO_KEY)).toBe(-1);
    const one = new FakeGroup({ weights: [2] });
    algorithm.rebuild(one);
    expect(algorithm.pick(one, { clientIp: 1, key: 'k' })).toBe(0);
  });

  it('algorithm sources stay pure: no Math.random, Date.now or performance.now', () => {
    for (const file of readdirSync(ALGORITHM_DIR)) {
      const source = readFileSync(new URL(file, ALGORITHM_DIR), 'utf8');
      expect(source, file).not.toMatch(/Math\.random|Date\.now|performance\.now/);
    }
  });
});
