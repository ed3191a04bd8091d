import { describe, expect, it } from 'vitest';
import { fittedLayout } from '../../../src/viz/fitted-layout.ts';
import { MAX_HEIGHT_SHRINK, pictureHeight } from '../../../src/viz/picture-fit.ts';
import { layoutTopology } from '../../../src/viz/topology-layout.ts';
import { topologyOf } from './fixtures.ts';
import { zonedTopology } from './infra-fixtures.ts';

// lesson 14's shape: two balancers, two groups, each group's two targets in two zones (one card per zone)
const regions = zonedTopology([{ id: 'east', count: 2 }, { id: 'west', count: 2 }], { zones: ['a', 'b'], balancers: 2 });
// lesson 14 at 1024×768: a 669 px box with 398 px seen under the controls and the DNS records, at its own scale
const box = { width: 669, height: 398 };

describe('the picture laid out and fitted to its box', () => {
  it('draws tiles when the picture in cards would be cut at the bottom and tiles fit', () => {
    const cards = layoutTopology(regions, box.width);
    expect(cards.targetMode).toBe('card');
    // in cards it is too tall to be fitted within a fifth: it would be cut
    expect(box.height / pictureHeight(cards)).toBeLessThan(MAX_HEIGHT_SHRINK);
    const { layout, fit } = fittedLayout(regions, box, 1);
    expect(layout.targetMode).toBe('tile');
    // fitted by its height, within a fifth
    expect(fit).toBeCloseTo(box.height / pictureHeight(layout), 12);
    expect(fit).toBeGreaterThanOrEqual(MAX_HEIGHT_SHRINK);
  });

  it('keeps cards when the box shows them whole, or starts below the first screen (it scrolls)', () => {
    expect(fittedLayout(regions, { width: box.width, height: 700 }, 1).layout.targetMode).toBe('card');
    expect(fittedLayout(regions, { width: box.width, height: null }, 1).layout.targetMode).toBe('card');
  });

  it('keeps cards when tiles would be cut too', () => {
    // five groups of three, in cards at 1400 px: tiles save some height, not enough for 200 px
    const five = topologyOf(['a', 'b', 'c', 'd', 'e'].map((id) => ({ id, count: 3 })));
    expect(layoutTopology(five, 1400).targetMode).toBe('card');
    const tiles = layoutTopology(five, 1400, { tiles: true });
    expect(pictureHeight(tiles) * MAX_HEIGHT_SHRINK).toBeGreaterThan(200);
    expect(fittedLayout(five, { width: 1400, height: 200 }, 1).layout.targetMode).toBe('card');
  });

  it('on a phone, keeps the smallest text at 9 px: fitted at 9 / 12 of its own size at least', () => {
    // a 373 px box: the narrow layout (494 px) fits at 373 / 494, above 0.75
    const { layout, fit } = fittedLayout(regions, { width: 373, height: null }, 1);
    expect(layout.width).toBe(494);
    expect(fit).toBeCloseTo(373 / 494, 12);
    // a 320 px box would fit it at 0.65: the floor holds it at 0.75, and the box pans
    expect(fittedLayout(regions, { width: 320, height: null }, 1).fit).toBe(0.75);
  });
});
