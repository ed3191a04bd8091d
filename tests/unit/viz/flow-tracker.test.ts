import { describe, expect, it } from 'vitest';
import { FLOW_STRIDE } from '../../../src/engine/types.ts';
import { pointOnLeg, type Point } from '../../../src/viz/curves.ts';
import { DOT_KINDS, DotFrame, dotKind, FlowTracker, LINGER_HOPS, MAX_DRAWN, MAX_PER_LEG, MAX_STACKED, type DotKind } from '../../../src/viz/flow-tracker.ts';
import { layoutTopology } from '../../../src/viz/topology-layout.ts';
import { departed, finished, topologyOf } from './fixtures.ts';

const layout = layoutTopology(topologyOf([{ id: 'web', count: 3 }]), 900);
const route = layout.routes[1]!;
const L = 100; // one visual hop, simulated ms

function records(...rows: number[][]): Float64Array {
  const out = new Float64Array(rows.length * FLOW_STRIDE);
  rows.forEach((r, i) => out.set(r, i * FLOW_STRIDE));
  return out;
}

function tracker(...rows: number[][]): FlowTracker {
  const t = new FlowTracker();
  t.ingest(records(...rows), { viewMs: 0, legMs: L, slowThresholdMs: 1000, wallMs: 0 });
  return t;
}

/** The single dot drawn at `viewMs`, or null. */
function dotAt(t: FlowTracker, viewMs: number): { p: Point; kind: DotKind } | null {
  const frame = new DotFrame();
  t.positions(viewMs, layout.routes, layout.balancerDoor, frame);
  return frame.count === 0 ? null : { p: { x: frame.x[0], y: frame.y[0] }, kind: DOT_KINDS[frame.kind[0]] };
}

const near = (p: Point, q: Point): void => {
  expect(p.x).toBeCloseTo(q.x, 3);
  expect(p.y).toBeCloseTo(q.y, 3);
};

describe('a dot timed by the simulation', () => {
  it('reaches the balancer exactly when the engine says the request arrived, then travels one hop to the target', () => {
    const t = tracker(departed(7, 1, 1000));
    expect(dotAt(t, 1000 - L - 1)).toBeNull();
    near(dotAt(t, 1000 - L / 2)!.p, pointOnLeg(route.inbound, 0.5));
    near(dotAt(t, 1000)!.p, pointOnLeg(route.outbound, 0));
    near(dotAt(t, 1000 + L / 4)!.p, pointOnLeg(route.outbound, 0.25));
    expect(dotAt(t, 1000)!.kind).toBe('pending');
  });

  it('waits beside its target until its answer leaves, and is back at the balancer when the engine says it finished', () => {
    const t = tracker(departed(7, 1, 1000));
    const waiting = dotAt(t, 1300)!.p;
    expect(waiting.x).toBeGreaterThanOrEqual(route.dwell.x);
    expect(waiting.x).toBeLessThanOrEqual(route.dwell.x + route.dwell.width);
    t.ingest(records(finished(7, 1, 1000, 1600)), { viewMs: 1300, legMs: L, slowThresholdMs: 1000, wallMs: 16 });
    near(dotAt(t, 1499)!.p, waiting);
    near(dotAt(t, 1550)!.p, pointOnLeg(route.outbound, 0.5));
    near(dotAt(t, 1600)!.p, pointOnLeg(route.inbound, 1));
    near(dotAt(t, 1650)!.p, pointOnLeg(route.inbound, 0.5));
    expect(dotAt(t, 1650)!.kind).toBe('ok');
    expect(dotAt(t, 1700 + 1)).toBeNull();
    expect(t.size).toBe(0);
  });

  it('shows its outcome only once the answer leaves the target', () => {
    const t = tracker(departed(1, 1, 1000), finished(1, 1, 1000, 1600));
    expect(dotAt(t, 1200)!.kind).toBe('pending');
    expect(dotAt(t, 1500)!.kind).toBe('ok');
  });

  it('takes at least one hop each way when the request was quicker than two hops', () => {
    const t = tracker(finished(3, 1, 1000, 1030));
    near(dotAt(t, 1000 + L + L / 2)!.p, pointOnLeg(route.outbound, 0.5));
    expect(dotAt(t, 1000 + 3 * L + 1)).toBeNull();
  });

  it('never jumps back in time when the final record comes late: the answer leaves from now', () => {
    const t = tracker(departed(4, 1, 1000));
    t.ingest(records(finished(4, 1, 1000, 1400)), { viewMs: 2000, legMs: L, slowThresholdMs: 1000, wallMs: 16 });
    near(dotAt(t, 2000)!.p, pointOnLeg(route.outbound, 1));
  });

  it('stops at the target with a cross when the target fails it, and lingers there', () => {
    const t = tracker(finished(5, 1, 1000, 1000, 3)); // refused: the target is down
    const stop = dotAt(t, 1000 + L)!;
    expect(stop.kind).toBe('failed');
    expect(stop.p.x).toBeGreaterThanOrEqual(route.dwell.x);
    expect(dotAt(t, 1000 + L + LINGER_HOPS * L - 1)!.kind).toBe('failed');
    expect(dotAt(t, 1000 + L + LINGER_HOPS * L + 1)).toBeNull();
  });

  it('stops at the balancer when no target was chosen', () => {
    const t = tracker(finished(6, -1, 1000, 1000, 4)); // no-target
    near(dotAt(t, 1000 - L / 2)!.p, pointOnLeg(layout.balancerDoor!.inbound, 0.5));
    const stop = dotAt(t, 1000 + L)!;
    near(stop.p, layout.balancerDoor!.point);
    expect(stop.kind).toBe('rejected');
  });

  it('draws nothing for a target the layout does not know yet (added by a live change)', () => {
    const t = tracker(departed(9, 17, 1000));
    expect(dotAt(t, 1000)).toBeNull();
  });

  it('forgets everything on reset (a rewind)', () => {
    const t = tracker(departed(1, 0, 10), departed(2, 1, 20));
    t.reset();
    expect(t.size).toBe(0);
  });
});

