/**
 * One target group's horizontal band in the topology picture. On the left, the group node with the
 * databases it hosts stacked under it; on the right, its targets in a grid, split into one sub-band per
 * zone (with a header naming the zone) when the group or the balancers in front of it have zones. A group
 * owned by a scaling group gets a frame around the whole band, with a header row for its capacity.
 */
import type { Topology } from '../engine/types.ts';
import type { LayoutNode, Rect } from './layout-types.ts';
import { m } from '../i18n/paraglide/messages.js';
import { wrapLines, wrapText } from './text-fit.ts';

/** A zone's part of a group's band: a frame around that zone's targets. */
export interface ZoneBand extends Rect {
  key: string;
  zone: string;
  group: string;
  /** Targets drawn in it. */
  count: number;
}

/** The frame of a scaling group around the band of the target group it owns. */
export interface ScalingFrame extends Rect {
  key: string;
  /** Scaling group id. */
  id: string;
  group: string;
}

export const BAND = {
  /** Height of a scaling frame's header row (its label), and the room left under the band inside it. */
  frameHeader: 24,
  framePadBottom: 8,
  /** The frame reaches this far left of the group column. */
  framePadLeft: 8,
  /** A zone sub-band: header row, room left of the targets (their waiting strip), right and under them. */
  zoneHeader: 20,
  zonePadLeft: 18,
  zonePadRight: 6,
  zonePadBottom: 4,
  zoneGap: 8,
  /** Height of an empty zone's grid (it says "no targets"). */
  emptyZone: 22,
  /** Database nodes under the group node. */
  database: { height: 82, gap: 16, titleLine: 17, stateLine: 15 },
} as const;

/** A node's name (a group's, a database's) wraps onto this many lines at most, at its hyphens ("payments-" "tcp"). */
export const MAX_NAME_LINES = 2;

/**
 * A database node `width` wide: its id on whole lines (a phone's 112 px node read "db-pri…"), and room for its
 * longest state line ("out of connections · 2 replicas" read "out of conn…"), each line past the first
 * making it taller. DatabaseNode.svelte draws the state it is in on as many lines as it needs of those.
 */
export function databaseBox(db: Topology['databases'][number], width: number): { height: number; titleLines: string[]; lines: string[] } {
  const titleLines = wrapText(db.id, width - 34, 14, MAX_NAME_LINES);
  const replicas = db.readReplicas === 0 ? '' : ` · ${db.readReplicas === 1 ? m.lab_db_replica_one() : m.lab_db_replicas({ count: db.readReplicas })}`;
  const states = [m.badge_up(), m.badge_failing_over(), m.badge_out_of_connections()].map((s) => `${s}${replicas}`);
  const lines = states.map((s) => wrapLines(s, width - 20, 12)).reduce((a, b) => (b.length > a.length ? b : a));
  const { height, titleLine, stateLine } = BAND.database;
  return { height: height + (titleLines.length - 1) * titleLine + (lines.length - 1) * stateLine, titleLines, lines };
}

/** What every band shares: the columns and the target cell. */
export interface BandGeometry {
  xGroup: number;
  groupWidth: number;
  xTargets: number;
  targetsWidth: number;
  cols: number;
  cell: { width: number; height: number; gapX: number; gapY: number };
}

export interface Band {
  height: number;
  group: LayoutNode;
  targets: LayoutNode[];
  databases: LayoutNode[];
  zones: ZoneBand[];
  frame: ScalingFrame | null;
}

const blank = { rows: [], lines: [], streetY: NaN, streetX: NaN, targetIndex: -1 };

/** The zones a group's band is split into: its balancers' zones and its targets' zones, in topology order. */
export function groupZones(topology: Topology, group: string, drawn: readonly number[]): string[] {
  const forwards = (b: Topology['balancers'][number]): boolean => b.listeners.some((l) => l.defaultGroup === group || l.rules.some((r) => r.group === group));
  const named = new Set<string>(topology.balancers.filter(forwards).flatMap((b) => b.zones));
  for (const t of drawn) {
    const zone = topology.targets[t]?.zone;
    if (zone !== null && zone !== undefined) named.add(zone);
  }
  const ordered = topology.zones.filter((z) => named.has(z));
  return [...ordered, ...[...named].filter((z) => !ordered.includes(z))];
}

