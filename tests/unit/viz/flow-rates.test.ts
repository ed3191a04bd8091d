import { describe, expect, it } from 'vitest';
import { edgeFlows, FlowRates, MAX_FLOW_WIDTH } from '../../../src/viz/flow-rates.ts';
import { layoutTopology } from '../../../src/viz/topology-layout.ts';
import { snapshotOf, topologyOf, totalsOf } from './fixtures.ts';

const topology = topologyOf([{ id: 'web', count: 2 }]);
const totals = (arrived: number, failed: number) => ({ totals: totalsOf(arrived, 0, failed) });

describe('aggregate flow for reduced motion', () => {
  it('turns cumulative counters into per-second rates over the last simulated second', () => {
    const r = new FlowRates();
    r.update(snapshotOf(0, [{ ok: 0 }, { ok: 0 }], [], totals(0, 0)));
    r.update(snapshotOf(500, [{ ok: 5 }, { ok: 2, failed: 1 }], [], totals(9, 1)));
    r.update(snapshotOf(1000, [{ ok: 10 }, { ok: 4, failed: 2 }], [], totals(18, 2)));
    const now = r.now();
    expect(now.arrivedPerSec).toBe(18);
    expect(Array.from(now.targetOk)).toEqual([10, 4]);
    expect(Array.from(now.targetFailed)).toEqual([0, 2]);
  });

  it('starts over on a rewind', () => {
    const r = new FlowRates();
    r.update(snapshotOf(1000, [{ ok: 10 }, {}], [], totals(10, 0)));
    r.update(snapshotOf(2000, [{ ok: 20 }, {}], [], totals(20, 0)));
    r.update(snapshotOf(500, [{ ok: 3 }, {}], [], totals(3, 0)));
    expect(r.now().arrivedPerSec).toBe(0);
  });

  it('gives each edge the traffic of the targets behind it, the widest edge MAX_FLOW_WIDTH', () => {
    const layout = layoutTopology(topology, 900);
    const flows = edgeFlows(layout, { arrivedPerSec: 30, failedPerSec: 6, targetOk: Float64Array.of(20, 4), targetFailed: Float64Array.of(0, 6) });
    const by = (kind: string) => layout.edges.filter((e) => e.kind === kind).map((e) => flows.get(e.key)!);
    expect(by('client')[0]).toMatchObject({ okPerSec: 24, failedPerSec: 6, width: MAX_FLOW_WIDTH });
    expect(by('rule')[0]).toMatchObject({ okPerSec: 24, failedPerSec: 6 });
    expect(by('member').map((f) => [f.okPerSec, f.failedPerSec])).toEqual([[20, 0], [4, 6]]);
    expect(by('member')[1].failedWidth).toBeGreaterThan(0);
  });
});
