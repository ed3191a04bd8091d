/**
 * The topology picture's layout: a layered, left-to-right diagram computed, not simulated, so it is
 * deterministic and never overlaps. Columns: clients → balancers (with their listeners and rules as rows)
 * → a GWLB's inspection appliances, when a balancer has them (appliance-column.ts) → target groups → targets. Each group owns a horizontal band holding its targets in a grid, split into
 * zone sub-bands when there are zones, framed when a scaling group owns it, with its databases under the
 * group node (band-layout.ts). Targets that are not registered are left out and counted, except those
 * the caller asks to draw (instances still booting). Many targets switch from cards to small tiles; past
 * MAX_DRAWN_TARGETS the rest are counted. A phone's box gets narrower columns and tiles (NARROW_BELOW), and a caller
 * whose box would cut the picture in cards may ask for tiles (fitted-layout.ts).
 */
import { max, sum } from 'd3-array';
import type { Topology } from '../engine/types.ts';
import { fitText, measuredWidth, MIN_SQUEEZE, textWidth, wrapLines, wrapText } from './text-fit.ts';
import { bareConditions, ruleLines, ruleLineText } from './rule-line.ts';
import { m } from '../i18n/paraglide/messages.js';
import { buildEdgesAndRoutes, type BalancerDoor, type LayoutEdge, type TargetRoute } from './flow-routes.ts';
import { groupZones, layoutBand, MAX_NAME_LINES, type BandGeometry, type ScalingFrame, type ZoneBand } from './band-layout.ts';
import { databaseLinks, type DatabaseLink } from './database-links.ts';
import { forwardOf, forwardShares, type Forward } from './forward-shares.ts';
import { STORE_HEIGHT } from './session-stores.ts';
import { APPLIANCE, applianceGroups, layoutAppliances, type ApplianceFrame } from './appliance-column.ts';

export type { ApplianceFrame, DatabaseLink, ScalingFrame, ZoneBand };

export type { BalancerRow, LayoutNode, NodeKind, Rect } from './layout-types.ts';
import type { BalancerRow, LayoutNode } from './layout-types.ts';

/** Cards (a few targets), tiles (many), or a heat-map of small cells (a group of more than HEAT_ABOVE). */
export type TargetMode = 'card' | 'tile' | 'heat';

export interface TopologyLayout {
  width: number;
  height: number;
  targetMode: TargetMode;
  nodes: LayoutNode[];
  edges: LayoutEdge[];
  /** Zone sub-bands of the groups' bands (behind the targets). */
  zones: ZoneBand[];
  /** Scaling-group frames around the bands of the groups they own. */
  frames: ScalingFrame[];
  /** GWLB appliance groups, each framed in the column between the balancers and the groups. */
  appliances: ApplianceFrame[];
  /** Links from target groups to the databases they query. */
  links: DatabaseLink[];
  /** Per engine target index: where its dots travel; null when it is not drawn or nothing routes to it. */
  routes: (TargetRoute | null)[];
  /** Where a request that fails at the balancer (no target, no route) travels and stops. */
  balancerDoor: BalancerDoor | null;
  /** Registered targets not drawn because there are too many. */
  overflowTargets: number;
  /** Targets left out because they are not registered (and not asked for). */
  unregisteredTargets: number;
}

export interface LayoutOptions {
  /** Engine indices of unregistered targets to draw all the same (instances still booting). */
  alsoDraw?: ReadonlySet<number>;
  /** Listeners whose default action splits by weight (snapshot infra.forwards): a line and an edge per group. */
  forwards?: readonly Forward[];
  /** Groups that keep sessions in a shared or replicated store: their node gets a store section. */
  storeGroups?: ReadonlySet<string>;
  /** Draw tiles where cards would be drawn (the picture in cards is too tall for its box: fitted-layout.ts). */
  tiles?: boolean;
}

