/**
 * The edges of the topology picture and the routes dots travel: client → balancer (a listener) is the
 * inbound leg; balancer (the rule that forwards to the group) → group → target is the outbound leg. A
 * balancer with GWLB inspection sends its flows across its appliance group's frame first (appliance-column.ts).
 * Crossing a node is instantaneous: a dot enters on its left side and leaves on its right. Targets in a
 * grid of several columns are reached along the street under their row, then up into their waiting spot.
 */
import type { Topology } from '../engine/types.ts';
import { curvePath, type Curve, type Point } from './curves.ts';
import type { LayoutNode, Rect } from './layout-types.ts';
import type { ApplianceFrame } from './appliance-column.ts';

export interface LayoutEdge {
  key: string;
  kind: 'client' | 'rule' | 'inspect' | 'member' | 'street';
  curve: Curve;
  /** SVG path data. */
  path: string;
  /** Engine indices of the targets whose traffic this edge carries (every target for client edges). */
  targets: number[];
  /** For 'rule' edges: the group it forwards to. */
  group: string | null;
  /** For the edges of a weighted default action: the group's share, "10 %"; else null. */
  label: string | null;
}

/** Where requests that fail at the balancer (no target, no route) travel and stop. */
export interface BalancerDoor {
  point: Point;
  inbound: Curve[];
}

export interface TargetRoute {
  /** Clients → the balancer's listener. */
  inbound: Curve[];
  /** The balancer's rule → the group → the target. */
  outbound: Curve[];
  /** Where requests wait while the target holds them. */
  dwell: Rect;
}

const left = (n: Rect, y = n.y + n.height / 2): Point => ({ x: n.x, y });
const right = (n: Rect, y = n.y + n.height / 2): Point => ({ x: n.x + n.width, y });
const curve = (a: Point, b: Point): Curve => ({ x0: a.x, y0: a.y, x1: b.x, y1: b.y });

/** Cards: a strip just left of the card. Tiles sit in a tight grid: their strip is inside, at the bottom. */
function dwellOf(t: LayoutNode): Rect {
  return t.width >= 100 ? { x: t.x - 15, y: t.y + 6, width: 11, height: t.height - 12 } : { x: t.x + 8, y: t.y + t.height - 5, width: t.width - 16, height: 2 };
}

export function buildEdgesAndRoutes(
  topology: Topology,
  clients: LayoutNode,
  balancers: LayoutNode[],
  groups: LayoutNode[],
  targets: LayoutNode[],
  appliances: readonly ApplianceFrame[] = [],
): { edges: LayoutEdge[]; routes: (TargetRoute | null)[]; balancerDoor: BalancerDoor | null } {
  const edges = new Map<string, LayoutEdge>();
  const add = (key: string, kind: LayoutEdge['kind'], c: Curve, group: string | null = null, label: string | null = null): LayoutEdge => {
    let e = edges.get(key);
    if (e === undefined) {
      e = { key, kind, curve: c, path: curvePath(c), targets: [], group, label };
      edges.set(key, e);
    }
    return e;
  };
  const groupNode = new Map(groups.map((g) => [g.id, g]));
  /** Per group: the edges and curves from the clients to it (first balancer row forwarding to it). */
  const entry = new Map<string, { edges: LayoutEdge[]; inbound: Curve; toGroup: Curve[] }>();

  for (const b of balancers) {
    const listenerRows = b.rows.filter((r) => r.kind === 'listener');
    const clientEdges = listenerRows.map((lr) => add(`client:${b.id}:${lr.listener}`, 'client', curve(right(clients), left(b, lr.y))));
    b.rows.forEach((r, i) => {
      const g = r.group === null ? undefined : groupNode.get(r.group);
      if (r.kind === 'listener' || g === undefined) return;
      const label = r.percent === null ? null : `${r.percent} %`;
      const frame = appliances.find((f) => f.balancer === b.id);
      if (frame === undefined) {
        const ruleEdge = add(`rule:${b.id}:${i}`, 'rule', curve(right(b, r.y), left(g)), g.id, label);
        if (!entry.has(g.id)) entry.set(g.id, { edges: [clientEdges[r.listener], ruleEdge], inbound: clientEdges[r.listener].curve, toGroup: [ruleEdge.curve] });
        return;
      }
      // into the appliance group's lane, across it, and on to the group
      const ruleEdge = add(`rule:${b.id}:${i}`, 'rule', curve(right(b, r.y), left(frame, frame.laneY)), g.id, label);
      const lane = add(`inspect:${frame.group}`, 'inspect', curve(left(frame, frame.laneY), right(frame, frame.laneY)));
      const onward = add(`inspect:${frame.group}:${g.id}`, 'rule', curve(right(frame, frame.laneY), left(g)), g.id);
      if (!entry.has(g.id)) entry.set(g.id, { edges: [clientEdges[r.listener], ruleEdge, lane, onward], inbound: clientEdges[r.listener].curve, toGroup: [ruleEdge.curve, lane.curve, onward.curve] });
    });
  }

  const routes: (TargetRoute | null)[] = topology.targets.map(() => null);
  for (const t of targets) {
    const g = groupNode.get(topology.targets[t.targetIndex].group);
    if (g === undefined) continue;
    const dwell = dwellOf(t);
    const carrying: LayoutEdge[] = [];
    let outbound: Curve[];
    if (Number.isNaN(t.streetY)) {
      const member = add(`member:${t.id}`, 'member', curve(right(g), left(t)));
      carrying.push(member);
      outbound = [member.curve];
    } else {
      const streetStart = { x: t.streetX, y: t.streetY };
      const drop = { x: dwell.x + dwell.width / 2, y: t.streetY };
      const member = add(`member:${g.id}:${t.streetY}`, 'member', curve(right(g), streetStart));
      const street = add(`street:${g.id}:${t.streetY}`, 'street', curve(streetStart, streetStart));
      // the street runs as far as the last target of its row
      street.curve = { ...street.curve, x1: Math.max(street.curve.x1, drop.x) };
      street.path = curvePath(street.curve);
      carrying.push(member, street);
      outbound = [member.curve, curve(streetStart, drop), curve(drop, { x: drop.x, y: dwell.y + dwell.height / 2 })];
    }
    const e = entry.get(g.id);
    for (const edge of [...carrying, ...(e?.edges ?? [])]) edge.targets.push(t.targetIndex);
    if (e !== undefined) routes[t.targetIndex] = { inbound: [e.inbound], outbound: [...e.toGroup, ...outbound], dwell };
  }
  const first = balancers[0];
  const door = first ? left(first, first.rows[0]?.y) : null;
  const balancerDoor = door ? { point: door, inbound: [curve(right(clients), door)] } : null;
  return { edges: [...edges.values()], routes, balancerDoor };
}
