import { describe, expect, it } from 'vitest';
import { fillReveal, revealErrors } from '../../../src/content/reveal.ts';

describe('a step reveal', () => {
  it('fills each placeholder with the learner’s value, or the fallback marked as ours', () => {
    const text = 'It left after {{window.web-1.detectSec|40}} s; {{failed|383}} failed.';
    expect(fillReveal(text, (key) => (key === 'failed' ? '12' : null))).toBe('It left after 40 (in our run) s; 12 failed.');
    expect(fillReveal(text, () => '7')).toBe('It left after 7 s; 7 failed.');
  });

  it('names unknown values and placeholders without a fallback', () => {
    expect(revealErrors('{{failed|3}} and {{event.crash.web-1|20}}')).toEqual([]);
    expect(revealErrors('{{latency|3}}')[0]).toMatch(/unknown value "latency"/);
    expect(revealErrors('{{failed}}')[0]).toMatch(/no fallback/);
  });
});
