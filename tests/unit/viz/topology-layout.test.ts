import { describe, expect, it } from 'vitest';
import { layoutTopology, MAX_DRAWN_TARGETS, SIZES, stageScale, type LayoutNode } from '../../../src/viz/topology-layout.ts';
import { topologyOf } from './fixtures.ts';

const overlaps = (a: LayoutNode, b: LayoutNode, gap = 4): boolean =>
  a.x < b.x + b.width + gap && b.x < a.x + a.width + gap && a.y < b.y + b.height + gap && b.y < a.y + a.height + gap;

const cases = {
  'three targets': topologyOf([{ id: 'web', count: 3 }]),
  'six targets, long algorithm name': topologyOf([{ id: 'web', count: 6, algorithm: 'least-outstanding-requests' }]),
  'two groups by path rule': topologyOf([{ id: 'web', count: 3, algorithm: 'weighted-round-robin' }, { id: 'checkout', count: 2 }]),
  'twelve targets and two balancers': topologyOf([{ id: 'web', count: 12 }, { id: 'api', count: 1 }], 2),
  'sixty targets': topologyOf([{ id: 'web', count: 60 }, { id: 'api', count: 4 }]),
  'more targets than are drawn': topologyOf([{ id: 'web', count: MAX_DRAWN_TARGETS + 30 }]),
  'five groups': topologyOf(['a', 'b', 'c', 'd', 'e'].map((id) => ({ id, count: 3 }))),
};

describe('the topology layout', () => {
  for (const [name, topology] of Object.entries(cases)) {
    for (const width of [320, 760, 900, 1400]) {
      it(`${name} at ${width} px: no two nodes overlap, and all fit the drawing`, () => {
        const layout = layoutTopology(topology, width);
        expect(layout.width).toBeGreaterThanOrEqual(width);
        for (const n of layout.nodes) {
          expect(n.x).toBeGreaterThanOrEqual(0);
          expect(n.y).toBeGreaterThanOrEqual(0);
          expect(n.x + n.width).toBeLessThanOrEqual(layout.width);
          expect(n.y + n.height).toBeLessThanOrEqual(layout.height);
        }
        for (let i = 0; i < layout.nodes.length; i++) {
          for (let j = i + 1; j < layout.nodes.length; j++) {
            expect(overlaps(layout.nodes[i], layout.nodes[j]), `${layout.nodes[i].key} overlaps ${layout.nodes[j].key}`).toBe(false);
          }
        }
      });
    }

    it(`${name}: the same input gives the same layout`, () => {
      expect(layoutTopology(structuredClone(topology), 900)).toEqual(layoutTopology(topology, 900));
    });
  }

  it('flows left to right: clients, balancers, groups, targets', () => {
    const layout = layoutTopology(cases['two groups by path rule'], 900);
    const x = (kind: string): number => layout.nodes.find((n) => n.kind === kind)!.x;
    expect(x('clients')).toBeLessThan(x('balancer'));
    expect(x('balancer')).toBeLessThan(x('group'));
    expect(x('group')).toBeLessThan(x('target'));
  });

  it('lists each listener, its rules and its default action as rows of the balancer, each rule with its target', () => {
    const layout = layoutTopology(cases['two groups by path rule'], 900);
    const balancer = layout.nodes.find((n) => n.kind === 'balancer')!;
    expect(balancer.rows.map((r) => [r.kind, r.text])).toEqual([
      ['listener', ':443 https'],
      ['rule', 'path /checkout* → checkout'],
      ['default', 'default → web'],
    ]);
    // the rule's 26 characters are 26 × 13 px × 0.6 = 202.8 px: the balancer is drawn that and its 30 px of
    // padding wide, 48.8 px wider than its 184 px, as a 900 px picture has the room
    expect(balancer.width).toBeCloseTo(26 * 13 * 0.6 + 30, 6);
  });

  it('keeps a narrow balancer on a narrow screen, and wraps its rule lines after the arrow, whole', () => {
    const layout = layoutTopology(cases['two groups by path rule'], 700);
    const balancer = layout.nodes.find((n) => n.kind === 'balancer')!;
    expect(balancer.width).toBe(SIZES.compact.balancer);
    const rule = balancer.rows.find((r) => r.kind === 'rule')!;
    // "path /checkout* → checkout" is 26 × 7.8 = 202.8 px, more than 164 - 30: the keyword goes, and
    // "/checkout* → checkout" (165.6 px) breaks after its arrow
    expect(rule.lines).toEqual(['/checkout* →', 'checkout']);
    expect(rule.full).toBe('path /checkout* → checkout');
  });

  it('draws a phone\'s picture with narrower columns and tiles, as narrow as 494 px', () => {
    const layout = layoutTopology(cases['three targets'], 373);
    expect(layout.targetMode).toBe('tile');
    const n = SIZES.narrow;
    expect(layout.width).toBe(2 * n.margin + n.clients + n.balancer + n.group + SIZES.tile.width + 3 * n.minGapX + n.lead);
    expect(layout.width).toBe(494);
    expect(layout.nodes.find((x) => x.kind === 'balancer')!.width).toBe(n.balancer);
    // a tablet keeps its cards
    expect(layoutTopology(cases['three targets'], 700).targetMode).toBe('card');
  });

  it('gives every drawn target a route, and none to targets that are not drawn', () => {
    const layout = layoutTopology(cases['more targets than are drawn'], 900);
    expect(layout.overflowTargets).toBe(30);
    expect(layout.routes.filter((r) => r !== null)).toHaveLength(MAX_DRAWN_TARGETS);
  });

  it('leaves unregistered targets out and counts them', () => {
    const layout = layoutTopology(topologyOf([{ id: 'web', count: 5, unregistered: 2 }]), 900);
    expect(layout.nodes.filter((n) => n.kind === 'target').map((n) => n.id)).toEqual(['web-1', 'web-2', 'web-3']);
    expect(layout.unregisteredTargets).toBe(2);
    expect(layout.routes[4]).toBeNull();
  });

  it('fits a tablet in portrait (700 px) without scrolling sideways', () => {
    expect(layoutTopology(cases['six targets, long algorithm name'], 700).width).toBe(700);
    expect(layoutTopology(cases['sixty targets'], 700).width).toBe(700);
  });

  it('draws a few targets as cards, and a group of more than twelve as a heat-map', () => {
    expect(layoutTopology(cases['three targets'], 900).targetMode).toBe('card');
    expect(layoutTopology(cases['sixty targets'], 900).targetMode).toBe('heat');
  });

  it('wraps a long algorithm name inside its group node', () => {
    const group = layoutTopology(cases['six targets, long algorithm name'], 900).nodes.find((n) => n.kind === 'group')!;
    expect(group.lines).toEqual(['least-outstanding-', 'requests']);
  });

  it('scales up on wide screens only, and not past 1.6×', () => {
    expect(stageScale(700)).toBe(1);
    expect(stageScale(1350)).toBe(1.5);
    expect(stageScale(4000)).toBe(1.6);
  });
});
