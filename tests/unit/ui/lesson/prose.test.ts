import { describe, expect, it } from 'vitest';
import { parseInline, parseProse, type Block, type Inline } from '../../../../src/ui/lesson/prose.ts';
import { assertLessonsValid } from '../../../../src/content/node-loader.ts';

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

  it('keeps a fenced block line for line, its blank lines, stars and backticks as written, between paragraphs', () => {
    expect(parseProse('The project configured:\n\n```yaml\nasg:\n  { MinSize: 1, *MaxSize*: 4 }\n\n# `note`\n```\n\nThe rush starts.')).toEqual([
      { kind: 'p', children: [{ kind: 'text', text: 'The project configured:' }] },
      { kind: 'pre', text: 'asg:\n  { MinSize: 1, *MaxSize*: 4 }\n\n# `note`', language: 'yaml' },
      { kind: 'p', children: [{ kind: 'text', text: 'The rush starts.' }] },
    ]);
    // a tilde fence closes only on tildes; one without a language has none
    expect(parseProse('~~~\n```\n~~~')).toEqual([{ kind: 'pre', text: '```', language: '' }]);
  });

  it('shows a fence that is never closed as text rather than losing what follows', () => {
    expect(parseProse('```\nport: 80')).toEqual([{ kind: 'p', children: [{ kind: 'text', text: '``` port: 80' }] }]);
  });

  it('leaves no markdown mark unread in any lesson: no fence or double star shown as text', () => {
    const texts = (parts: Inline[]): string[] => parts.flatMap((p) => (p.kind === 'text' ? [p.text] : p.kind === 'code' ? [] : texts(p.children)));
    const shown = (b: Block): string[] => (b.kind === 'p' ? texts(b.children) : b.kind === 'pre' ? [] : b.items.flatMap(texts));
    const lessons = assertLessonsValid();
    expect(lessons.length).toBeGreaterThan(20);
    const marks = lessons.flatMap((l) => l.steps.flatMap((s, i) => parseProse(s.markdown).flatMap(shown).filter((t) => /``|~~~|\*\*/.test(t)).map((t) => `${l.slug} step ${i + 1}: ${t}`)));
    expect(marks).toEqual([]);
  });
});
