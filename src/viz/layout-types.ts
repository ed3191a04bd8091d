/** The shapes of the topology picture's layout (topology-layout.ts), apart so the layout's helpers can share them without a cycle. */

export type NodeKind = 'clients' | 'balancer' | 'group' | 'target' | 'database';

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * One line inside a balancer node: a listener, one of its rules, or its default action — or, when the
 * default action splits traffic by weight, one line per group it splits over ('weight').
 */
export interface BalancerRow {
  kind: 'listener' | 'rule' | 'default' | 'weight';
  /** The line as drawn, its lines joined. */
  text: string;
  /** The line as drawn, wrapped onto whole lines of the balancer's width (one, cut, past MAX_RULE_LINES). */
  lines: string[];
  /** The whole line (its title on hover). */
  full: string;
  /** A weighted line's share of the listener's traffic, in percent; null for other lines. */
  percent: number | null;
  /** The target group a rule or default forwards to (null: a 404 answer). */
  group: string | null;
  /** Centre line, absolute. */
  y: number;
  /** Index of the listener this row belongs to. */
  listener: number;
}

export interface LayoutNode extends Rect {
  key: string;
  kind: NodeKind;
  id: string;
  /** Engine target index (kind 'target'), else -1. */
  targetIndex: number;
  /** Balancer rows (kind 'balancer'). */
  rows: BalancerRow[];
  /** Wrapped detail lines (a group's algorithm; a database's room for its longest state line). */
  lines: string[];
  /** Its name wrapped onto whole lines (a group's, a database's id), when the layout sized the node to them. */
  titleLines?: string[];
  /** The lines a group's last line ("n of n in rotation") takes: 1, or 2 where it does not fit one. */
  footLines?: number;
  /**
   * Targets in a grid of several columns are reached along the "street" under their row (so edges and
   * dots never cross other targets): its y, and where it starts. NaN for a single column.
   */
  streetY: number;
  streetX: number;
}
