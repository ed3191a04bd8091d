import { describe, expect, it } from 'vitest';
import { parseInline, parseProse } from '../../../../src/ui/lesson/prose.ts';

describe('lesson prose', () => {
  it('reads paragraphs with bold, emphasis and code', () => {
    expect(parseProse('**Round robin** is *simple*:\nsend to `web-1`.\n\nNext.')).toEqual([
      { kind: 'p', children: [{ kind: 'strong', children: [{ kind: 'text', text: 'Round robin' }] }, { kind: 'text', text: ' is ' }, { kind: 'em', children: [{ kind: 'text', text: 'simple' }] }, { kind: 'text', text: ': send to ' }, { kind: 'code', text: 'web-1' }, { kind: 'text', text: '.' }] },
      { kind: 'p', children: [{ kind: 'text', text: 'Next.' }] },
    ]);
  });

  it('reads bullet and numbered lists, items wrapping onto the next line', () => {
    expect(parseProse('- one\n  more\n- two\n\n1. first\n2. second')).toEqual([
      { kind: 'ul', items: [[{ kind: 'text', text: 'one more' }], [{ kind: 'text', text: 'two' }]] },
      { kind: 'ol', items: [[{ kind: 'text', text: 'first' }], [{ kind: 'text', text: 'second' }]] },
    ]);
  });

  it('keeps HTML as text: nothing in the prose becomes markup', () => {
    expect(parseInline('<img src=x onerror=alert(1)>')).toEqual([{ kind: 'text', text: '<img src=x onerror=alert(1)>' }]);
  });

  it('links only to web or in-app addresses', () => {
    expect(parseInline('[docs](https://nginx.org/)')).toEqual([{ kind: 'link', href: 'https://nginx.org/', children: [{ kind: 'text', text: 'docs' }] }]);
    expect(parseInline('[next](#/lessons/x/2)')[0]).toMatchObject({ kind: 'link', href: '#/lessons/x/2' });
    expect(parseInline('[bad](javascript:alert(1))')[0]).toEqual({ kind: 'text', text: 'bad' });
  });
});
