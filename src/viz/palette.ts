/**
 * Colours of the lab's pictures: the Okabe–Ito palette (Okabe & Ito 2008), which stays distinguishable
 * for the common colour-vision deficiencies, plus the page's inks. Colour never carries meaning alone:
 * every mark that uses one also has a shape (see glyphs.ts) or a text label. Marks whose fill is too
 * light for 3:1 against the page (orange, sky blue, yellow) are always drawn with a dark outline.
 */

/** The eight Okabe–Ito colours. */
export const OKABE_ITO = {
  black: '#000000',
  orange: '#E69F00',
  skyBlue: '#56B4E9',
  bluishGreen: '#009E73',
  yellow: '#F0E442',
  blue: '#0072B2',
  vermillion: '#D55E00',
  reddishPurple: '#CC79A7',
} as const;

/** The page's own colours (theme.css), for text and outlines. */
export const INK = '#1b1f24';
export const INK_SOFT = '#4a5360';
export const CARD = '#ffffff';
export const PAPER = '#f7f8fa';
export const LINE = '#d8dde3';
/** Greyed-out things (a target that is unused), still 4.5:1 on a card. */
export const MUTED_INK = '#5f6874';

/** Outline drawn around every glyph and dot so that its shape reads whatever its fill. */
export const OUTLINE = INK;

/**
 * Colours for data lines (charts): only Okabe–Ito colours with at least 3:1 contrast against both the card
 * and the page, because a thin line has no outline (reddish purple misses on the page, at 2.9:1). Cycled
 * together with LINE_DASHES, so line 5 differs from line 1 by its dash pattern, and every chart has a
 * legend and a hover read-out in words.
 */
export const LINE_COLOURS = [OKABE_ITO.blue, OKABE_ITO.vermillion, OKABE_ITO.bluishGreen, OKABE_ITO.black] as const;
export const LINE_DASHES = ['', '7 3', '2 3', '9 3 2 3'] as const;

export interface LineStyle {
  colour: string;
  /** SVG stroke-dasharray; '' = solid. */
  dash: string;
}

/** The style of the i-th series of a chart (colour first, then dash pattern). */
export function lineStyle(i: number): LineStyle {
  const n = LINE_COLOURS.length;
  return { colour: LINE_COLOURS[i % n], dash: LINE_DASHES[Math.floor(i / n) % LINE_DASHES.length] };
}

/** WCAG 2 relative luminance of a #rrggbb colour. */
export function relativeLuminance(hex: string): number {
  const channel = (i: number): number => {
    const v = parseInt(hex.slice(i, i + 2), 16) / 255;
    return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
}

/** WCAG 2 contrast ratio between two #rrggbb colours (1..21). */
export function contrastRatio(a: string, b: string): number {
  const la = relativeLuminance(a);
  const lb = relativeLuminance(b);
  return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
}
