/**
 * Links from target groups to the databases their targets query. A database is drawn under the first
 * group that queries it, so that group's link is a short drop; a link from any other group runs in the
 * gutter left of the group column (crossing edges, never nodes) and enters the database from the left.
 */
import type { Topology } from '../engine/types.ts';
import type { LayoutNode } from './layout-types.ts';

export interface DatabaseLink {
  key: string;
  database: string;
  group: string;
  /** SVG path data. */
  path: string;
}

/** How far left of the group column the gutter runs. */
export const GUTTER_PX = 12;

const r = (n: number): number => Math.round(n * 10) / 10;

export function databaseLinks(topology: Topology, groups: readonly LayoutNode[], databases: readonly LayoutNode[]): DatabaseLink[] {
  const links: DatabaseLink[] = [];
  for (const db of databases) {
    const queriedBy = topology.databases.find((d) => d.id === db.id)?.groups ?? [];
    for (const id of queriedBy) {
      const g = groups.find((n) => n.id === id);
      if (g === undefined) continue;
      const cx = db.x + db.width / 2;
      const adjacent = g.x === db.x && g.y + g.height <= db.y && !databases.some((o) => o !== db && o.x === db.x && o.y > g.y && o.y < db.y);
      let path: string;
      if (adjacent) path = `M${r(cx)},${r(g.y + g.height)}V${r(db.y)}`;
      else {
        const gutter = Math.min(g.x, db.x) - GUTTER_PX;
        const gy = g.y + g.height / 2;
        const dy = db.y + db.height / 2;
        path = `M${r(g.x)},${r(gy)}H${r(gutter)}V${r(dy)}H${r(db.x)}`;
      }
      links.push({ key: `db:${id}:${db.id}`, database: db.id, group: id, path });
    }
  }
  return links;
}
