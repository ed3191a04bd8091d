import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createSimulation } from '../../../src/engine/index.ts';
import type { Topology } from '../../../src/engine/types.ts';
import { validateScenario } from '../../../src/scenario/validate.ts';
import { m } from '../../../src/i18n/paraglide/messages.js';
import { BAND, MAX_NAME_LINES } from '../../../src/viz/band-layout.ts';
import { ruleLines } from '../../../src/viz/rule-line.ts';
import { MIN_SQUEEZE, textWidth } from '../../../src/viz/text-fit.ts';
import { layoutTopology, MAX_RULE_LINES, SIZES, type LayoutNode } from '../../../src/viz/topology-layout.ts';

// The names and lines a phone's screenshots showed cut with "…" (390×844 and 360×740, some at 1024×768 too): lesson
// 6, 7, 8, 22 and 25's rule lines ("def… → paym…"), lesson 7's group "payments…", lesson 20's "out of conn…", lesson 22's "10 of 10 in r…". The layout now wraps them onto whole lines and makes
// the node taller; widths are the layout's estimate (0.6 em a character), as in Node there is no canvas.

const lessons = new URL('../../../lessons/', import.meta.url).pathname;
const WIDTHS = [373, 700, 900];

function lessonTopology(dir: string): Topology {
  const v = validateScenario(JSON.parse(readFileSync(`${lessons}${dir}/scenario.json`, 'utf8')));
  if (!v.ok) throw new Error(dir);
  return createSimulation(v.value).topology();
}

/** The lines read as one: after "-", "." or "/" nothing, else a space. */
const joined = (lines: readonly string[]): string => lines.reduce((a, l) => (/[-./]$/.test(a) ? a + l : `${a} ${l}`));
const byId = (layout: ReturnType<typeof layoutTopology>, kind: LayoutNode['kind'], id: string): LayoutNode => layout.nodes.find((n) => n.kind === kind && n.id === id)!;

describe('rule lines wrap onto whole lines', () => {
  it('"default → payments" in a phone\'s 144 px balancer breaks after its arrow', () => {
    expect(ruleLines('default', 'payments', 114, 13, MAX_RULE_LINES)).toEqual(['default →', 'payments']);
  });
  it('a line whose conditions leave the arrow no room starts the target\'s line with it', () => {
    // "/api/payments* →" is 16 × 7.8 = 124.8 px, more than 114
    expect(ruleLines('/api/payments*', 'payments', 114, 13, MAX_RULE_LINES)).toEqual(['/api/payments*', '→ payments']);
  });
  it('a word too long for a line breaks after "." and "/", not mid-word', () => {
    const lines = ruleLines('shop.securecart.com & /products*', 'shop', 134, 13, MAX_RULE_LINES);
    expect(lines).toEqual(['shop.securecart.', 'com &', '/products* → shop']);
    for (const l of lines) expect(textWidth(l, 13)).toBeLessThanOrEqual(134);
  });
  it('a line that fits stays one line; past the most lines it is cut on one', () => {
    expect(ruleLines('/x*', 'web', 200, 13, MAX_RULE_LINES)).toEqual(['/x* → web']);
    const cut = ruleLines('a b c d e f g h', 'web', 20, 13, 2);
    expect(cut).toHaveLength(1);
    expect(cut[0]).toMatch(/→ w/);
  });
});

describe('every lesson\'s picture writes its names and lines whole', () => {
  const dirs = readdirSync(lessons).filter((d) => /^\d\d-/.test(d));
  for (const dir of dirs) {
    const topology = lessonTopology(dir);
    for (const width of WIDTHS) {
      it(`${dir} at ${width} px`, () => {
        const layout = layoutTopology(topology, width);
        for (const b of layout.nodes.filter((n) => n.kind === 'balancer')) {
          const room = b.width - 30;
          let bottom = b.y;
          for (const row of b.rows) {
            expect(row.text).not.toContain('…');
            for (const line of row.lines) expect(textWidth(line, SIZES.rowFontPx)).toBeLessThanOrEqual(room);
            if (row.kind !== 'listener') expect(row.full.endsWith(joined(row.lines).split(' → ').at(-1)!)).toBe(true);
            // each row is a line taller for each line past its first, and the balancer holds them all
            const height = SIZES.balancer.row + (row.lines.length - 1) * SIZES.balancer.ruleLine;
            bottom = row.y + height / 2;
          }
          expect(bottom + SIZES.balancer.padBottom).toBeCloseTo(b.y + b.height, 9);
        }
        for (const g of topology.groups) {
          const group = layout.nodes.find((n) => n.kind === 'group' && n.id === g.id);
          if (group === undefined) continue;
          expect(group.titleLines!.length).toBeLessThanOrEqual(MAX_NAME_LINES);
          expect(joined(group.titleLines!)).toBe(g.id);
          for (const line of group.titleLines!) expect(textWidth(line, SIZES.group.titleFontPx)).toBeLessThanOrEqual(group.width - 20);
          // "n of n in rotation": on one line where, squeezed, it fits; else on two whole ones
          const rotation = m.group_in_rotation({ inRotation: g.targets.length, registered: g.targets.length });
          const fits = textWidth(rotation, SIZES.group.fontPx) * MIN_SQUEEZE <= group.width - 16;
          expect(group.footLines).toBe(fits ? 1 : 2);
        }
        for (const d of topology.databases) {
          const db = layout.nodes.find((n) => n.kind === 'database' && n.id === d.id);
          if (db === undefined) continue;
          expect(joined(db.titleLines!)).toBe(d.id);
          for (const line of db.titleLines!) expect(textWidth(line, 14)).toBeLessThanOrEqual(db.width - 34);
          for (const line of db.lines) expect(textWidth(line, 12)).toBeLessThanOrEqual(db.width - 20);
          expect(db.height).toBe(BAND.database.height + (db.titleLines!.length - 1) * BAND.database.titleLine + (db.lines.length - 1) * BAND.database.stateLine);
        }
      });
    }
  }

  it('on a phone, lesson 7 reads "default →" "payments" and "payments-" "tcp"', () => {
    const layout = layoutTopology(lessonTopology('07-layer-4-or-layer-7'), 373);
    expect(byId(layout, 'balancer', 'alb').rows.find((r) => r.kind === 'default')!.lines).toEqual(['default →', 'payments']);
    expect(byId(layout, 'balancer', 'nlb').rows.find((r) => r.kind === 'default')!.lines).toEqual(['default →', 'payments-tcp']);
    expect(byId(layout, 'group', 'payments-tcp').titleLines).toEqual(['payments-', 'tcp']);
  });

  it('on a phone, lesson 20\'s database has room for "out of connections" whole', () => {
    const orders = byId(layoutTopology(lessonTopology('20-databases-under-autoscaling'), 373), 'database', 'orders-db');
    expect(joined(orders.lines)).toMatch(/^out of connections/);
  });

  it('on a phone, lesson 22\'s "10 of 10 in rotation" takes two lines and its group is a line taller', () => {
    const topology = lessonTopology('22-black-friday-1m');
    const users = byId(layoutTopology(topology, 373), 'group', 'users');
    expect(users.footLines).toBe(2);
    expect(users.height).toBe(SIZES.group.height + (users.lines.length - 1 + users.titleLines!.length - 1 + 1) * SIZES.group.lineHeight);
  });
});