export const SIZES = {
  margin: 12,
  minGapX: 32,
  /** `pad`: the room left and right of its text; `dnsFontPx`: its DNS line's text (ClientsNode.svelte). */
  clients: { width: 112, height: 64, dnsLine: 16, dnsFontPx: 12, pad: 16 },
  /** `ruleLine`: each line past the first of a wrapped rule row (BalancerNode.svelte). */
  balancer: { width: 184, header: 42, zoneRow: 18, row: 22, ruleLine: 15, padBottom: 8 },
  group: { width: 156, height: 62, lineHeight: 16, fontPx: 12.5, titleFontPx: 14 },
  /** Below COMPACT_BELOW px (a tablet in portrait), the first three columns are narrower. */
  compact: { minGapX: 24, clients: 92, balancer: 164, group: 140 },
  /**
   * Below NARROW_BELOW px (a phone), narrower still, with tiles: 10 + 76 + 144 + 112 + 84 + 10 px, three gaps of 16
   * and 10 more before the targets (a zone's waiting strip is 18 px wide) make 494 px, which a 373 px box shows at
   * 0.755 (its 12 px text at 9.1 px) instead of 692 px at 0.54 (6.5 px).
   */
  narrow: { margin: 10, minGapX: 16, lead: 10, clients: 76, balancer: 144, group: 112 },
  card: { width: 200, height: 104, gapX: 24, gapY: 12 },
  tile: { width: 84, height: 60, gapX: 8, gapY: 12 },
  heat: { width: 40, height: 40, gapX: 6, gapY: 12 },
  bandGap: 24,
  rowFontPx: 13,
} as const;

/** Narrower first columns below this drawing width (a tablet in portrait). */
export const COMPACT_BELOW = 780;
/** Narrow columns and tiles below this drawing width (a phone in portrait, up to about 430 px). */
export const NARROW_BELOW = 560;

/** Targets are cards while they fit in this many rows; beyond, they become tiles (less text, same state). */
export const MAX_CARD_ROWS = 6;
/** A group with more targets than this is drawn as a heat-map: one small cell per target, coloured by load. */
export const HEAT_ABOVE = 12;
/** At most this many targets are drawn; the state table lists them all. */
export const MAX_DRAWN_TARGETS = 240;
const PREFERRED_ROWS = 6;

const blank = { rows: [], lines: [], streetY: NaN, streetX: NaN, targetIndex: -1 };

/** A balancer's header: its name, kind and region, and a row for its zones when it has any. */
export function balancerHeader(b: Topology['balancers'][number]): number {
  return SIZES.balancer.header + (b.zones.length > 0 ? SIZES.balancer.zoneRow : 0);
}

/** A rule line wraps onto this many lines at most (past it, one line cut: rule-line.ts). */
export const MAX_RULE_LINES = 4;

/**
 * A balancer's rows, from its top: each line "<conditions> → <target group>" wrapped onto whole lines of the room
 * (rule-line.ts), a row RULE_LINE px taller for each line past its first. Whether the keywords go, and where the
 * lines break, is decided on the estimate, so the balancer is as tall everywhere.
 */
function balancerRows(b: Topology['balancers'][number], width: number, forwards: readonly Forward[]): BalancerRow[] {
  const { row, ruleLine } = SIZES.balancer;
  const header = balancerHeader(b);
  const room = width - 30;
  const rows: Omit<BalancerRow, 'y'>[] = [];
  const line = (label: string, group: string | null, bare: boolean): { text: string; lines: string[]; full: string } => {
    const lines = ruleLines(bare ? bareConditions(label) : label, group ?? '404', room, SIZES.rowFontPx, MAX_RULE_LINES);
    return { text: lines.join(' '), lines, full: ruleLineText(label, group ?? '404') };
  };
  b.listeners.forEach((l, li) => {
    // a listener whose rules do not all fit writes none of them with its keywords
    const bare = l.rules.some((r) => textWidth(ruleLineText(r.label, r.group), SIZES.rowFontPx) > room);
    const listener = `:${l.port} ${l.protocol}`;
    const text = fitText(listener, room, SIZES.rowFontPx);
    rows.push({ kind: 'listener', text, lines: [text], full: listener, group: null, percent: null, listener: li });
    for (const r of l.rules) rows.push({ kind: 'rule', ...line(r.label, r.group, bare), group: r.group, percent: null, listener: li });
    const split = forwardOf(forwards, b.id, l.port);
    if (split === undefined || split.weights.length === 0) rows.push({ kind: 'default', ...line(m.lab_row_default(), l.defaultGroup, bare), group: l.defaultGroup, percent: null, listener: li });
    else for (const s of forwardShares(split.weights)) rows.push({ kind: 'weight', ...line(m.lab_row_split({ percent: s.percent }), s.group, bare), group: s.group, percent: s.percent, listener: li });
  });
  let y = header;
  return rows.map((r) => {
    const height = row + (r.lines.length - 1) * ruleLine;
    y += height;
    return { ...r, y: y - height / 2 };
  });
}

/** A balancer is drawn up to this much wider than its size when its lines need it and the picture has room to spare. */
const MAX_BALANCER_EXTRA = 72;

