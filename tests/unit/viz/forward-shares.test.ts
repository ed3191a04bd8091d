import { describe, expect, it } from 'vitest';
import { forwardOf, forwardsKey, forwardShares, shareLabels, shareText, type Forward } from '../../../src/viz/forward-shares.ts';
import { layoutTopology } from '../../../src/viz/topology-layout.ts';
import { topologyOf } from './fixtures.ts';

/** blue by default, green reached only through the weighted forward (a canary), no path rules. */
function canaryTopology() {
  const t = topologyOf([{ id: 'blue', count: 2 }, { id: 'green', count: 2 }]);
  t.balancers[0].listeners[0].rules = [];
  return t;
}
const split = (blue: number, green: number): Forward[] => [{ balancer: 'lb-1', port: 443, weights: [{ group: 'blue', weight: blue }, { group: 'green', weight: green }] }];

describe('weighted forwards', () => {
  it('turns weights into whole percent of the listener’s traffic', () => {
    expect(forwardShares([{ group: 'blue', weight: 9 }, { group: 'green', weight: 1 }])).toEqual([{ group: 'blue', percent: 90 }, { group: 'green', percent: 10 }]);
    expect(shareText([{ group: 'blue', weight: 90 }, { group: 'green', weight: 10 }])).toBe('blue 90 % · green 10 %');
    expect(shareText([{ group: 'blue', weight: 0 }, { group: 'green', weight: 0 }])).toBe('blue 0 % · green 0 %');
  });

  it('finds the split of a balancer’s listener, and keys it so a layout is redone only when it changes', () => {
    expect(forwardOf(split(90, 10), 'lb-1', 443)?.weights).toHaveLength(2);
    expect(forwardOf(split(90, 10), 'lb-1', 80)).toBeUndefined();
    expect(forwardsKey(split(90, 10))).toBe(forwardsKey(structuredClone(split(90, 10))));
    expect(forwardsKey(split(90, 10))).not.toBe(forwardsKey(split(50, 50)));
    expect(forwardsKey(undefined)).toBe('');
  });

  it('without a split, a group reached by no rule and no default has no edge', () => {
    const layout = layoutTopology(canaryTopology(), 900);
    expect(layout.edges.filter((e) => e.kind === 'rule').map((e) => e.group)).toEqual(['blue']);
    expect(layout.routes.slice(2)).toEqual([null, null]);
  });

  it('draws a line and an edge per group of the split, each labelled with its share, and routes dots to both', () => {
    const layout = layoutTopology(canaryTopology(), 900, { forwards: split(90, 10) });
    const rows = layout.nodes.find((n) => n.kind === 'balancer')!.rows;
    expect(rows.map((r) => [r.kind, r.text, r.percent])).toEqual([
      ['listener', ':443 https', null],
      ['weight', 'split 90 % → blue', 90],
      ['weight', 'split 10 % → green', 10],
    ]);
    const rules = layout.edges.filter((e) => e.kind === 'rule');
    expect(rules.map((e) => [e.group, e.label])).toEqual([
      ['blue', '90 %'],
      ['green', '10 %'],
    ]);
    expect(layout.routes.every((r) => r !== null)).toBe(true);
    expect(shareLabels(layout.edges).map((l) => [l.text, l.idle])).toEqual([
      ['blue 90 %', false],
      ['green 10 %', false],
    ]);
    // each label ends short of its group node, just above the edge
    for (const l of shareLabels(layout.edges)) {
      const group = layout.nodes.find((n) => n.key === `group:${l.text.split(' ')[0]}`)!;
      expect(l.x).toBeLessThan(group.x);
      expect(l.y).toBeLessThan(group.y + group.height / 2);
    }
  });

  it('keeps the edge of a rolled-back group, idle at 0 %, and makes the balancer one row taller', () => {
    const plain = layoutTopology(canaryTopology(), 900).nodes.find((n) => n.kind === 'balancer')!;
    const layout = layoutTopology(canaryTopology(), 900, { forwards: split(100, 0) });
    const b = layout.nodes.find((n) => n.kind === 'balancer')!;
    expect(b.height - plain.height).toBe(22);
    expect(shareLabels(layout.edges).find((l) => l.text.startsWith('green'))).toMatchObject({ text: 'green 0 %', idle: true });
  });
});
