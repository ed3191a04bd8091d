import { afterEach, describe, expect, it } from 'vitest';
import { overwriteGetLocale } from '../../../src/i18n/paraglide/runtime.js';
import { chartMarkers, compareNote, failureWindows } from '../../../src/viz/compare-note.ts';
import type { Series, SimEvent, Snapshot, Topology } from '../../../src/engine/types.ts';

const ev = (timeMs: number, kind: string, subject: string): SimEvent => ({ seq: timeMs, timeMs, kind, subject, message: '' });
const snap = (failed: number, p95 = 100): Snapshot => ({ timeMs: 60_000, totals: { arrived: 1000, ok: 1000 - failed, failed }, latencyMs: { p95 } }) as unknown as Snapshot;
/** 60 s, 3 targets; `toC` requests a second go to target c (index 2) from 20 s, 10 to each other one. */
function series(toC: number): Series {
  const seconds = 60;
  const targetRequests = new Float64Array(3 * seconds);
  for (let s = 0; s < seconds; s++) {
    targetRequests[s] = 10;
    targetRequests[seconds + s] = 10;
    targetRequests[2 * seconds + s] = s >= 20 ? toC : 10;
  }
  return { startSec: 0, seconds, targetCount: 3, targetRequests } as unknown as Series;
}
const topology = { targets: [{ id: 'a' }, { id: 'b' }, { id: 'c' }] } as unknown as Topology;
const events = [ev(20_000, 'crash', 'c'), ev(40_000, 'recover', 'c')];

afterEach(() => overwriteGetLocale(() => 'en'));

describe('compare mode’s note', () => {
  it('names the larger failure count and its cause: the crashed target got more of B’s requests', () => {
    const note = compareNote({ label: 'A (round-robin)', snapshot: snap(100), series: series(10), events }, { label: 'B (least-connections)', snapshot: snap(300), series: series(40), events }, topology);
    expect(note).toContain('B (least-connections) failed 200 more requests than A (round-robin)');
    expect(note).toContain('While c was crashed (20.0 s to 40.0 s)');
    expect(note).toContain('favoured a target that fails instantly (it answers at once, so it looks the least busy)');
  });

  it('says nothing while the runs agree', () => {
    expect(compareNote({ label: 'A', snapshot: snap(100), series: null, events: [] }, { label: 'B', snapshot: snap(105), series: null, events: [] }, topology)).toBeNull();
  });

  it('reads failure windows from the log, an open one running to now', () => {
    expect(failureWindows([...events, ev(50_000, 'hang', 'a')], 60_000)).toEqual([
      { target: 'c', cause: 'crashed', fromMs: 20_000, toMs: 40_000 },
      { target: 'a', cause: 'hung', fromMs: 50_000, toMs: 60_000 },
    ]);
  });

  it('marks failures once and each run’s detections apart', () => {
    const marks = chartMarkers([...events, ev(30_000, 'detected', 'c')], [...events, ev(50_000, 'detected', 'c')]);
    expect(marks.map((m) => `${m.run}@${m.sec}`)).toEqual(['both@20', 'both@40', 'a@30', 'b@50']);
  });

  it('in Spanish, the note and the markers read in Spanish, with the same numbers', () => {
    overwriteGetLocale(() => 'es');
    const note = compareNote({ label: 'A (round-robin)', snapshot: snap(100), series: series(10), events }, { label: 'B (least-connections)', snapshot: snap(300), series: series(40), events }, topology);
    expect(note).toContain('B (least-connections) falló 200 solicitudes más que A (round-robin) (300 frente a 100).');
    expect(note).toContain('Mientras c estaba caído (de 20,0 s a 40,0 s)');
    expect(note).toContain('(responde enseguida, así que parece el menos ocupado)');
    const marks = chartMarkers([...events, ev(30_000, 'detected', 'c')], []);
    expect(marks.map((m) => m.label)).toEqual(['c caída', 'c recuperación', 'A: c fuera']);
  });
});
