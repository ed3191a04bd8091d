import { describe, expect, it } from 'vitest';
import { HEALTH_BADGES, STATE_BADGES } from '../../../src/viz/badges.ts';
import { DOT_STYLES } from '../../../src/viz/dot-styles.ts';
import { CARD, contrastRatio, INK, INK_SOFT, LINE_COLOURS, lineStyle, MUTED_INK, OKABE_ITO, OUTLINE, PAPER } from '../../../src/viz/palette.ts';

const okabeIto = new Set<string>(Object.values(OKABE_ITO));
const backgrounds = { card: CARD, paper: PAPER };

describe('the palette', () => {
  it('computes WCAG contrast ratios', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrastRatio('#ffffff', '#ffffff')).toBe(1);
    expect(contrastRatio(OKABE_ITO.blue, '#ffffff')).toBeCloseTo(5.19, 1);
  });

  for (const [name, bg] of Object.entries(backgrounds)) {
    it(`text inks read at 4.5:1 or better on the ${name}`, () => {
      for (const ink of [INK, INK_SOFT, MUTED_INK]) expect(contrastRatio(ink, bg)).toBeGreaterThanOrEqual(4.5);
    });

    it(`chart lines (no outline) stand out at 3:1 or better on the ${name}`, () => {
      for (const c of LINE_COLOURS) expect(contrastRatio(c, bg), c).toBeGreaterThanOrEqual(3);
    });

    it(`every glyph's outline stands out at 3:1 or better on the ${name}, whatever its fill`, () => {
      expect(contrastRatio(OUTLINE, bg)).toBeGreaterThanOrEqual(3);
    });
  }

  it('fills glyphs and dots with Okabe–Ito colours', () => {
    const fills = [...Object.values(STATE_BADGES), ...Object.values(HEALTH_BADGES), ...Object.values(DOT_STYLES)].map((b) => b.fill);
    for (const f of fills) expect(okabeIto.has(f), f).toBe(true);
  });

  it('separates every fill from its outline, so the shape reads', () => {
    const fills = [...Object.values(STATE_BADGES), ...Object.values(DOT_STYLES)].map((b) => b.fill);
    for (const f of fills) expect(contrastRatio(f, OUTLINE), f).toBeGreaterThanOrEqual(2.5);
  });

  it('never tells states apart by colour alone: each family uses distinct shapes', () => {
    const distinct = (shapes: string[]): void => expect(new Set(shapes).size).toBe(shapes.length);
    distinct(Object.values(STATE_BADGES).map((b) => b.glyph));
    distinct(Object.values(HEALTH_BADGES).map((b) => b.glyph));
    distinct(Object.values(DOT_STYLES).map((b) => b.glyph));
  });

  it('cycles line colours first, then dash patterns', () => {
    expect(lineStyle(0)).toEqual({ colour: LINE_COLOURS[0], dash: '' });
    expect(lineStyle(LINE_COLOURS.length)).toEqual({ colour: LINE_COLOURS[0], dash: '7 3' });
    const styles = Array.from({ length: 12 }, (_, i) => JSON.stringify(lineStyle(i)));
    expect(new Set(styles).size).toBe(12);
  });
});
