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

export const APPLIANCE = { width: 188, card: 102, gapY: 10, header: 22, pad: 8, lane: 26, gapFrames: 16 } as const;

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
 * Lays the appliance groups out in the column at `x`, from `top`: each frame's lane level with the centre of
 * the balancer it inspects for (`centres`, by balancer id; without, the frames are stacked from `top`), frames
 * kept apart; their frames and, as target nodes, the appliances (registered ones).
 */
export function layoutAppliances(topology: Topology, groups: Map<string, string>, x: number, top: number, centres: ReadonlyMap<string, number> = new Map()): { frames: ApplianceFrame[]; nodes: LayoutNode[]; height: number } {
  const members = [...groups.keys()].map((id) => topology.groups.find((g) => g.id === id)!.targets.filter((t) => topology.targets[t]?.registered === true));
  const heights = members.map((m) => frameHeight(m.length));
  const height = heights.reduce((a, h) => a + h, 0) + APPLIANCE.gapFrames * Math.max(0, heights.length - 1);
  let y = top;
  const frames: ApplianceFrame[] = [];
  const nodes: LayoutNode[] = [];
  [...groups.entries()].forEach(([group, balancer], i) => {
    const m = members[i];
    const above = Math.ceil(m.length / 2);
    // the lane sits under the cards above it: move the frame so that it is level with the balancer
    const laneOffset = APPLIANCE.header + APPLIANCE.pad + above * APPLIANCE.card + Math.max(0, above - 1) * APPLIANCE.gapY + APPLIANCE.lane / 2;
    const centre = centres.get(balancer);
    if (centre !== undefined) y = Math.max(y, centre - laneOffset);
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
