import { describe, expect, it } from 'vitest';
import { ALGORITHMS } from '../../../src/engine/balancer/registry.ts';
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
});