describe('outcome classes', () => {
  it('sorts outcomes into ok, slow, failed and rejected', () => {
    expect(dotKind(0, 200, 1000)).toBe('ok');
    expect(dotKind(0, 1200, 1000)).toBe('slow');
    expect(dotKind(1, 5, 1000)).toBe('rejected'); // queue full
    expect(dotKind(2, 60_000, 1000)).toBe('failed'); // timeout
    expect(dotKind(3, 0, 1000)).toBe('failed'); // refused
    expect(dotKind(4, 0, 1000)).toBe('rejected'); // no target
    expect(dotKind(5, 0, 1000)).toBe('rejected'); // no route
    expect(dotKind(6, 80, 1000)).toBe('failed'); // 5xx
    expect(dotKind(7, 0, 1000)).toBe('failed'); // unreachable: the balancer is down
  });
});

describe('heavy traffic', () => {
  it('thins to a 1-2-5 step when more flows arrive than the eye can follow, keeping departure and final together', () => {
    const t = new FlowTracker();
    let id = 0;
    for (let frame = 0; frame < 120; frame++) {
      const rows: number[][] = [];
      for (let k = 0; k < 40; k++, id++) rows.push(departed(id, id % 3, frame * 16));
      t.ingest(records(...rows), { viewMs: frame * 16 - 200, legMs: L, slowThresholdMs: 1000, wallMs: frame * 16 });
    }
    // 40 flows per 16 ms frame = 2500 a second, against a budget of 300: one in ten
    expect(t.thin).toBe(10);
    const kept = t.size;
    const finals: number[][] = [];
    for (let k = id - 400; k < id; k++) finals.push(finished(k, k % 3, 0, 1));
    t.ingest(records(...finals), { viewMs: 0, legMs: L, slowThresholdMs: 1000, wallMs: 120 * 16 });
    expect(t.size).toBe(kept);
  });

  it('never clumps into a bar: a capped number of dots per edge, waiting ones stacked in a column by their target', () => {
    const t = new FlowTracker();
    const rows: number[][] = [];
    for (let k = 0; k < MAX_DRAWN + 500; k++) rows.push(departed(k, k % 3, k % 2 === 0 ? 0 : 450));
    t.ingest(records(...rows), { viewMs: 0, legMs: L, slowThresholdMs: 1000, wallMs: 10_000 });
    const frame = new DotFrame();
    t.positions(500, layout.routes, layout.balancerDoor, frame);
    // at 500 ms: half the requests wait at their targets (stacks), half are on the target legs
    expect(frame.count).toBe(3 * MAX_STACKED + 3 * MAX_PER_LEG);
    expect(frame.count).toBeLessThanOrEqual(MAX_DRAWN);
    const stack = Array.from({ length: frame.count }, (_, i) => ({ x: frame.x[i], y: frame.y[i] })).filter((p) => p.x === route.dwell.x + route.dwell.width / 2 && p.y >= route.dwell.y && p.y <= route.dwell.y + route.dwell.height);
    expect(new Set(stack.map((p) => p.y)).size).toBe(MAX_STACKED); // one column, no two dots on one spot
  });
});
