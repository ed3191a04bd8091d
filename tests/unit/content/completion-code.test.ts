import { describe, expect, it } from 'vitest';
import { canonicalJson, completionCode, fnv1a32 } from '../../../src/content/completion-code.ts';

describe('the completion code', () => {
  it('is 32-bit FNV-1a (the published test vectors)', () => {
    const enc = (s: string) => new TextEncoder().encode(s);
    expect(fnv1a32(enc(''))).toBe(0x811c9dc5);
    expect(fnv1a32(enc('a'))).toBe(0xe40c292c);
    expect(fnv1a32(enc('foobar'))).toBe(0xbf9cf968);
  });

  it('does not depend on the order of keys', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { z: 0, y: 1 }], c: null } })).toBe('{"a":{"c":null,"d":[1,{"y":1,"z":0}]},"b":1}');
    const one = completionCode({ version: 2, learner: 'Ada', lessons: { x: { done: true, step: 3 } } });
    const two = completionCode({ lessons: { x: { step: 3, done: true } }, learner: 'Ada', version: 2 });
    expect(one).toBe(two);
  });

  it('changes when any field changes: a name, a lesson, a number', () => {
    const base = { version: 2, learner: 'Ada', lessons: { x: { done: true, stepSec: { 1: 12.5 } } } };
    const code = completionCode(base);
    expect(completionCode({ ...base, learner: 'Ida' })).not.toBe(code);
    expect(completionCode({ ...base, lessons: { x: { done: false, stepSec: { 1: 12.5 } } } })).not.toBe(code);
    expect(completionCode({ ...base, lessons: { x: { done: true, stepSec: { 1: 12.6 } } } })).not.toBe(code);
    expect(code).toMatch(/^BL-[0-9A-F]{4}-[0-9A-F]{4}$/);
  });
});
