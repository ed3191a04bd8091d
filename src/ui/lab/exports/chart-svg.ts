/**
 * A chart as a file: the lab's own LineChart drawn off screen for the whole run (not just the last minute on
 * screen), its plot made standalone, with the title, the legend and the scenario under it drawn in SVG around it.
 */
import { flushSync, mount, unmount } from 'svelte';
import type { ChartModel } from '../../../viz/chart-data.ts';
import LineChart from '../LineChart.svelte';
import { standaloneSvg } from './svg-image.ts';
import { m } from '../../../i18n/paraglide/messages.js';

const HEAD = 56;
const FOOT = 24;

function escapeXml(text: string): string {
  return text.replace(/[<>&'"]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&apos;', '"': '&quot;' })[c]!);
}

/** The next frame, or a quarter second later if frames are not being drawn (a hidden tab draws none). */
function nextFrame(): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, 250);
    requestAnimationFrame(() => {
      clearTimeout(timer);
      resolve();
    });
  });
}

/**
 * The chart's plot once it is drawn. The plot waits for its width, which a ResizeObserver gives after layout in a
 * task of its own (observe-size.ts), so on a busy machine that can be several frames after mounting: a fixed
 * count of two frames failed one export in eight with two spec workers and two busy cores. It waits at most `limitMs`.
 */
async function drawnPlot(host: HTMLElement, limitMs = 5000): Promise<SVGSVGElement | null> {
  const until = performance.now() + limitMs;
  for (;;) {
    flushSync();
    const plot = host.querySelector<SVGSVGElement>('.plot svg');
    if (plot !== null || performance.now() > until) return plot;
    await nextFrame();
  }
}

/** The chart as a standalone SVG document, `width` px wide, with `caption` (the scenario and moment) under it. */
export async function chartSvg(model: ChartModel, caption: string, width = 720, plotHeight = 240): Promise<{ text: string; width: number; height: number }> {
  const host = document.createElement('div');
  host.style.cssText = `position:fixed;left:-20000px;top:0;width:${width}px;`;
  host.setAttribute('aria-hidden', 'true');
  document.body.append(host);
  const chart = mount(LineChart, { target: host, props: { model, height: plotHeight } });
  try {
    const plot = await drawnPlot(host);
    if (plot === null) throw new Error(m.export_chart_not_drawn());
    const plotWidth = Math.round(plot.getBoundingClientRect().width);
    const height = HEAD + plotHeight + FOOT;
    let x = 10;
    const legend = model.lines
      .map((line) => {
        const item = `<line x1="${x}" x2="${x + 22}" y1="40" y2="40" stroke="${line.style.colour}" stroke-width="2.5"${line.style.dash ? ` stroke-dasharray="${line.style.dash}"` : ''}/><text x="${x + 28}" y="44" font-size="13" fill="#4a5360">${escapeXml(line.label)}</text>`;
        x += 40 + line.label.length * 7.2;
        return item;
      })
      .join('');
    const text =
      `<svg xmlns="http://www.w3.org/2000/svg" width="${plotWidth}" height="${height}" viewBox="0 0 ${plotWidth} ${height}" font-family="system-ui, sans-serif">` +
      `<rect width="100%" height="100%" fill="#ffffff"/>` +
      `<text x="10" y="20" font-size="15" font-weight="600" fill="#1b1f24">${escapeXml(model.title)}</text>${legend}` +
      standaloneSvg(plot, { x: 0, y: HEAD }) +
      `<text x="10" y="${height - 8}" font-size="12" fill="#4a5360">${escapeXml(caption)}</text></svg>`;
    return { text, width: plotWidth, height };
  } finally {
    void unmount(chart);
    host.remove();
  }
}
