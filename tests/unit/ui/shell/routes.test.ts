import { describe, expect, it } from 'vitest';
import { parseRoute, sandboxHash } from '../../../../src/ui/shell/routes.ts';

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
  ])('%s', (hash, route) => {
    expect(parseRoute(hash)).toEqual(route);
  });

  it('builds the share hash', () => {
    expect(sandboxHash('abc')).toBe('#/sandbox?s=abc');
    expect(parseRoute(sandboxHash('abc'))).toEqual({ page: 'sandbox', share: 'abc' });
  });
});
