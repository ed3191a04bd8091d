/**
 * Words inside balancer nodes and zone bands, fitted to their width without a DOM. A balancer's kind line
 * (region, layer, CPU load) drops its least useful parts first; zone chips shorten their names to the part that tells
 * the zones apart ("use1-az1", "use1-az2" → "…az1", "…az2") when the full names do not fit side by side.
 */
import { m } from '../i18n/paraglide/messages.js';
import { formatPercent } from './number-format.ts';
import { fitText, textWidth } from './text-fit.ts';

/** Glyph, gap after it, and gap between two chips, in px. */
export const CHIP = { glyph: 9, gap: 4, between: 10 } as const;

/** "us-east-1 · layer 7 · CPU 31%", shortened until it fits `widthPx`. */
export function balancerKindText(b: { region: string; layer: number }, cpuLoad: number | null, widthPx: number, fontPx: number): string {
  const where = b.region === 'default' ? m.lab_load_balancer() : b.region;
  const cpu = cpuLoad === null ? null : `CPU ${formatPercent(cpuLoad)}`;
  const region = b.region === 'default' ? null : b.region;
  const candidates = [
    [where, m.lab_layer({ layer: b.layer }), cpu],
    [region, m.lab_layer({ layer: b.layer }), cpu],
    [region, `L${b.layer}`, cpu],
    [`L${b.layer}`, cpu],
  ].map((parts) => parts.filter((p): p is string => p !== null).join(' · '));
  return candidates.find((c) => textWidth(c, fontPx) <= widthPx) ?? fitText(candidates[candidates.length - 1], widthPx, fontPx);
}

function commonPrefix(names: readonly string[]): string {
  if (names.length < 2) return '';
  let p = names[0];
  for (const n of names) while (!n.startsWith(p)) p = p.slice(0, -1);
  return p;
}

/** Chip labels and x offsets (from 0) for `zones` in a row `widthPx` wide. */
export function zoneChips(zones: readonly string[], widthPx: number, fontPx: number): { zone: string; text: string; x: number }[] {
  const widthOf = (texts: string[]): number => texts.reduce((w, t) => w + CHIP.glyph + CHIP.gap + textWidth(t, fontPx), 0) + CHIP.between * Math.max(0, texts.length - 1);
  let texts = [...zones];
  if (widthOf(texts) > widthPx) {
    // keep what follows the shared prefix, from its last separator on ("use1-az1" → "az1"), or its last character
    const prefix = commonPrefix(zones);
    const sep = Math.max(prefix.lastIndexOf('-'), prefix.lastIndexOf('.'), prefix.lastIndexOf('_'));
    const cut = sep >= 0 ? sep + 1 : Math.max(0, prefix.length - 1);
    if (cut > 0) texts = zones.map((z) => `…${z.slice(cut)}`);
  }
  if (widthOf(texts) > widthPx) {
    const each = widthPx / Math.max(zones.length, 1) - CHIP.glyph - CHIP.gap - CHIP.between;
    texts = texts.map((t) => fitText(t, each, fontPx));
  }
  let x = 0;
  return zones.map((zone, i) => {
    const chip = { zone, text: texts[i], x };
    x += CHIP.glyph + CHIP.gap + textWidth(texts[i], fontPx) + CHIP.between;
    return chip;
  });
}

/** Bold text runs wider than the estimate in text-fit.ts. */
export const BOLD = 1.12;

/**
 * A zone band's header: "zone a" on the left, "down · 2 targets" on the right, the detail shortened first, then the
 * word "zone" left out (a band of tiles, 108 px wide, reads "use1-az1", not "zone use…").
 */
export function zoneBandLabel(zone: string, count: number, down: boolean, widthPx: number, fontPx: number): { title: string; detail: string } {
  const titles = zone === 'no zone' ? [m.lab_no_zone()] : [m.lab_zone({ zone }), zone];
  const targets = count === 1 ? m.lab_targets_one() : m.lab_targets({ count });
  const details = down ? [m.lab_down_count({ targets }), m.lab_down()] : [targets, ''];
  const room = (d: string): number => widthPx - (d === '' ? 0 : textWidth(d, fontPx) + 10);
  for (const title of titles) for (const detail of details) if (textWidth(title, fontPx) * BOLD <= room(detail)) return { title, detail };
  const detail = details[details.length - 1];
  return { title: fitText(titles[titles.length - 1], room(detail) / BOLD, fontPx), detail };
}