/** Lays out the band of group `g` from `top`; `drawn` are its targets to draw, `hosted` the databases placed in it. */
export function layoutBand(
  topology: Topology,
  g: Topology['groups'][number],
  drawn: readonly number[],
  hosted: readonly string[],
  geo: BandGeometry,
  groupHeight: number,
  lines: string[],
  top: number,
): Band {
  const { cell, cols, xTargets, targetsWidth } = geo;
  const owner = topology.scalingGroups.find((s) => s.targetGroup === g.id);
  const header = owner ? BAND.frameHeader : 0;
  const contentTop = top + header;
  const zoneNames = groupZones(topology, g.id, drawn);
  // targets in no zone (while others are) get a sub-band of their own, named "no zone"
  const parts: { zone: string | null; members: number[] }[] =
    zoneNames.length === 0
      ? [{ zone: null, members: [...drawn] }]
      : [...zoneNames.map((z) => ({ zone: z as string | null, members: drawn.filter((t) => topology.targets[t].zone === z) }))];
  const unzoned = zoneNames.length === 0 ? [] : drawn.filter((t) => topology.targets[t].zone === null || !zoneNames.includes(topology.targets[t].zone ?? ''));
  if (unzoned.length > 0) parts.push({ zone: 'no zone', members: unzoned });
  const named = zoneNames.length > 0;

  // the targets' column: sub-bands stacked top to bottom (positions relative to y = 0, moved below)
  const targets: LayoutNode[] = [];
  const zones: ZoneBand[] = [];
  let y = 0;
  for (const part of parts) {
    const rows = Math.ceil(part.members.length / cols);
    const grid = rows === 0 ? (named ? BAND.emptyZone : 0) : rows * cell.height + (rows - 1) * cell.gapY + (cols > 1 ? cell.gapY : 0);
    const head = named ? BAND.zoneHeader : 0;
    part.members.forEach((t, k) => {
      const rowTop = y + head + Math.floor(k / cols) * (cell.height + cell.gapY);
      targets.push({
        ...blank,
        key: `target:${topology.targets[t].id}`,
        kind: 'target',
        id: topology.targets[t].id,
        targetIndex: t,
        x: xTargets + (k % cols) * (cell.width + cell.gapX),
        y: rowTop,
        width: cell.width,
        height: cell.height,
        streetY: cols > 1 ? rowTop + cell.height + cell.gapY / 2 : NaN,
        streetX: cols > 1 ? xTargets - 6 : NaN,
      });
    });
    const height = head + grid + (named ? BAND.zonePadBottom : 0);
    if (named && part.zone !== null) {
      zones.push({
        key: `zone:${g.id}:${part.zone}`,
        zone: part.zone,
        group: g.id,
        count: part.members.length,
        x: xTargets - BAND.zonePadLeft,
        y,
        width: targetsWidth + BAND.zonePadLeft + BAND.zonePadRight,
        height,
      });
    }
    y += height + (named ? BAND.zoneGap : 0);
  }
  const targetsHeight = Math.max(0, y - (named ? BAND.zoneGap : 0));

  // the left column: the group node, then the databases it hosts
  const boxes = hosted.map((id) => {
    const db = topology.databases.find((d) => d.id === id);
    return db ? databaseBox(db, geo.groupWidth) : { height: BAND.database.height, titleLines: [id], lines: [] };
  });
  const dbHeight = boxes.reduce((h, b) => h + b.height + BAND.database.gap, 0);
  const stackHeight = groupHeight + dbHeight;
  const contentHeight = Math.max(stackHeight, targetsHeight);
  const targetsTop = contentTop + (contentHeight - targetsHeight) / 2;
  for (const t of targets) {
    t.y += targetsTop;
    t.streetY += targetsTop;
  }
  for (const z of zones) z.y += targetsTop;
  const stackTop = contentTop + (contentHeight - stackHeight) / 2;
  const group: LayoutNode = { ...blank, key: `group:${g.id}`, kind: 'group', id: g.id, lines, x: geo.xGroup, y: stackTop, width: geo.groupWidth, height: groupHeight };
  let dbTop = stackTop + groupHeight + BAND.database.gap;
  const databases = hosted.map((id, i): LayoutNode => {
    const box = boxes[i];
    const node = { ...blank, key: `database:${id}`, kind: 'database' as const, id, titleLines: box.titleLines, lines: box.lines, x: geo.xGroup, y: dbTop, width: geo.groupWidth, height: box.height };
    dbTop += box.height + BAND.database.gap;
    return node;
  });
  const height = header + contentHeight + (owner ? BAND.framePadBottom : 0);
  const right = xTargets + targetsWidth + BAND.zonePadRight + 4;
  const frame = owner
    ? { key: `scaling:${owner.id}`, id: owner.id, group: g.id, x: geo.xGroup - BAND.framePadLeft, y: top, width: right - (geo.xGroup - BAND.framePadLeft), height }
    : null;
  return { height, group, targets, databases, zones, frame };
}
