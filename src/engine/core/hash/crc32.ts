/**
 * CRC-32 as zlib computes it (reflected polynomial 0xEDB88320), table-driven. nginx hashes request
 * keys and ketama points with it. The streaming form (init, feed text/bytes/digits, final) lets a hot
 * path hash "prefix + key" without building a string; text is fed as its UTF-8 bytes.
 */
import { codePointAt } from './utf8.ts';

const TABLE = new Int32Array(256);
for (let n = 0; n < 256; n++) {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  TABLE[n] = c;
}

/** The state a streaming CRC-32 starts from. */
export const CRC32_INIT = -1;

/** Feeds one byte (0..255). */
export function crc32Byte(state: number, byte: number): number {
  return TABLE[(state ^ byte) & 0xff] ^ (state >>> 8);
}

/** Feeds the UTF-8 encoding of `text` (a lone surrogate becomes U+FFFD, as TextEncoder does). */
export function crc32Text(state: number, text: string): number {
  let s = state;
  for (let i = 0; i < text.length; i++) {
    let c = text.charCodeAt(i);
    if (c < 0x80) {
      s = TABLE[(s ^ c) & 0xff] ^ (s >>> 8);
      continue;
    }
    c = codePointAt(text, i);
    if (c > 0xffff) i++;
    if (c < 0x800) {
      s = crc32Byte(crc32Byte(s, 0xc0 | (c >> 6)), 0x80 | (c & 63));
    } else if (c < 0x10000) {
      s = crc32Byte(crc32Byte(crc32Byte(s, 0xe0 | (c >> 12)), 0x80 | ((c >> 6) & 63)), 0x80 | (c & 63));
    } else {
      s = crc32Byte(crc32Byte(s, 0xf0 | (c >> 18)), 0x80 | ((c >> 12) & 63));
      s = crc32Byte(crc32Byte(s, 0x80 | ((c >> 6) & 63)), 0x80 | (c & 63));
    }
  }
  return s;
}

/** Feeds the ASCII decimal digits of a non-negative integer (nginx's `"%ui"` rehash prefix). */
export function crc32Decimal(state: number, value: number): number {
  let s = state;
  let unit = 1;
  while (unit * 10 <= value) unit *= 10;
  for (; unit >= 1; unit /= 10) s = crc32Byte(s, 48 + (Math.floor(value / unit) % 10));
  return s;
}

/** Turns a streaming state into the unsigned 32-bit checksum. */
export function crc32Final(state: number): number {
  return ~state >>> 0;
}

/** CRC-32 of a string's UTF-8 bytes, or of raw bytes. */
export function crc32(input: string | Uint8Array): number {
  if (typeof input === 'string') return crc32Final(crc32Text(CRC32_INIT, input));
  let s = CRC32_INIT;
  for (let i = 0; i < input.length; i++) s = TABLE[(s ^ input[i]) & 0xff] ^ (s >>> 8);
  return crc32Final(s);
}