/** How much wider than `width` the balancers' widest rule line wants them. */
function balancerWant(topology: Topology, width: number): number {
  const lines = topology.balancers.flatMap((b) => b.listeners.flatMap((l) => l.rules.map((r) => ruleLineText(r.label, r.group))));
  return Math.max(0, ...lines.map((t) => measuredWidth(t, SIZES.rowFontPx) + 30 - width));
}

/** A balancer's height from its rows (`balancerRows`). */
function balancerHeight(b: Topology['balancers'][number], rows: readonly BalancerRow[]): number {
  const last = rows.at(-1);
  const bottom = last === undefined ? balancerHeader(b) : last.y + (SIZES.balancer.row + (last.lines.length - 1) * SIZES.balancer.ruleLine) / 2;
  return bottom + SIZES.balancer.padBottom;
}

/** In tiles, a gap between columns is at most this many times the least gap: the room beyond widens the tiles. */
export const TILE_GAP_SHARE = 2;

/**
 * How the room the columns leave (`spare`, over `gaps` gaps) is shared. Cards and heat cells spread it over the gaps.
 * Tiles spread it up to TILE_GAP_SHARE × the least gap, widen with the rest up to a card's width, and the columns
 * are centred in what is left (`inset` each side): lesson 14 in tiles had 84 px tiles and gaps of 55 px between its
 * columns at 1024×768 and 103 px at 1366×768 (now 105 px tiles and 48 px gaps; 200 px tiles and 64 px gaps). A
 * tile's texts and bar follow its width (TargetNode.svelte).
 */
function spreadTiles(mode: TargetMode, at: { cols: number; cell: BandGeometry['cell']; spare: number; gaps: number; minGapX: number }): { cell: BandGeometry['cell']; widen: number; gapX: number; inset: number } {
  const { cols, cell, spare, gaps, minGapX } = at;
  if (mode !== 'tile') return { cell, widen: 0, gapX: spare / gaps, inset: 0 };
  const roomy = TILE_GAP_SHARE * minGapX;
  const each = Math.max(0, Math.min(SIZES.card.width - cell.width, Math.floor((spare - gaps * roomy) / cols)));
  const left = spare - each * cols;
  const gapX = Math.min(roomy, left / gaps);
  return { cell: { ...cell, width: cell.width + each }, widen: each * cols, gapX, inset: (left - gapX * gaps) / 2 };
}

/** A group's algorithm is wrapped onto this many lines at most ("least-" "outstanding-" "requests" in a phone's 112 px group). */
export const MAX_ALGORITHM_LINES = 3;

/**
 * The lines a group's last line takes ("n of n in rotation", `registered` targets): two where, by the estimate,
 * even squeezed as far as GroupNode.svelte squeezes it (MIN_SQUEEZE) it is wider than the node (a phone's 112 px
 * group read "10 of 10 in r…" in lesson 22), else one.
 */
function rotationLines(registered: number, width: number): number {
  const text = m.group_in_rotation({ inRotation: registered, registered });
  return textWidth(text, SIZES.group.fontPx) * MIN_SQUEEZE > width - 16 ? 2 : 1;
}

/**
 * The clients node: `columnWidth` wide, and a line or two under its counts for the DNS name in front, when there is
 * one ("DNS failover" was cut to "DNS fai…" in a phone's 76 px node). A word wider than the column widens the node.
 */
function clientsBox(topology: Topology, columnWidth: number): { width: number; height: number; lines: string[] } {
  const { height, dnsLine, dnsFontPx, pad } = SIZES.clients;
  if (!topology.dns) return { width: columnWidth, height, lines: [] };
  const text = `DNS ${topology.dns.policy}`;
  const widest = Math.max(...wrapLines(text, 0, dnsFontPx).map((w) => textWidth(w, dnsFontPx)));
  const width = Math.max(columnWidth, Math.ceil(widest) + pad);
  const lines = wrapText(text, width - pad, dnsFontPx, 2);
  return { width, height: height + lines.length * dnsLine, lines };
}

