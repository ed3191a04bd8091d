/**
 * xxHash64 (Yann Collet's XXH64, the function Envoy's `HashUtil::xxHash64` calls), computed on
 * unsigned 32-bit halves so it needs neither BigInt nor any allocation per call: Envoy's Maglev builds
 * its table with it and hashes request keys with it. Strings are hashed as their UTF-8 bytes.
 */
import { codePointAt } from './utf8.ts';

// The 64-bit primes as [high, low] halves.
const P1H = 0x9e3779b1, P1L = 0x85ebca87;
const P2H = 0xc2b2ae3d, P2L = 0x27d4eb4f;
const P3H = 0x165667b1, P3L = 0x9e3779f9;
const P4H = 0x85ebca77, P4L = 0xc2b2ae63;
const P5H = 0x27d4eb2f, P5L = 0x165667c5;
const NEG_P1H = 0x61c8864e, NEG_P1L = 0x7a143579; // 2^64 - P1

// Result register of the 64-bit operations below: [H, L].
let H = 0;
let L = 0;

function add(ah: number, al: number, bh: number, bl: number): void {
  const lo = al + bl;
  L = lo >>> 0;
  H = (ah + bh + (lo > 0xffffffff ? 1 : 0)) >>> 0;
}

function mul(ah: number, al: number, bh: number, bl: number): void {
  const a0 = al & 0xffff, a1 = al >>> 16, b0 = bl & 0xffff, b1 = bl >>> 16;
  const p00 = a0 * b0, p01 = a0 * b1, p10 = a1 * b0;
  const mid = (p00 >>> 16) + (p01 & 0xffff) + (p10 & 0xffff);
  L = (((mid & 0xffff) << 16) | (p00 & 0xffff)) >>> 0;
  H = (a1 * b1 + (p01 >>> 16) + (p10 >>> 16) + (mid >>> 16) + Math.imul(ah, bl) + Math.imul(al, bh)) >>> 0;
}

/** Rotate left by 0 < r < 32. */
function rotl(h: number, l: number, r: number): void {
  H = ((h << r) | (l >>> (32 - r))) >>> 0;
  L = ((l << r) | (h >>> (32 - r))) >>> 0;
}

/** XXH64_round: acc = rotl(acc + input * P2, 31) * P1. */
function round(ah: number, al: number, ih: number, il: number): void {
  mul(ih, il, P2H, P2L);
  add(ah, al, H, L);
  rotl(H, L, 31);
  mul(H, L, P1H, P1L);
}

/** XXH64_mergeRound: acc = (acc ^ round(0, val)) * P1 + P4. */
function mergeRound(ah: number, al: number, vh: number, vl: number): void {
  round(0, 0, vh, vl);
  mul((ah ^ H) >>> 0, (al ^ L) >>> 0, P1H, P1L);
  add(H, L, P4H, P4L);
}

function u32(b: Uint8Array, p: number): number {
  return (b[p] | (b[p + 1] << 8) | (b[p + 2] << 16) | (b[p + 3] << 24)) >>> 0;
}

