import { describe, expect, it } from 'vitest';
import { mod64, xxHash64, xxHash64Into } from '../../../../../src/engine/core/hash/xxhash64.ts';

const MASK = (1n << 64n) - 1n;
const P1 = 0x9e3779b185ebca87n, P2 = 0xc2b2ae3d27d4eb4fn, P3 = 0x165667b19e3779f9n;
const P4 = 0x85ebca77c2b2ae63n, P5 = 0x27d4eb2f165667c5n;
const rotl = (x: bigint, r: bigint) => ((x << r) | (x >> (64n - r))) & MASK;
const round = (acc: bigint, v: bigint) => (rotl((acc + v * P2) & MASK, 31n) * P1) & MASK;
const merge = (acc: bigint, v: bigint) => (((acc ^ round(0n, v)) * P1) & MASK) + P4 & MASK;

/** A direct BigInt transcription of the XXH64 reference, to cross-check every input length. */
function referenceXxh64(b: Uint8Array, seed: bigint): bigint {
  const view = new DataView(b.buffer, b.byteOffset, b.byteLength);
  const n = b.length;
  let p = 0;
  let h: bigint;
  if (n >= 32) {
    let v1 = (seed + P1 + P2) & MASK, v2 = (seed + P2) & MASK, v3 = seed, v4 = (seed - P1) & MASK;
    for (; p + 32 <= n; p += 32) {
      v1 = round(v1, view.getBigUint64(p, true));
      v2 = round(v2, view.getBigUint64(p + 8, true));
      v3 = round(v3, view.getBigUint64(p + 16, true));
      v4 = round(v4, view.getBigUint64(p + 24, true));
    }
    h = (rotl(v1, 1n) + rotl(v2, 7n) + rotl(v3, 12n) + rotl(v4, 18n)) & MASK;
    h = merge(merge(merge(merge(h, v1), v2), v3), v4);
  } else {
    h = (seed + P5) & MASK;
  }
  h = (h + BigInt(n)) & MASK;
  for (; p + 8 <= n; p += 8) h = ((rotl(h ^ round(0n, view.getBigUint64(p, true)), 27n) * P1) & MASK) + P4 & MASK;
  if (p + 4 <= n) {
    h = ((rotl(h ^ ((BigInt(view.getUint32(p, true)) * P1) & MASK), 23n) * P2) & MASK) + P3 & MASK;
    p += 4;
  }
  for (; p < n; p++) h = (rotl(h ^ ((BigInt(b[p]) * P5) & MASK), 11n) * P1) & MASK;
  h ^= h >> 33n;
  h = (h * P2) & MASK;
  h ^= h >> 29n;
  h = (h * P3) & MASK;
  return h ^ (h >> 32n);
}

describe('xxHash64', () => {
  it('matches the published test values for "", "a" and "abc" with seed 0', () => {
    expect(xxHash64('')).toBe(0xef46db3751d8e999n);
    expect(xxHash64('a')).toBe(0xd24ec4f1a98c6e5bn);
    expect(xxHash64('abc')).toBe(0x44bc2cf5ad770999n);
  });

  it('matches the python-xxhash README value for a 39-byte input (stripes, 4-byte and byte tails)', () => {
    expect(xxHash64('Nobody inspects the spammish repetition')).toBe(0xfbcea83c8a378bf1n);
  });

  it('agrees with a BigInt reference for every length 0..100 and seeds 0, 1 and 2^32-1', () => {
    let x = 12345;
    const bytes = new Uint8Array(100);
    for (let i = 0; i < bytes.length; i++) bytes[i] = (x = (Math.imul(x, 1103515245) + 12345) >>> 0) >>> 24;
    for (const seed of [0, 1, 0xffffffff]) {
      for (let n = 0; n <= 100; n++) {
        const slice = bytes.subarray(0, n);
        expect(xxHash64(slice, seed)).toBe(referenceXxh64(slice, BigInt(seed)));
      }
    }
  });

  it('hashes strings as UTF-8 and writes [high, low] halves without allocating', () => {
    const out = new Uint32Array(2);
    xxHash64Into(out, '10.1.0.1:80', 1);
    expect((BigInt(out[0]) << 32n) | BigInt(out[1])).toBe(referenceXxh64(new TextEncoder().encode('10.1.0.1:80'), 1n));
    expect(xxHash64('Grüße 😀')).toBe(referenceXxh64(new TextEncoder().encode('Grüße 😀'), 0n));
  });

  it('mod64 reduces a 64-bit value given as halves exactly', () => {
    const v = 0xd24ec4f1a98c6e5bn;
    for (const m of [65537, 65536, 5000011, 3]) {
      expect(mod64(Number(v >> 32n), Number(v & 0xffffffffn), m)).toBe(Number(v % BigInt(m)));
    }
  });
});
