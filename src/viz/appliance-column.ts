/**
 * The GWLB's appliances in the topology picture: a column of their own between the balancers and the target
 * groups, framed as one appliance group per inspecting balancer, with a lane across the middle of the frame
 * that the balancer's flows take (in at its left, out at its right, then on to the groups). The appliances
 * are drawn above and below the lane, so the lane crosses none of them.
 */
import type { Topology } from '../engine/types.ts';
import type { LayoutNode, Rect } from './layout-types.ts';

/** The frame around one appliance group, and the lane its balancer's flows cross it by. */
export interface ApplianceFrame extends Rect {
  key: string;
  /** The appliance target group. */
  group: string;
  /** The balancer whose flows pass it. */
  balancer: string;
  /** The lane's y, absolute. */
  laneY: number;
}

export const APPLIANCE = { width: 172, card: 84, gapY: 10, header: 22, pad: 8, lane: 26, gapFrames: 16 } as const;

const blank = { rows: [], lines: [], streetY: NaN, streetX: NaN };

/** Appliance target groups, by the balancer they inspect for. */
export function applianceGroups(topology: Topology): Map<string, string> {
  const out = new Map<string, string>();
  for (const b of topology.balancers) if (b.inspection !== undefined && topology.groups.some((g) => g.id === b.inspection)) out.set(b.inspection, b.id);
  return out;
}

/** The height of the column's content for these groups, before it is placed. */
function frameHeight(count: number): number {
  const above = Math.ceil(count / 2);
  const below = count - above;
  const cards = (n: number): number => n * APPLIANCE.card + Math.max(0, n - 1) * APPLIANCE.gapY;
  return APPLIANCE.header + APPLIANCE.pad + cards(above) + APPLIANCE.lane + cards(below) + APPLIANCE.pad;
}

/**
 * Lays the appliance groups out in the column at `x`, centred in a content `contentHeight` tall from `top`:
 * their frames and, as target nodes, the appliances (registered ones).
 */
export function layoutAppliances(topology: Topology, groups: Map<string, string>, x: number, top: number, contentHeight: number): { frames: ApplianceFrame[]; nodes: LayoutNode[]; height: number } {
  const members = [...groups.keys()].map((id) => topology.groups.find((g) => g.id === id)!.targets.filter((t) => topology.targets[t]?.registered === true));
  const heights = members.map((m) => frameHeight(m.length));
  const height = heights.reduce((a, h) => a + h, 0) + APPLIANCE.gapFrames * Math.max(0, heights.length - 1);
  let y = top + Math.max(0, (contentHeight - height) / 2);
  const frames: ApplianceFrame[] = [];
  const nodes: LayoutNode[] = [];
  [...groups.entries()].forEach(([group, balancer], i) => {
    const m = members[i];
    const above = Math.ceil(m.length / 2);
    let cy = y + APPLIANCE.header + APPLIANCE.pad;
    const cardX = x + APPLIANCE.pad;
    const cardW = APPLIANCE.width - 2 * APPLIANCE.pad;
    let laneY = cy + APPLIANCE.lane / 2;
    m.forEach((t, k) => {
      if (k === above) {
        laneY = cy - APPLIANCE.gapY + APPLIANCE.lane / 2;
        cy += APPLIANCE.lane - APPLIANCE.gapY;
      }
      nodes.push({ ...blank, key: `target:${topology.targets[t].id}`, kind: 'target', id: topology.targets[t].id, targetIndex: t, x: cardX, y: cy, width: cardW, height: APPLIANCE.card });
      cy += APPLIANCE.card + APPLIANCE.gapY;
    });
    if (m.length > 0 && above === m.length) laneY = cy - APPLIANCE.gapY + APPLIANCE.lane / 2;
    frames.push({ key: `appliances:${group}`, group, balancer, x, y, width: APPLIANCE.width, height: heights[i], laneY });
    y += heights[i] + APPLIANCE.gapFrames;
  });
  return { frames, nodes, height };
}
