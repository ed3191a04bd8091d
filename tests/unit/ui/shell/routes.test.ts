import { describe, expect, it } from 'vitest';
import { isEmbedded, lessonHash, parseRoute, sandboxHash } from '../../../../src/ui/shell/routes.ts';
import { embeddedHref } from '../../../../src/ui/shell/embed-links.ts';

describe('hash routes', () => {
  it.each([
    ['', { page: 'home' }],
    ['#/', { page: 'home' }],
    ['#/sandbox', { page: 'sandbox', share: null }],
    ['#/sandbox?s=abc_-1', { page: 'sandbox', share: 'abc_-1' }],
    ['#/compare', { page: 'compare' }],
    ['#/lessons/health-checks/3', { page: 'lesson', slug: 'health-checks', step: 3 }],
    ['#/lessons/health-checks', { page: 'lesson', slug: 'health-checks', step: 1 }],
    ['#/lessons/x/0', { page: 'not-found', hash: '/lessons/x/0' }],
    ['#/nowhere', { page: 'not-found', hash: '/nowhere' }],
    ['#/teach', { page: 'teach' }],
    ['#/teach/progress', { page: 'teach-progress' }],
    ['#/class?title=7B&lessons=a,b', { page: 'class', query: 'title=7B&lessons=a,b' }],
    ['#/embed/lessons/health-checks/2', { page: 'lesson', slug: 'health-checks', step: 2 }],
    ['#/embed/sandbox?s=abc', { page: 'sandbox', share: 'abc' }],
    ['#/embed', { page: 'home' }],
    ['#/embedded', { page: 'not-found', hash: '/embedded' }],
  ])('%s', (hash, route) => {
    expect(parseRoute(hash)).toEqual(route);
  });

  it('builds the share hash', () => {
    expect(sandboxHash('abc')).toBe('#/sandbox?s=abc');
    expect(parseRoute(sandboxHash('abc'))).toEqual({ page: 'sandbox', share: 'abc' });
  });

  it('tells an embed view apart, and keeps a lesson step inside it', () => {
    expect(isEmbedded('#/embed/lessons/x/1')).toBe(true);
    expect(isEmbedded('#/embed')).toBe(true);
    expect(isEmbedded('#/embedded')).toBe(false);
    expect(isEmbedded('#/lessons/x/1')).toBe(false);
    expect(lessonHash('x', 2, '#/embed/lessons/x/1')).toBe('#/embed/lessons/x/2');
    expect(lessonHash('x', 2, '#/lessons/x/1')).toBe('#/lessons/x/2');
  });

  it("turns the page's own links into embed links, and leaves others alone", () => {
    expect(embeddedHref('#/lessons/x/2')).toBe('#/embed/lessons/x/2');
    expect(embeddedHref('#/sandbox')).toBe('#/embed/sandbox');
    expect(embeddedHref('#/embed/sandbox')).toBeNull();
    expect(embeddedHref('https://example.org/')).toBeNull();
    expect(embeddedHref('#main')).toBeNull();
  });
});
