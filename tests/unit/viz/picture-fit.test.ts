import { describe, expect, it } from 'vitest';
import { leastFit, MAX_HEIGHT_SHRINK, MIN_TEXT_PX, nearestLevel, NOTE_LINE, pictureFit, pictureHeight, seenHeight, ZOOMS, zoomLevels } from '../../../src/viz/picture-fit.ts';
import { layoutTopology } from '../../../src/viz/topology-layout.ts';
import { topologyOf } from './fixtures.ts';

describe('fitting the picture to its box', () => {
  it('keeps its own size when it fits, never larger', () => {
    expect(pictureFit({ width: 600, height: 300 }, { width: 800, height: 500 })).toBe(1);
    expect(pictureFit({ width: 600, height: 300 }, { width: 800, height: null })).toBe(1);
  });

  it('fits the width however narrow the box', () => {
    // a phone's 373 px box and a 692 px picture: 373 / 692
    expect(pictureFit({ width: 692, height: 128 }, { width: 373, height: null })).toBeCloseTo(373 / 692, 12);
    expect(pictureFit({ width: 2000, height: 100 }, { width: 400, height: 600 })).toBeCloseTo(0.2, 12);
  });

  it('fits the width no further than its smallest text at 9 px', () => {
    // 12 px text at its own size (scale 1): 0.75 at least; drawn 1.6× larger (a projector), no floor that binds
    expect(leastFit(1)).toBe(MIN_TEXT_PX / 12);
    expect(leastFit(1.6)).toBeCloseTo(9 / (12 * 1.6), 12);
    expect(pictureFit({ width: 692, height: 128 }, { width: 373, height: null }, leastFit(1))).toBe(0.75);
    // the height is not fitted below the floor either: 370 / 500 = 0.74 is within a fifth of the width's 0.9, not above 0.75
    expect(pictureFit({ width: 1000, height: 500 }, { width: 900, height: 370 })).toBeCloseTo(0.74, 12);
    expect(pictureFit({ width: 1000, height: 500 }, { width: 900, height: 370 }, 0.75)).toBeCloseTo(0.9, 12);
  });

  it('fits the height seen when that costs at most a fifth of the size', () => {
    // lesson 15 at 1366×768: 448 logical px at 1.03, 408 px seen under the controls
    const tall = { width: 868 * 1.03, height: 448 * 1.03 };
    expect(pictureFit(tall, { width: 898, height: 408 })).toBeCloseTo(408 / (448 * 1.03), 12);
    // the width's fit first (0.9), then the height's: 380 / 500 = 0.76, within a fifth of 0.9 (0.72)
    expect(pictureFit({ width: 1000, height: 500 }, { width: 900, height: 380 })).toBeCloseTo(0.76, 12);
    expect(0.9 * MAX_HEIGHT_SHRINK).toBeLessThan(0.76);
  });

  it('leaves a far taller picture its width\'s fit (its box scrolls)', () => {
    // Black Friday: twice the seen height
    expect(pictureFit({ width: 800, height: 1600 }, { width: 900, height: 800 })).toBe(1);
    expect(pictureFit({ width: 1000, height: 1000 }, { width: 500, height: 300 })).toBe(0.5);
  });

  it('fits every node of a real layout inside a phone\'s box', () => {
    // eight targets behind one balancer (lesson 20), laid out for a 373 px box at its own scale
    const layout = layoutTopology(topologyOf([{ id: 'api', count: 8 }]), 373);
    expect(layout.width).toBeGreaterThan(373);
    const fit = pictureFit({ width: layout.width, height: pictureHeight(layout) }, { width: 373, height: null });
    const right = Math.max(...layout.nodes.map((n) => n.x + n.width));
    expect(right * fit).toBeLessThanOrEqual(373);
  });
});

describe('the picture\'s height', () => {
  it('is the layout\'s, and a line for each note under it', () => {
    expect(pictureHeight({ height: 300, overflowTargets: 0, unregisteredTargets: 0 })).toBe(300);
    expect(pictureHeight({ height: 300, overflowTargets: 5, unregisteredTargets: 0 })).toBe(300 + NOTE_LINE);
    expect(pictureHeight({ height: 300, overflowTargets: 5, unregisteredTargets: 2 })).toBe(300 + 2 * NOTE_LINE);
  });
});

describe('how much of the box the first screen shows', () => {
  it('is from its top to the window\'s bottom, at most its own height', () => {
    expect(seenHeight(358, 768, 592)).toBe(410);
    expect(seenHeight(100, 768, 592)).toBe(592);
  });

  it('is nothing to fit when the box starts below the first screen or barely in it', () => {
    expect(seenHeight(1270, 844, 668)).toBeNull();
    expect(seenHeight(700, 768, 592)).toBeNull();
  });
});

describe('zoom steps', () => {
  it('start at the fit when the picture is fitted smaller than its own size', () => {
    expect(zoomLevels(0.54)).toEqual([0.54, ...ZOOMS]);
    expect(zoomLevels(1)).toEqual([...ZOOMS]);
  });

  it('are found by the nearest, so that a fit recomputed a little still has its place', () => {
    const levels = zoomLevels(0.54);
    expect(nearestLevel(levels, 0.54)).toBe(0);
    expect(nearestLevel(levels, 0.55)).toBe(0);
    expect(nearestLevel(levels, 1)).toBe(1);
    expect(nearestLevel(levels, 1.3)).toBe(2);
  });
});
