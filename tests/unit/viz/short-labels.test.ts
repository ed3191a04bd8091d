import { describe, expect, it } from 'vitest';
import { heatFill, shortLabels, tileLabels } from '../../../src/viz/short-labels.ts';
import type { Topology } from '../../../src/engine/types.ts';

function topology(ids: string[]): Topology {
  return { groups: [{ id: 'web', algorithm: 'round-robin', targets: ids.map((_, i) => i) }], targets: ids.map((id) => ({ id, group: 'web' })) } as unknown as Topology;
}

describe('short labels for crowded groups', () => {
  it('drop the prefix the ids share, up to a separator', () => {
    expect([...shortLabels(topology(['web-9', 'web-10', 'web-11']), 4).values()]).toEqual(['9', '10', '11']);
    expect([...shortLabels(topology(['web-alpha', 'web-beta']), 5).values()]).toEqual(['alpha', 'beta']);
  });

  it('fall back to the position in the group when the rest is too long to tell apart', () => {
    expect([...shortLabels(topology(['web-aaaaaa1', 'web-aaaaaa2']), 4).values()]).toEqual(['1', '2']);
  });

  it('offer a tile its whole id first, then the id less its shared leading parts one at a time, marked cut', () => {
    expect([...tileLabels(topology(['pay-tcp-1', 'pay-tcp-2'])).values()]).toEqual([
      ['pay-tcp-1', '…tcp-1', '…1'],
      ['pay-tcp-2', '…tcp-2', '…2'],
    ]);
    // nothing shared: only the whole id
    expect([...tileLabels(topology(['alpha', 'beta'])).values()]).toEqual([['alpha'], ['beta']]);
  });

  it('colour a cell by its load, with light text on the dark end', () => {
    expect(heatFill(0).lightText).toBe(false);
    expect(heatFill(0.9).lightText).toBe(true);
    expect(heatFill(NaN).fill).toBe(heatFill(0).fill);
  });
});
