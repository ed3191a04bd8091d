/**
 * Weighted forwards (ALB weighted target groups): a listener's default action split over several
 * target groups by weight. Canary and blue/green deployments shift these weights live, so the picture
 * labels each share in percent of the listener's traffic, from the snapshot's `infra.forwards`.
 */
import type { InfraSnapshot } from '../engine/types.ts';
import type { LayoutEdge } from './flow-routes.ts';

export type Forward = InfraSnapshot['forwards'][number];

export interface ForwardShare {
  group: string;
  /** Whole percent of the listener's traffic (0 when every weight is 0). */
  percent: number;
}

/** Each group's share of the traffic, in the forward's order. */
export function forwardShares(weights: Forward['weights']): ForwardShare[] {
  const total = weights.reduce((n, w) => n + Math.max(0, w.weight), 0);
  return weights.map((w) => ({ group: w.group, percent: total > 0 ? Math.round((Math.max(0, w.weight) * 100) / total) : 0 }));
}

/** The split in words: "blue 90 % · green 10 %". */
export function shareText(weights: Forward['weights']): string {
  return forwardShares(weights)
    .map((s) => `${s.group} ${s.percent} %`)
    .join(' · ');
}

/** The weighted forward of a balancer's listener, if its default action splits by weight. */
export function forwardOf(forwards: readonly Forward[] | undefined, balancer: string, port: number): Forward | undefined {
  return forwards?.find((f) => f.balancer === balancer && f.port === port);
}

/** A string that changes only when a split changes, so that a view redoes its layout only then. */
export function forwardsKey(forwards: readonly Forward[] | undefined): string {
  return (forwards ?? []).map((f) => `${f.balancer}:${f.port}=${f.weights.map((w) => `${w.group}/${w.weight}`).join(',')}`).join(';');
}

export interface EdgeLabel {
  key: string;
  x: number;
  y: number;
  text: string;
  /** The share is 0: no traffic takes this edge now. */
  idle: boolean;
}

/** Gap between a share label's end and the group node it points at. */
const LABEL_GAP = 6;

/**
 * Where the shares are written on the edges of weighted forwards: just above the edge's end, ending
 * short of the group node (the edge arrives level there, so the label never sits on the curve's bend).
 */
export function shareLabels(edges: readonly LayoutEdge[]): EdgeLabel[] {
  return edges
    .filter((e) => e.label !== null)
    .map((e) => ({ key: e.key, x: e.curve.x1 - LABEL_GAP, y: e.curve.y1 - LABEL_GAP, text: `${e.group ?? ''} ${e.label ?? ''}`.trim(), idle: e.label === '0 %' }));
}
