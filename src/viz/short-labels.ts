/**
 * Short, distinct labels for targets drawn small (tiles, heat-map cells): the part of each id after the prefix
 * the group's ids share ("web-17" → "17"), so that a crowded group never reads "web-a…" five times. When that
 * still does not tell them apart within `maxChars`, the target's position in its group is used instead. A tile has
 * more room: `tileLabels` keeps more of the id.
 */
import { scaleLinear } from 'd3-scale';
import type { Topology } from '../engine/types.ts';

function sharedPrefix(ids: readonly string[]): string {
  if (ids.length < 2) return '';
  let prefix = ids[0];
  for (const id of ids) while (!id.startsWith(prefix)) prefix = prefix.slice(0, -1);
  // cut back to a separator, so that "web-10" and "web-11" give "10" and "11", not "0" and "1"
  const cut = Math.max(prefix.lastIndexOf('-'), prefix.lastIndexOf('_'), prefix.lastIndexOf('.'));
  return cut >= 0 ? prefix.slice(0, cut + 1) : '';
}

/** Label by engine target index, for every target of every group. */
export function shortLabels(topology: Topology, maxChars: number): Map<number, string> {
  const out = new Map<number, string>();
  for (const g of topology.groups) {
    const ids = g.targets.map((t) => topology.targets[t]?.id ?? '');
    const prefix = sharedPrefix(ids);
    const trimmed = ids.map((id) => id.slice(prefix.length) || id);
    const distinct = new Set(trimmed).size === trimmed.length && trimmed.every((t) => t.length <= maxChars);
    g.targets.forEach((t, i) => out.set(t, distinct ? trimmed[i] : String(i + 1)));
  }
  return out;
}

/**
 * The labels a target's tile may show, longest first: its whole id, then the id less its leading parts that its
 * group's ids share, one part at a time, marked with "…" ("pay-tcp-1", "…tcp-1", "…1"), each distinct within the
 * group. The tile shows the first that fits: a learner reading "pay-tcp-1" in the step matches "…tcp-1" to it, not a
 * bare "1" (lesson 7's payments-tcp group read "1"…"4" while the step named pay-tcp-1…4). By engine target index.
 */
export function tileLabels(topology: Topology): Map<number, string[]> {
  const out = new Map<number, string[]>();
  for (const g of topology.groups) {
    const ids = g.targets.map((t) => topology.targets[t]?.id ?? '');
    const shared = sharedPrefix(ids);
    // the places after each separator of the shared prefix, nearest the end last
    const cuts = [...shared.matchAll(/[-_.]/g)].map((c) => (c.index ?? 0) + 1);
    g.targets.forEach((t, i) => {
      const id = ids[i];
      const shorter = cuts.map((at) => `…${id.slice(at)}`).filter((s) => s.length < id.length);
      out.set(t, [id, ...shorter]);
    });
  }
  return out;
}

/**
 * A heat-map cell's fill for a load share 0..1 (pale to deep blue), and whether text on it should be light.
 * In steps of 5 %: the eye cannot tell finer ones apart, and a cell whose colour did not change is not repainted.
 */
const heat = scaleLinear<string>().domain([0, 1]).range(['#eaf2fb', '#0b4f8a']).clamp(true);
export function heatFill(utilization: number): { fill: string; lightText: boolean } {
  const u = Number.isFinite(utilization) ? Math.round(utilization * 20) / 20 : 0;
  return { fill: heat(u), lightText: u > 0.55 };
}
