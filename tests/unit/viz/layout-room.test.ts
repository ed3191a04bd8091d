import { describe, expect, it } from 'vitest';
import { ALGORITHMS } from '../../../src/engine/balancer/registry.ts';
import type { DnsPolicy } from '../../../src/engine/infra/dns/types.ts';
import type { Topology } from '../../../src/engine/types.ts';
import { textWidth } from '../../../src/viz/text-fit.ts';
import { layoutTopology, MAX_ALGORITHM_LINES, SIZES, TILE_GAP_SHARE, type LayoutNode } from '../../../src/viz/topology-layout.ts';
import { topologyOf } from './fixtures.ts';
import { zonedTopology } from './infra-fixtures.ts';

// A phone's box gets the narrow columns (373 px: a 76 px clients node, a 112 px group), a tablet the compact ones
// (700 px), a laptop the full ones (900 px). Words are measured by the layout's estimate (0.6 em a character), as in
// Node there is no canvas: the page's real widths are narrower still.
const WIDTHS = [373, 700, 900];

/** The lines read as one: after a hyphen nothing, else a space. */
const joined = (lines: readonly string[]): string => lines.reduce((a, l) => (a.endsWith('-') ? a + l : `${a} ${l}`));

const node = (layout: ReturnType<typeof layoutTopology>, kind: LayoutNode['kind']): LayoutNode => layout.nodes.find((n) => n.kind === kind)!;

describe('the words the layout writes into its nodes are whole', () => {
  // "least-outstanding-requests" on a phone's group read "least-" "outstandin…"
  for (const algorithm of Object.keys(ALGORITHMS) as (keyof typeof ALGORITHMS)[]) {
    for (const width of WIDTHS) {
      it(`a group's algorithm ${algorithm} at ${width} px: wrapped, not cut`, () => {
        const layout = layoutTopology(topologyOf([{ id: 'web', count: 3, algorithm }]), width);
        const group = node(layout, 'group');
        expect(group.lines.length).toBeLessThanOrEqual(MAX_ALGORITHM_LINES);
        expect(joined(group.lines)).toBe(algorithm);
        for (const line of group.lines) expect(textWidth(line, SIZES.group.fontPx)).toBeLessThanOrEqual(group.width - 20);
        // the node is a line taller for each line past the first (of its algorithm, its id and its "n of n in rotation")
        expect(group.height).toBe(SIZES.group.height + (group.lines.length - 1 + group.titleLines!.length - 1 + group.footLines! - 1) * SIZES.group.lineHeight);
      });
    }
  }

  // "DNS failover" in a phone's 76 px clients node read "DNS fai…" (and "DNS failo…" in a tablet's 92 px)
  const policies: DnsPolicy[] = ['simple', 'multivalue', 'weighted', 'latency', 'failover', 'geolocation'];
  const withDns = (policy: string): Topology => ({ ...topologyOf([{ id: 'web', count: 2 }]), dns: { name: 'shop.example.com', policy, records: [] } });
  for (const policy of policies) {
    for (const width of WIDTHS) {
      it(`the clients' DNS ${policy} at ${width} px: on one or two lines, whole`, () => {
        const clients = node(layoutTopology(withDns(policy), width), 'clients');
        expect(clients.lines.length).toBeGreaterThanOrEqual(1);
        expect(clients.lines.length).toBeLessThanOrEqual(2);
        expect(clients.lines.join(' ')).toBe(`DNS ${policy}`);
        for (const line of clients.lines) expect(textWidth(line, SIZES.clients.dnsFontPx)).toBeLessThanOrEqual(clients.width - SIZES.clients.pad);
        expect(clients.height).toBe(SIZES.clients.height + clients.lines.length * SIZES.clients.dnsLine);
      });
    }
  }

  it('no DNS name: no DNS line', () => {
    const clients = node(layoutTopology(topologyOf([{ id: 'web', count: 2 }]), 373), 'clients');
    expect(clients.lines).toEqual([]);
    expect(clients.height).toBe(SIZES.clients.height);
  });

  it('lesson 14\'s "DNS failover" keeps a phone\'s picture 494 px wide: "failover" fits the 76 px node', () => {
    const layout = layoutTopology(withDns('failover'), 373);
    expect(node(layout, 'clients').width).toBe(SIZES.narrow.clients);
    expect(node(layout, 'clients').lines).toEqual(['DNS', 'failover']);
    expect(layout.width).toBe(494);
  });

  it('a word wider than the column widens the clients node: "geolocation" is 11 × 0.6 × 12 = 79.2 px, 96 with its padding', () => {
    const clients = node(layoutTopology(withDns('geolocation'), 373), 'clients');
    expect(clients.width).toBe(Math.ceil(11 * 0.6 * SIZES.clients.dnsFontPx) + SIZES.clients.pad);
  });
});