/** Lays out the topology for a drawing area `width` logical px wide; the height follows from the content. */
export function layoutTopology(topology: Topology, width: number, options: LayoutOptions = {}): TopologyLayout {
  const { bandGap } = SIZES;
  const compact = width < COMPACT_BELOW;
  const narrow = width < NARROW_BELOW;
  const columns = narrow
    ? SIZES.narrow
    : compact
      ? { ...SIZES.compact, margin: SIZES.margin, lead: 0 }
      : { margin: SIZES.margin, minGapX: SIZES.minGapX, lead: 0, clients: SIZES.clients.width, balancer: SIZES.balancer.width, group: SIZES.group.width };
  // `lead`: room before the targets beyond the gap (a narrow gap is less than a zone's waiting strip)
  const { margin, minGapX, lead } = columns;
  const clients = clientsBox(topology, columns.clients);
  const balancer = { ...SIZES.balancer, width: columns.balancer as number };
  const group = { ...SIZES.group, width: columns.group as number };
  const alsoDraw = options.alsoDraw ?? new Set<number>();
  const forwards = options.forwards ?? [];
  const storeGroups = options.storeGroups ?? new Set<string>();
  // a group's members are its registered targets (the engine lists only those), plus the extra ones asked for
  const extra = [...alsoDraw].filter((t) => topology.targets[t] !== undefined).sort((a, b) => a - b);
  // a GWLB's appliance groups get a column of their own; the other groups get bands
  const inspecting = applianceGroups(topology);
  const bandGroups = topology.groups.filter((g) => !inspecting.has(g.id));
  const applianceWidth = inspecting.size > 0 ? APPLIANCE.width + minGapX : 0;
  const gaps = inspecting.size > 0 ? 4 : 3;
  const members = bandGroups.map((g) => {
    const listed = g.targets.filter((t) => topology.targets[t]?.registered === true || alsoDraw.has(t));
    return [...listed, ...extra.filter((t) => topology.targets[t].group === g.id && !listed.includes(t))];
  });
  const registered = sum(members, (m) => m.length);
  // columns: as many target columns as fit, but no more than needed to keep about PREFERRED_ROWS rows (each
  // zone header counting as one)
  const zoneCount = max(bandGroups, (g, gi) => groupZones(topology, g.id, members[gi]).length) ?? 0;
  const preferredRows = Math.max(2, PREFERRED_ROWS - zoneCount);
  const fixed = 2 * margin + clients.width + balancer.width + applianceWidth + group.width + 3 * minGapX + lead;
  const fitting = (c: { width: number; gapX: number }): number => Math.max(1, Math.floor((width - fixed + c.gapX) / (c.width + c.gapX)));
  const biggest = max(members, (m) => m.length) ?? 0;
  const cards = !narrow && options.tiles !== true && registered + zoneCount <= MAX_CARD_ROWS * fitting(SIZES.card);
  const targetMode: TargetMode = biggest > HEAT_ABOVE ? 'heat' : cards ? 'card' : 'tile';
  let cell: BandGeometry['cell'] = SIZES[targetMode];
  const fitCols = fitting(cell);
  // a heat-map is about twice as wide as it is tall
  const rowsWanted = targetMode === 'heat' ? Math.max(preferredRows, Math.ceil(Math.sqrt(Math.min(registered, MAX_DRAWN_TARGETS) / 2))) : preferredRows;
  const wantCols = Math.max(1, Math.ceil(Math.min(registered, MAX_DRAWN_TARGETS) / rowsWanted));
  const cols = Math.min(fitCols, wantCols);
  let targetsWidth = cols * cell.width + (cols - 1) * cell.gapX;
  const contentWidth = fixed - 3 * minGapX - (applianceWidth > 0 ? minGapX : 0) + targetsWidth;
  const totalWidth = Math.max(width, contentWidth + gaps * minGapX);
  // long rule lines widen the balancers into the room the gaps have to spare (not on a narrow screen)
  const wider = compact ? 0 : Math.max(0, Math.min(MAX_BALANCER_EXTRA, balancerWant(topology, balancer.width), totalWidth - contentWidth - gaps * minGapX));
  balancer.width += wider;
  const spread = spreadTiles(targetMode, { cols, cell, spare: totalWidth - contentWidth - wider, gaps, minGapX });
  cell = spread.cell;
  targetsWidth += spread.widen;
  const { gapX } = spread;
  // the columns' left edge: the margin, and half the room the tiles leave (centred)
  const left = margin + spread.inset;
  const xBalancer = left + clients.width + gapX;
  const xAppliances = xBalancer + balancer.width + gapX;
  const xGroup = xBalancer + balancer.width + gapX + (applianceWidth > 0 ? APPLIANCE.width + gapX : 0);
  const xTargets = xGroup + group.width + gapX + lead;

  // group bands, top to bottom; targets beyond the drawing budget are counted, not drawn
  const geo = { xGroup, groupWidth: group.width, xTargets, targetsWidth, cols, cell };
  const host = new Map<string, string[]>();
  for (const d of topology.databases) {
    const first = d.groups.find((id) => topology.groups.some((g) => g.id === id));
    if (first !== undefined) host.set(first, [...(host.get(first) ?? []), d.id]);
  }
  let budget = MAX_DRAWN_TARGETS;
  let y = margin;
  const groupNodes: LayoutNode[] = [];
  const targetNodes: LayoutNode[] = [];
  const databaseNodes: LayoutNode[] = [];
  const zones: ZoneBand[] = [];
  const frames: ScalingFrame[] = [];
  bandGroups.forEach((g, gi) => {
    const drawn = members[gi].slice(0, Math.max(0, budget));
    budget -= drawn.length;
    const lines = wrapText(g.algorithm, group.width - 20, group.fontPx, MAX_ALGORITHM_LINES);
    // its id on whole lines too (lesson 7's "payments-tcp" read "payments…" in a phone's 112 px group)
    const titleLines = wrapText(g.id, group.width - 20, group.titleFontPx, MAX_NAME_LINES);
    const footLines = rotationLines(g.targets.length, group.width);
    const groupHeight = group.height + (lines.length - 1 + titleLines.length - 1 + footLines - 1) * group.lineHeight + (storeGroups.has(g.id) ? STORE_HEIGHT : 0);
    const band = layoutBand(topology, g, drawn, host.get(g.id) ?? [], geo, groupHeight, lines, y);
    groupNodes.push({ ...band.group, titleLines, footLines });
    targetNodes.push(...band.targets);
    databaseNodes.push(...band.databases);
    zones.push(...band.zones);
    if (band.frame) frames.push(band.frame);
    y += band.height + bandGap;
  });
  const bandsHeight = Math.max(0, y - bandGap - margin);

  // balancers stacked and centred against the bands
  // each balancer's rows wrapped once: its height, then (moved to its place) its rows
  const rowsOf = topology.balancers.map((b) => balancerRows(b, balancer.width, forwards));
  const heights = topology.balancers.map((b, i) => balancerHeight(b, rowsOf[i]));
  const stackHeight = sum(heights) + bandGap * Math.max(0, heights.length - 1);
  const applianceHeight = layoutAppliances(topology, inspecting, xAppliances, margin).height;
  const contentHeight = Math.max(bandsHeight, stackHeight, clients.height, applianceHeight);
  let by = margin + (contentHeight - stackHeight) / 2;
  const balancerNodes = topology.balancers.map((b, i): LayoutNode => {
    const node = { ...blank, key: `balancer:${b.id}`, kind: 'balancer' as const, id: b.id, rows: rowsOf[i].map((r) => ({ ...r, y: r.y + by })), x: xBalancer, y: by, width: balancer.width, height: heights[i] };
    by += heights[i] + bandGap;
    return node;
  });
  // the groups, as a whole, centred if the balancers are the taller column
  const shift = (contentHeight - bandsHeight) / 2;
  for (const n of [...groupNodes, ...targetNodes, ...databaseNodes, ...zones, ...frames]) {
    n.y += shift;
    if ('streetY' in n) n.streetY += shift;
  }

  // the appliance groups, each level with the balancer it inspects for
  const column = layoutAppliances(topology, inspecting, xAppliances, margin, new Map(balancerNodes.map((n) => [n.id, n.y + n.height / 2])));
  targetNodes.push(...column.nodes);

  // the clients face the first listener of the first balancer
  const first = balancerNodes[0];
  const clientsY = first ? first.rows[0].y - clients.height / 2 : margin;
  const clientsNode: LayoutNode = { ...blank, key: 'clients', kind: 'clients', id: 'clients', lines: clients.lines, x: left, y: Math.max(margin, clientsY), width: clients.width, height: clients.height };

  const nodes = [clientsNode, ...balancerNodes, ...groupNodes, ...databaseNodes, ...targetNodes];
  const bottom = Math.max(max(nodes, (n) => n.y + n.height + (Number.isNaN(n.streetY) ? 0 : cell.gapY)) ?? 0, max([...zones, ...frames, ...column.frames], (r) => r.y + r.height) ?? 0);
  const height = bottom + margin;
  const { edges, routes, balancerDoor } = buildEdgesAndRoutes(topology, clientsNode, balancerNodes, groupNodes, targetNodes, column.frames);
  return {
    width: totalWidth,
    height,
    targetMode,
    nodes,
    edges,
    zones,
    frames,
    appliances: column.frames,
    links: databaseLinks(topology, groupNodes, databaseNodes),
    routes,
    balancerDoor,
    overflowTargets: registered - (targetNodes.length - column.nodes.length),
    unregisteredTargets: topology.targets.length - registered - column.nodes.length,
  };
}

/** Screen px per layout px for a drawing area `widthPx` wide: 1 on a laptop, larger on a projector. */
export function stageScale(widthPx: number): number {
  return Math.min(Math.max(widthPx / 900, 1), 1.6);
}

