import { describe, expect, it } from 'vitest';
import { STORE_HEIGHT, storeGroupsKey, storeView } from '../../../src/viz/session-stores.ts';
import { layoutTopology, SIZES } from '../../../src/viz/topology-layout.ts';
import { textWidth } from '../../../src/viz/text-fit.ts';
import { topologyOf } from './fixtures.ts';

describe('session stores on the group nodes', () => {
  it('names a shared store and replicated sessions, up or down with a glyph, not colour alone', () => {
    expect(storeView({ group: 'web', kind: 'shared', down: false })).toMatchObject({ lines: ['Redis-style', 'session store'], badge: { glyph: 'circle', label: 'up' }, describe: 'Redis-style session store, up' });
    expect(storeView({ group: 'web', kind: 'shared', down: true })).toMatchObject({ badge: { glyph: 'cross', label: 'down' }, describe: 'Redis-style session store, down' });
    expect(storeView({ group: 'web', kind: 'replicated', down: false }).describe).toBe('replicated sessions, up');
  });

  it('fits its lines next to the state in the narrowest group node', () => {
    for (const kind of ['shared', 'replicated'] as const) {
      const [first, second] = storeView({ group: 'web', kind, down: true }).lines;
      // line 1 shares the row with the glyph and "down" (about 40 px)
      expect(10 + textWidth(first, 12) + 44).toBeLessThanOrEqual(SIZES.compact.group);
      expect(10 + textWidth(second, 12)).toBeLessThanOrEqual(SIZES.compact.group - 10);
    }
  });

  it('makes a group that has a store taller by the store section, and no other', () => {
    const topology = topologyOf([{ id: 'web', count: 2 }, { id: 'api', count: 2 }]);
    const height = (groups: Set<string>, id: string) => layoutTopology(topology, 900, { storeGroups: groups }).nodes.find((n) => n.key === `group:${id}`)!.height;
    expect(height(new Set(['web']), 'web') - height(new Set(), 'web')).toBe(STORE_HEIGHT);
    expect(height(new Set(['web']), 'api')).toBe(height(new Set(), 'api'));
    expect(storeGroupsKey([{ group: 'web', kind: 'shared', down: true }])).toBe('web');
  });
});
