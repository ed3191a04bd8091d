import { describe, expect, it } from 'vitest';
import { shareGroups } from '../../../src/viz/share.ts';
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
});
