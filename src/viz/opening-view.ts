/**
 * Where a diagram taller than its box opens. The bands of a large system (several target groups, each split
 * by zone) can be far taller than the window, and the balancers are centred against them: opened at the top,
 * the box showed a column of targets beside empty space, with the clients and the balancer — where every
 * request starts — out of view below. It opens with the first balancer's middle in the middle of the box instead
 * (as near as the picture's ends allow), so the clients, the balancer and the groups it forwards to are in view.
 */
import type { TopologyLayout } from './topology-layout.ts';

/** The box's first scroll offset from the top, in screen px, for a picture drawn at `scale` in a box `boxHeight` px tall. */
export function openingScrollTop(layout: Pick<TopologyLayout, 'nodes' | 'height'>, scale: number, boxHeight: number): number {
  const room = layout.height * scale - boxHeight;
  if (!(room > 0)) return 0;
  const balancer = layout.nodes.find((n) => n.kind === 'balancer');
  if (balancer === undefined) return 0;
  const middle = (balancer.y + balancer.height / 2) * scale;
  return Math.round(Math.min(room, Math.max(0, middle - boxHeight / 2)));
}

/** What makes a picture another world rather than the same one changed (a target more or less): its balancers and groups. */
export function worldKey(layout: Pick<TopologyLayout, 'nodes'>): string {
  return layout.nodes
    .filter((n) => n.kind === 'balancer' || n.kind === 'group')
    .map((n) => n.key)
    .join(' ');
}
