/**
 * HAProxy's hash functions for `hash-type` (src/hash.c `hash_sdbm`, the default; include/haproxy/intops.h
 * `__full_hash`, the avalanche that `consistent` adds by default and that places consistent-hash nodes).
 * Text is hashed as its UTF-8 bytes, without building them.
 */
import { codePointAt } from '../../core/hash/utf8.ts';

function sdbmByte(hash: number, byte: number): number {
  return (byte + (hash << 6) + (hash << 16) - hash) >>> 0;
}

/** sdbm over the UTF-8 bytes of `text` (HAProxy's default hash function). */
export function sdbm(text: string): number {
  let h = 0;
  for (let i = 0; i < text.length; i++) {
    let c = text.charCodeAt(i);
    if (c < 0x80) {
      h = sdbmByte(h, c);
      continue;
    }
    c = codePointAt(text, i);
    if (c > 0xffff) i++;
    if (c < 0x800) h = sdbmByte(sdbmByte(h, 0xc0 | (c >> 6)), 0x80 | (c & 63));
    else if (c < 0x10000) h = sdbmByte(sdbmByte(sdbmByte(h, 0xe0 | (c >> 12)), 0x80 | ((c >> 6) & 63)), 0x80 | (c & 63));
    else h = sdbmByte(sdbmByte(sdbmByte(sdbmByte(h, 0xf0 | (c >> 18)), 0x80 | ((c >> 12) & 63)), 0x80 | ((c >> 6) & 63)), 0x80 | (c & 63));
  }
  return h;
}

/** Bob Jenkins' full-avalanche 32-bit integer hash times 3221225473, as HAProxy's `full_hash`. */
export function fullHash(value: number): number {
  let a = value >>> 0;
  a = (a + 0x7ed55d16 + (a << 12)) >>> 0;
  a = (a ^ 0xc761c23c ^ (a >>> 19)) >>> 0;
  a = (a + 0x165667b1 + (a << 5)) >>> 0;
  a = ((a + 0xd3a2646c) ^ (a << 9)) >>> 0;
  a = (a + 0xfd7046c5 + (a << 3)) >>> 0;
  a = (a ^ 0xb55a4f09 ^ (a >>> 16)) >>> 0;
  return Math.imul(a, 3221225473) >>> 0;
}