describe('tiles drawn where cards were too tall use the width', () => {
  // lesson 14's shape: two balancers, two groups, each group's two targets in two zones, drawn in tiles because in
  // cards it is cut at the window's bottom (fitted-layout.ts), in a box of 669 px at 1024×768 (the compact columns)
  // and about 870 at 1366×768. Before, its 84 px tiles left gaps of (669 − 504) / 3 = 55 px and (898 − 560) / 3 =
  // 113 px between the columns at 669 and 898 px.
  const regions = zonedTopology([{ id: 'east', count: 2 }, { id: 'west', count: 2 }], { zones: ['a', 'b'], balancers: 2 });
  const cases = [
    { width: 669, minGapX: SIZES.compact.minGapX },
    { width: 898, minGapX: SIZES.minGapX },
    { width: 1400, minGapX: SIZES.minGapX },
  ];
  for (const { width, minGapX } of cases) {
    it(`at ${width} px: no gap wider than ${TILE_GAP_SHARE} × ${minGapX} px, tiles at most a card wide, the columns centred`, () => {
      const layout = layoutTopology(regions, width, { tiles: true });
      expect(layout.targetMode).toBe('tile');
      expect(layout.width).toBe(width);
      const clients = node(layout, 'clients');
      const balancers = layout.nodes.filter((n) => n.kind === 'balancer');
      const groups = layout.nodes.filter((n) => n.kind === 'group');
      const targets = layout.nodes.filter((n) => n.kind === 'target');
      const right = (n: LayoutNode): number => n.x + n.width;
      const gaps = [balancers[0].x - right(clients), groups[0].x - right(balancers[0]), targets[0].x - right(groups[0])];
      for (const gap of gaps) {
        expect(gap).toBeGreaterThanOrEqual(minGapX);
        expect(gap).toBeLessThanOrEqual(TILE_GAP_SHARE * minGapX + 1e-9);
      }
      for (const t of targets) {
        expect(t.width).toBeGreaterThanOrEqual(SIZES.tile.width);
        expect(t.width).toBeLessThanOrEqual(SIZES.card.width);
        // a tile's height is what saves the picture its height
        expect(t.height).toBe(SIZES.tile.height);
      }
      // the room left when the tiles are a card wide goes to both sides alike
      expect(clients.x).toBeCloseTo(layout.width - Math.max(...targets.map(right)), 9);
      // the zones' frames stay inside the picture
      for (const z of layout.zones) expect(z.x + z.width).toBeLessThanOrEqual(layout.width);
    });
  }

  it('widens the tiles only as far as the gaps need: at 669 px, 84 + (669 − 504 − 3 × 48) = 105 px', () => {
    // 504 px: 2 × 12 margin, 92 + 164 + 140 px columns and one 84 px tile; the compact gaps are 24 px at least
    const layout = layoutTopology(regions, 669, { tiles: true });
    expect(layout.nodes.find((n) => n.kind === 'target')!.width).toBe(105);
  });

  it('leaves cards where they were', () => {
    const cards = layoutTopology(regions, 898);
    expect(cards.targetMode).toBe('card');
    const clients = node(cards, 'clients');
    expect(clients.x).toBe(SIZES.margin);
    expect(cards.nodes.find((n) => n.kind === 'target')!.width).toBe(SIZES.card.width);
  });
});
