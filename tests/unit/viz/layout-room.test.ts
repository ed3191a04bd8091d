import { describe, expect, it } from 'vitest';
import { ALGORITHMS } from '../../../src/engine/balancer/registry.ts';
import type { DnsPolicy } from '../../../src/engine/infra/dns/types.ts';
import type { Topology } from '../../../src/engine/types.ts';
import { textWidth } from '../../../src/viz/text-fit.ts';
import { layoutTopology, MAX_ALGORITHM_LINES, SIZES, type LayoutNode } from '../../../src/viz/topology-layout.ts';
import { topologyOf } from './fixtures.ts';

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
        // the node is a line taller for each line past the first
        expect(group.height).toBe(SIZES.group.height + (group.lines.length - 1) * SIZES.group.lineHeight);
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
