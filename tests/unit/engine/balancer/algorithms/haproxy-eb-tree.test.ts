import { describe, expect, it } from 'vitest';
import { EbTree } from '../../../../../src/engine/balancer/algorithms/haproxy-eb-tree.ts';

const values = (tree: EbTree) => Array.from({ length: tree.size }, (_, k) => tree.valueAt(k));

describe('EbTree (eb32 order with duplicates)', () => {
  it('orders by key, equal keys in insertion order; a re-inserted value goes last of its key', () => {
    const tree = new EbTree();
    tree.insert(1, 0);
    tree.insert(2, 0);
    tree.insert(3, 0);
    tree.insert(4, 5);
    expect(values(tree)).toEqual([1, 2, 3, 4]);
    expect(tree.remove(1, 0)).toBe(true);
    tree.insert(1, 0);
    expect(values(tree)).toEqual([2, 3, 1, 4]);
    expect(tree.first()).toBe(2);
  });

  it('finds the first key at or above a value and removes only what is there', () => {
    const tree = new EbTree();
    for (const [v, k] of [[1, 10], [2, 20], [3, 20], [4, 30]]) tree.insert(v, k);
    expect(tree.lowerBound(15)).toBe(1);
    expect(tree.lowerBound(20)).toBe(1);
    expect(tree.lowerBound(31)).toBe(4);
    expect(tree.remove(3, 10)).toBe(false);
    expect(tree.indexOf(3, 20)).toBe(2);
    tree.clear();
    expect(tree.first()).toBe(-1);
  });
});