/** XXH64 of b[0..length) with a seed below 2^32; the result is left in [H, L]. */
function hashBytes(b: Uint8Array, length: number, seed: number): void {
  const s = seed >>> 0;
  let p = 0;
  let hh: number, hl: number;
  if (length >= 32) {
    add(0, s, P1H, P1L);
    add(H, L, P2H, P2L);
    let v1h = H, v1l = L;
    add(0, s, P2H, P2L);
    let v2h = H, v2l = L;
    let v3h = 0, v3l = s;
    add(0, s, NEG_P1H, NEG_P1L);
    let v4h = H, v4l = L;
    for (; p + 32 <= length; p += 32) {
      round(v1h, v1l, u32(b, p + 4), u32(b, p)); v1h = H; v1l = L;
      round(v2h, v2l, u32(b, p + 12), u32(b, p + 8)); v2h = H; v2l = L;
      round(v3h, v3l, u32(b, p + 20), u32(b, p + 16)); v3h = H; v3l = L;
      round(v4h, v4l, u32(b, p + 28), u32(b, p + 24)); v4h = H; v4l = L;
    }
    rotl(v1h, v1l, 1); hh = H; hl = L;
    rotl(v2h, v2l, 7); add(hh, hl, H, L); hh = H; hl = L;
    rotl(v3h, v3l, 12); add(hh, hl, H, L); hh = H; hl = L;
    rotl(v4h, v4l, 18); add(hh, hl, H, L); hh = H; hl = L;
    mergeRound(hh, hl, v1h, v1l); mergeRound(H, L, v2h, v2l);
    mergeRound(H, L, v3h, v3l); mergeRound(H, L, v4h, v4l);
    hh = H; hl = L;
  } else {
    add(0, s, P5H, P5L);
    hh = H; hl = L;
  }
  add(hh, hl, 0, length);
  hh = H; hl = L;
  for (; p + 8 <= length; p += 8) {
    round(0, 0, u32(b, p + 4), u32(b, p));
    rotl((hh ^ H) >>> 0, (hl ^ L) >>> 0, 27);
    mul(H, L, P1H, P1L);
    add(H, L, P4H, P4L);
    hh = H; hl = L;
  }
  if (p + 4 <= length) {
    mul(0, u32(b, p), P1H, P1L);
    rotl((hh ^ H) >>> 0, (hl ^ L) >>> 0, 23);
    mul(H, L, P2H, P2L);
    add(H, L, P3H, P3L);
    hh = H; hl = L;
    p += 4;
  }
  for (; p < length; p++) {
    mul(0, b[p], P5H, P5L);
    rotl((hh ^ H) >>> 0, (hl ^ L) >>> 0, 11);
    mul(H, L, P1H, P1L);
    hh = H; hl = L;
  }
  // Avalanche.
  hl = (hl ^ (hh >>> 1)) >>> 0;
  mul(hh, hl, P2H, P2L);
  hh = H; hl = (L ^ ((L >>> 29) | (H << 3))) >>> 0;
  hh = (hh ^ (hh >>> 29)) >>> 0;
  mul(hh, hl, P3H, P3L);
  H = H >>> 0;
  L = (L ^ H) >>> 0;
}

let scratch = new Uint8Array(256);

/** Writes the UTF-8 bytes of `text` into the shared scratch buffer; returns their count. */
function encodeUtf8(text: string): number {
  if (scratch.length < text.length * 3) scratch = new Uint8Array(text.length * 3);
  const b = scratch;
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    let c = text.charCodeAt(i);
    if (c < 0x80) {
      b[n++] = c;
      continue;
    }
    c = codePointAt(text, i);
    if (c > 0xffff) i++;
    if (c < 0x800) {
      b[n++] = 0xc0 | (c >> 6);
    } else if (c < 0x10000) {
      b[n++] = 0xe0 | (c >> 12);
      b[n++] = 0x80 | ((c >> 6) & 63);
    } else {
      b[n++] = 0xf0 | (c >> 18);
      b[n++] = 0x80 | ((c >> 12) & 63);
      b[n++] = 0x80 | ((c >> 6) & 63);
    }
    b[n++] = 0x80 | (c & 63);
  }
  return n;
}

/** xxHash64 of `input` written into `out` as [high 32 bits, low 32 bits]; allocation-free. */
export function xxHash64Into(out: Uint32Array, input: string | Uint8Array, seed = 0): void {
  if (typeof input === 'string') hashBytes(scratch, encodeUtf8(input), seed);
  else hashBytes(input, input.length, seed);
  out[0] = H;
  out[1] = L;
}

/** xxHash64 of `input` as a BigInt (convenient off the hot path). */
export function xxHash64(input: string | Uint8Array, seed = 0): bigint {
  const out = new Uint32Array(2);
  xxHash64Into(out, input, seed);
  return (BigInt(out[0]) << 32n) | BigInt(out[1]);
}

/** (high · 2^32 + low) mod m for a 64-bit value given as unsigned halves; m must be below 2^26. */
export function mod64(high: number, low: number, m: number): number {
  return ((high % m) * (4294967296 % m) + (low % m)) % m;
}
