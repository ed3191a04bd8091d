import { describe, expect, it } from 'vitest';
import { shareGroups, shownShares, type ShareGroup } from '../../../src/viz/share.ts';
import { decodeTargets } from '../../../src/sim/snapshot-decoder.ts';
import { snapshotOf, topologyOf } from './fixtures.ts';
import { seriesOf } from './series-fixture.ts';

const topology = topologyOf([{ id: 'web', count: 3 }]);

describe('share of traffic against weight', () => {
  it('compares each target’s recent share with the share its weight asks for', () => {
    const targets = decodeTargets(snapshotOf(0, [{ weight: 5, requests: 100 }, { weight: 1, requests: 10 }, { weight: 1, requests: 10 }]), topology);
    const series = seriesOf({ arrived: [0, 0], ok: [0, 0], failed: [0, 0], targetRequests: [[50, 20], [10, 10], [5, 5]] });
    const [g] = shareGroups(topology, targets, series, 10);
    expect(g.window).toBe(2);
    expect(g.rows.map((r) => r.actual)).toEqual([0.7, 0.2, 0.1]);
    expect(g.rows.map((r) => r.asked)).toEqual([5 / 7, 1 / 7, 1 / 7]);
  });

  it('gives a target out of rotation no asked share, and the others share its part', () => {
    const targets = decodeTargets(snapshotOf(0, [{ weight: 1, inRotation: 0, requests: 3 }, { weight: 1, requests: 3 }, { weight: 1, requests: 3 }]), topology);
    const [g] = shareGroups(topology, targets, null);
    expect(g.window).toBe('run');
    expect(g.rows.map((r) => r.asked)).toEqual([0, 0.5, 0.5]);
    expect(g.rows.map((r) => r.actual)).toEqual([1 / 3, 1 / 3, 1 / 3]);
  });

  it('shows every target of a small group, and of a large one those furthest from their asked share, the rest as a range', () => {
    const row = (id: string, actual: number) => ({ index: 0, id, actual, asked: 0.1, requests: 0 });
    const group: ShareGroup = { id: 'web', algorithm: 'round-robin', requests: 0, window: 'run', rows: [row('a', 0.1), row('b', 0.3), row('c', 0.09), row('d', 0.11), row('e', 0.02), row('f', 0.1)] };
    expect(shownShares(group, 6)).toEqual({ rows: group.rows, rest: null });
    const cut = shownShares(group, 2);
    expect(cut.rows.map((r) => r.id)).toEqual(['b', 'e']);
    expect(cut.rest).toEqual({ count: 4, min: 0.09, max: 0.11 });
  });
});
