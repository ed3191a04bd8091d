import { describe, expect, it } from 'vitest';
import { haproxyServerIds } from '../../../src/scenario/haproxy-ids.ts';

const ids = (...explicit: (number | undefined)[]) => haproxyServerIds(explicit.map((haproxyId) => ({ haproxyId })));

// Each case was read back from HAProxy 2.6.12 with `show servers state` (see docs/haproxy-integration.md).
describe('HAProxy server ids (cfgparse.c automatic numbering)', () => {
  it('without explicit ids: the position from 1, so deleting a middle server renumbers the rest', () => {
    expect(ids(undefined, undefined, undefined)).toEqual([1, 2, 3]);
  });

  it('an explicit id is kept; the others take the first free id at or after their running count', () => {
    expect(ids(5, undefined, undefined)).toEqual([5, 2, 3]);
    expect(ids(2, undefined, undefined)).toEqual([2, 3, 4]);
    expect(ids(undefined, undefined, 1)).toEqual([2, 3, 1]);
    expect(ids(undefined, 3, undefined, undefined)).toEqual([1, 3, 4, 5]);
    expect(ids(1, 2, 4, 5)).toEqual([1, 2, 4, 5]);
  });
});
