import { describe, expect, it } from 'vitest';
import { openingScrollTop, worldKey } from '../../../src/viz/opening-view.ts';
import { layoutTopology } from '../../../src/viz/topology-layout.ts';
import type { LayoutNode } from '../../../src/viz/layout-types.ts';
import { topologyOf } from './fixtures.ts';

/** A layout with one balancer at `y` (100 px tall) in a picture `height` tall. */
const picture = (height: number, y: number) => ({ height, nodes: [{ kind: 'balancer', key: 'balancer:lb', y, height: 100 } as LayoutNode] });

describe('where a tall diagram opens', () => {
  it('puts the balancer’s middle in the middle of the box', () => {
    // the balancer's middle at 750; a 400 px box shows 550 … 950
    expect(openingScrollTop(picture(1500, 700), 1, 400)).toBe(550);
    // at twice the size, everything doubles but the box: middle 1500, box 400 → 1300
    expect(openingScrollTop(picture(1500, 700), 2, 400)).toBe(1300);
  });

  it('stays within the picture, and at the top when the picture fits', () => {
    expect(openingScrollTop(picture(1500, 20), 1, 400)).toBe(0);
    // the balancer near the bottom: no further than the picture's end (1500 − 400)
    expect(openingScrollTop(picture(1500, 1390), 1, 400)).toBe(1100);
    expect(openingScrollTop(picture(380, 200), 1, 400)).toBe(0);
    expect(openingScrollTop({ height: 1500, nodes: [] }, 1, 400)).toBe(0);
  });

  it('opens a real large layout with its balancer in view', () => {
    const layout = layoutTopology(topologyOf([{ id: 'users', count: 10 }, { id: 'products', count: 20 }, { id: 'orders', count: 15 }, { id: 'payments', count: 5 }, { id: 'live', count: 4 }]), 819);
    const box = 300;
    const top = openingScrollTop(layout, 1, box);
    const lb = layout.nodes.find((n) => n.kind === 'balancer')!;
    // five groups of 54 targets are taller than the box, and the balancer, centred against them, is cut off when opened at the top
    expect(layout.height).toBeGreaterThan(2 * box);
    expect(lb.y + lb.height).toBeGreaterThan(box);
    expect(lb.y).toBeGreaterThanOrEqual(top);
    expect(lb.y + lb.height).toBeLessThanOrEqual(top + box);
  });

  it('tells another world from the same one with a target more', () => {
    const one = layoutTopology(topologyOf([{ id: 'web', count: 3 }]), 900);
    const more = layoutTopology(topologyOf([{ id: 'web', count: 4 }]), 900);
    const other = layoutTopology(topologyOf([{ id: 'web', count: 3 }, { id: 'api', count: 2 }]), 900);
    expect(worldKey(more)).toBe(worldKey(one));
    expect(worldKey(other)).not.toBe(worldKey(one));
  });
});
