/** Checks of what a person sees: where things are on screen, how big the diagram's text is, accessibility. */
import AxeBuilder from '@axe-core/playwright';
import { expect, type Locator, type Page } from '@playwright/test';

export const VIEWPORTS = {
  laptop: { width: 1280, height: 720 },
  'large-laptop': { width: 1440, height: 900 },
  projector: { width: 1920, height: 1080 },
  phone: { width: 390, height: 844 },
} as const;

/** The smallest on-screen size, in px, of the text in an SVG (font size × the SVG's scale on screen). */
export function smallestSvgTextPx(svg: Locator): Promise<number> {
  return svg.evaluate((root) => {
    const el = root as SVGSVGElement;
    const scale = el.getScreenCTM()?.a ?? 1;
    let min = Infinity;
    for (const t of el.querySelectorAll('text')) {
      if (t.textContent?.trim() === '' || t.getClientRects().length === 0) continue;
      min = Math.min(min, parseFloat(getComputedStyle(t).fontSize) * scale);
    }
    return min;
  });
}

/** Whether the element's top edge is within the window (above the fold) and it is at least `minPx` tall there. */
export async function aboveTheFold(page: Page, locator: Locator, minPx = 150): Promise<boolean> {
  const box = await locator.boundingBox();
  const height = page.viewportSize()?.height ?? 0;
  return box !== null && box.y >= 0 && box.y + minPx <= height;
}

/** No sideways scrolling of the page itself (a wide diagram pans inside its own box). */
export async function expectNoHorizontalOverflow(page: Page): Promise<void> {
  const { scroll, width } = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, width: window.innerWidth }));
  expect(scroll).toBeLessThanOrEqual(width);
}

/**
 * Runs axe on the page as it is: no serious or critical violation (label-content-name-mismatch included).
 * Legacy mode runs axe.run() in the page itself instead of runPartial() here and finishRun() in a second, blank page
 * (the way to reach cross-origin frames, which the site's pages do not have); only violations are worked out in
 * full (passes and incomplete results are not read). Same violations, a third of the time (a 50-target sandbox:
 * 7.1 → 1.7 s).
 */
export async function expectAccessible(page: Page, where: string): Promise<void> {
  const results = await new AxeBuilder({ page })
    .setLegacyMode()
    .options({ rules: { 'label-content-name-mismatch': { enabled: true } }, resultTypes: ['violations'] })
    .analyze();
  const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(bad.map((v) => `${where}: ${v.id} (${v.impact}) ${v.nodes.length}× e.g. ${v.nodes[0]?.target.join(' ')} — ${v.nodes[0]?.failureSummary ?? ''}`)).toEqual([]);
}
