import { describe, expect, it } from 'vitest';
import { CRC32_INIT, crc32, crc32Byte, crc32Decimal, crc32Final, crc32Text } from '../../../../../src/engine/core/hash/crc32.ts';

describe('crc32', () => {
  it('matches the zlib check value crc32("123456789") = 0xCBF43926', () => {
    expect(crc32('123456789')).toBe(0xcbf43926);
  });

  it('is 0 for empty input and agrees for strings and their bytes', () => {
    expect(crc32('')).toBe(0);
    expect(crc32('The quick brown fox jumps over the lazy dog')).toBe(0x414fa339);
    expect(crc32(new TextEncoder().encode('/img/1.png'))).toBe(crc32('/img/1.png'));
  });

  it('hashes text as UTF-8, surrogate pairs included', () => {
    for (const text of ['é', 'Grüße', '€100', '😀 emoji', 'a\u{10ffff}b']) {
      expect(crc32(text)).toBe(crc32(new TextEncoder().encode(text)));
    }
  });

  it('streams: decimal prefix + text + bytes equals the CRC of the concatenation', () => {
    let s = crc32Decimal(CRC32_INIT, 17);
    s = crc32Text(s, 'user1');
    s = crc32Byte(s, 0);
    expect(crc32Final(s)).toBe(crc32(new TextEncoder().encode('17user1\0')));
    expect(crc32Final(crc32Decimal(CRC32_INIT, 0))).toBe(crc32('0'));
    expect(crc32Final(crc32Decimal(CRC32_INIT, 1000))).toBe(crc32('1000'));
  });
});
