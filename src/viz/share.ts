/**
 * Share of traffic per target against the share its weight asks for, within its target group. Actual
 * shares use the last SHARE_WINDOW_SEC simulated seconds of the series (so a change shows up quickly), or
 * the run's totals before the series has any. The asked share is the target's weight over the summed
 * weights of the group's targets in rotation; a target out of rotation asks for nothing.
 */
import type { Series, Topology } from '../engine/types.ts';
import type { TargetView } from '../sim/snapshot-decoder.ts';

export const SHARE_WINDOW_SEC = 10;

export interface ShareRow {
  index: number;
  id: string;
  actual: number;
  asked: number;
  requests: number;
}

export interface ShareGroup {
  id: string;
  algorithm: string;
  rows: ShareRow[];
  requests: number;
  /** The seconds the actual share covers ('run' = since the start). */
  window: number | 'run';
}

function recentRequests(series: Series | null, t: number, windowSec: number): number | null {
  if (series === null || t >= series.targetCount || series.seconds === 0) return null;
  const n = series.seconds;
  let s = 0;
  for (let i = Math.max(0, n - windowSec); i < n; i++) s += series.targetRequests[t * n + i];
  return s;
}

export function shareGroups(topology: Topology, targets: readonly TargetView[], series: Series | null, windowSec = SHARE_WINDOW_SEC): ShareGroup[] {
  return topology.groups.map((g) => {
    const members = g.targets.map((i) => targets[i]).filter((t) => t !== undefined && (t.registered || t.requests > 0));
    const recent = members.map((t) => recentRequests(series, t.index, windowSec));
    const useRecent = recent.every((r) => r !== null) && recent.some((r) => (r ?? 0) > 0);
    const counts = members.map((t, k) => (useRecent ? (recent[k] ?? 0) : t.requests));
    const total = counts.reduce((a, b) => a + b, 0);
    const askedTotal = members.reduce((s, t) => s + (t.inRotation ? t.weight : 0), 0);
    return {
      id: g.id,
      algorithm: g.algorithm,
      requests: total,
      window: useRecent ? Math.min(windowSec, series?.seconds ?? 0) : 'run',
      rows: members.map((t, k) => ({
        index: t.index,
        id: t.id,
        actual: total > 0 ? counts[k] / total : 0,
        asked: askedTotal > 0 && t.inRotation ? t.weight / askedTotal : 0,
        requests: counts[k],
      })),
    };
  });
}

/** What a share table shows of a group: every target of a small group; of a large one, those furthest from their asked share. */
export interface ShownShares {
  rows: ShareRow[];
  /** Targets left out, and the range of their actual shares (null when none are left out). */
  rest: { count: number; min: number; max: number } | null;
}

/**
 * A large group's table cut to `maxRows` rows: the targets whose share strays furthest from what their weight
 * asks (half above, half below, in group order), the rest summed up as a range. A hundred rows say less than
 * the few that stand out, and each would be laid out again at every update.
 */
export function shownShares(group: ShareGroup, maxRows: number): ShownShares {
  if (group.rows.length <= maxRows) return { rows: group.rows, rest: null };
  const byGap = [...group.rows].sort((a, b) => b.actual - b.asked - (a.actual - a.asked));
  const over = Math.ceil(maxRows / 2);
  const kept = new Set([...byGap.slice(0, over), ...byGap.slice(byGap.length - (maxRows - over))]);
  const rest = group.rows.filter((r) => !kept.has(r));
  return {
    rows: group.rows.filter((r) => kept.has(r)),
    rest: { count: rest.length, min: Math.min(...rest.map((r) => r.actual)), max: Math.max(...rest.map((r) => r.actual)) },
  };
}
