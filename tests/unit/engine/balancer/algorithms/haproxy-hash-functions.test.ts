import { describe, expect, it } from 'vitest';
import { fullHash, sdbm } from '../../../../../src/engine/balancer/algorithms/haproxy-hash-functions.ts';

// Expected values come from a line-by-line Python transcription of HAProxy 2.6's hash.c hash_sdbm and
// intops.h __full_hash; the 50-path maps in haproxy-hash.test.ts confirm them against HAProxy itself.
describe('HAProxy hash functions', () => {
  it('sdbm hashes the UTF-8 bytes', () => {
    expect(sdbm('')).toBe(0);
    expect(sdbm('a')).toBe(97);
    expect(sdbm('/item/1')).toBe(3258759684);
    expect(sdbm('é/€/😀')).toBe(4249809091);
  });

  it('full_hash avalanches 32-bit integers', () => {
    expect(fullHash(3258759684)).toBe(973480367);
    expect(fullHash(2130706433)).toBe(2317047883); // 127.0.0.1
    expect(fullHash(1 * 4096 + 0)).toBe(1237450891); // the first node of the server with id 1
  });
});
