// A GWLB's appliances in the topology picture: a framed column between the balancer and the target groups,
// a lane across the frame that the inspected flows take, the appliances above and below it.
import { describe, expect, it } from 'vitest';
import { layoutTopology, type LayoutNode } from '../../../src/viz/topology-layout.ts';
import type { Topology } from '../../../src/engine/types.ts';
import { topologyOf } from './fixtures.ts';

/** web (3 targets) behind lb-1, whose flows pass the appliances fw-1 … fw-n first. */
function inspected(n: number): Topology {
  const t = topologyOf([{ id: 'web', count: 3 }, { id: 'fw', count: n }]);
  t.balancers[0].listeners[0].rules = [];
  t.balancers[0].inspection = 'fw';
  return t;
}

const overlaps = (a: LayoutNode, b: LayoutNode): boolean => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

describe('the appliance column', () => {
  for (const n of [1, 2, 3]) {
    for (const width of [320, 900, 1400]) {
      it(`${n} appliance(s) at ${width} px: framed between the balancer and the groups, the lane crossing none, nothing overlapping`, () => {
        const layout = layoutTopology(inspected(n), width);
        const [frame] = layout.appliances;
        const node = (key: string) => layout.nodes.find((x) => x.key === key)!;
        const lb = node('balancer:lb-1');
        const web = node('group:web');
        expect(layout.appliances).toHaveLength(1);
        expect(frame.x).toBeGreaterThan(lb.x + lb.width);
        expect(frame.x + frame.width).toBeLessThan(web.x);
        // the appliance group has no band of its own
        expect(layout.nodes.some((x) => x.key === 'group:fw')).toBe(false);
        const cards = layout.nodes.filter((x) => x.id.startsWith('fw-'));
        expect(cards.map((c) => c.id)).toEqual(Array.from({ length: n }, (_, i) => `fw-${i + 1}`));
        for (const c of cards) {
          expect(c.kind).toBe('target');
          expect(c.x).toBeGreaterThanOrEqual(frame.x);
          expect(c.x + c.width).toBeLessThanOrEqual(frame.x + frame.width);
          expect(c.y).toBeGreaterThanOrEqual(frame.y);
          expect(c.y + c.height).toBeLessThanOrEqual(frame.y + frame.height);
          expect(frame.laneY > c.y && frame.laneY < c.y + c.height, `${c.id} is on the lane`).toBe(false);
        }
        for (let i = 0; i < layout.nodes.length; i++) for (let j = i + 1; j < layout.nodes.length; j++) expect(overlaps(layout.nodes[i], layout.nodes[j]), `${layout.nodes[i].key} / ${layout.nodes[j].key}`).toBe(false);
        expect(frame.y + frame.height).toBeLessThanOrEqual(layout.height);
        expect([layout.unregisteredTargets, layout.overflowTargets]).toEqual([0, 0]);
      });
    }
  }

  it('a request to web-1 travels balancer → the frame’s lane → across it → the group; no route ends at an appliance', () => {
    const topology = inspected(2);
    const layout = layoutTopology(topology, 1200);
    const [frame] = layout.appliances;
    const route = layout.routes[0]!;
    const [toFrame, lane, onward] = route.outbound;
    expect([toFrame.x1, toFrame.y1]).toEqual([frame.x, frame.laneY]);
    expect(lane).toEqual({ x0: frame.x, y0: frame.laneY, x1: frame.x + frame.width, y1: frame.laneY });
    expect([onward.x0, onward.y0]).toEqual([frame.x + frame.width, frame.laneY]);
    // the lane is level with the balancer whose flows take it
    const lb = layout.nodes.find((x) => x.key === 'balancer:lb-1')!;
    expect(frame.laneY).toBeCloseTo(lb.y + lb.height / 2, 9);
    const webNode = layout.nodes.find((x) => x.key === 'group:web')!;
    expect(onward.x1).toBe(webNode.x);
    const fw = topology.groups.find((g) => g.id === 'fw')!.targets;
    for (const t of fw) expect(layout.routes[t]).toBeNull();
    // the lane edge carries web's three targets
    expect(layout.edges.find((e) => e.key === 'inspect:fw')!.targets).toEqual([0, 1, 2]);
  });

  it('without inspection the layout has no appliance column', () => {
    expect(layoutTopology(topologyOf([{ id: 'web', count: 3 }]), 900).appliances).toEqual([]);
  });
});
