import { describe, expect, it } from 'vitest';
import { FlowRecorder } from '../../../../src/engine/metrics/flows.ts';
import { FLOW_STRIDE } from '../../../../src/engine/types.ts';

/** The ids of the records `pending()` returns, in order. */
function ids(r: FlowRecorder): number[] {
  const out = r.pending();
  const result: number[] = [];
  for (let i = 0; i < out.length; i += FLOW_STRIDE) result.push(out[i]);
  return result;
}

function recordIds(r: FlowRecorder, from: number, to: number): void {
  for (let id = from; id < to; id++) r.record(id, id % 7, id, id + 1, id + 2, 0);
}

describe('the flow recorder’s ring (4,096 records)', () => {
  it('returns what was recorded since the last drain, oldest first, every field in place', () => {
    const r = new FlowRecorder(1);
    recordIds(r, 0, 3);
    expect(Array.from(r.pending())).toEqual([0, 0, 0, 1, 2, 0, 1, 1, 1, 2, 3, 0, 2, 2, 2, 3, 4, 0]);
    r.drain();
    expect(ids(r)).toEqual([]);
  });

  it('keeps the newest 4,096 when the host does not collect, in order across the ring’s wrap', () => {
    const r = new FlowRecorder(1);
    recordIds(r, 0, 4096 + 10);
    const kept = ids(r);
    expect(kept).toHaveLength(4096);
    expect(kept[0]).toBe(10);
    expect(kept.at(-1)).toBe(4105);
    expect(kept.every((id, k) => id === 10 + k)).toBe(true);
  });

  it('starts again at the ring’s start after a drain, and wraps from wherever it stands', () => {
    const r = new FlowRecorder(1);
    recordIds(r, 0, 4000);
    r.drain();
    recordIds(r, 4000, 4200);
    expect(ids(r)).toEqual(Array.from({ length: 200 }, (_, k) => 4000 + k));
    recordIds(r, 4200, 8296 + 5);
    const kept = ids(r);
    expect(kept).toHaveLength(4096);
    expect(kept[0]).toBe(8301 - 4096);
    expect(kept.every((id, k) => id === 8301 - 4096 + k)).toBe(true);
  });
});
