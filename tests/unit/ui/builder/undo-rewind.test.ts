// Undo and redo after a rewind: a step is kept only while the logged change behind it is still in the log
// and not later than now (src/ui/builder/builder.svelte.ts). The host is a small model of a session's
// timeline (workers/timeline.ts): a seek keeps the log, the scenario now is the base with the changes up to
// now, and a change applied after a rewind drops the logged future.
import { describe, expect, it } from 'vitest';
import { validateScenario } from '../../../../src/scenario/validate.ts';
import type { Change, Scenario } from '../../../../src/scenario/schema.ts';
import { patchScenario, patchesOf } from '../../../../src/scenario/patch.ts';
import { Builder, type LogEntry } from '../../../../src/ui/builder/builder.svelte.ts';
import three from '../../../../scenarios/three-servers.json';

function timeline() {
  const v = validateScenario(structuredClone(three));
  if (!v.ok) throw new Error('starter refused');
  const base = v.value;
  let log: LogEntry[] = [];
  let now = 0;
  const at = (ms: number): Scenario => {
    let s = base;
    for (const e of log.filter((e) => e.atMs <= ms)) {
      const r = patchScenario(s, patchesOf(e.change as Extract<Change, { action: 'patch' }>));
      if (!r.ok) throw new Error('logged change refused');
      s = r.value;
    }
    return s;
  };
  const builder = new Builder({
    scenarioNow: async () => at(now),
    changeLog: () => log,
    nowMs: () => now,
    tryChange: async (change) => {
      const r = patchScenario(at(now), patchesOf(change as Extract<Change, { action: 'patch' }>));
      if (!r.ok) return r.errors;
      log = [...log.filter((e) => e.atMs <= now), { atMs: now, change }];
      return null;
    },
  });
  return {
    builder,
    seek(ms: number) {
      now = ms;
      builder.sawChanges();
    },
    restartEmpty() {
      log = [];
      now = 0;
      builder.sawChanges();
    },
    algorithm: () => at(now).targetGroups[0].algorithm,
    rate: () => (at(now).traffic.arrival as { ratePerSec: number }).ratePerSec,
    log: () => log,
  };
}

const lc = [{ op: 'replace' as const, path: '/targetGroups/0/algorithm', value: 'least-connections' }];
const rate = [{ op: 'replace' as const, path: '/traffic/arrival/ratePerSec', value: 30 }];

describe('undo and redo after a rewind', () => {
  it('a rewind to before an edit drops its step and every later one; edits before the moment stay undoable', async () => {
    const t = timeline();
    t.seek(10_000);
    await t.builder.edit(lc, 'least connections');
    t.seek(20_000);
    await t.builder.edit(rate, 'rate 30');
    expect(t.builder.undoStack.map((s) => s.label)).toEqual(['least connections', 'rate 30']);
    t.seek(15_000);
    // the run at 15 s has least connections but the old rate: only the first edit can be undone
    expect(t.rate()).toBe(24);
    expect(t.builder.undoStack.map((s) => s.label)).toEqual(['least connections']);
    await t.builder.undo();
    expect(t.algorithm()).toBe('round-robin');
    expect(t.builder.redoStack.map((s) => s.label)).toEqual(['least connections']);
    // rewinding before the undo (made at 15 s) drops the redo step made from it (steps are dropped, never brought back)
    t.seek(12_000);
    expect(t.builder.redoStack).toEqual([]);
    expect(t.builder.undoStack).toEqual([]);
    expect(t.algorithm()).toBe('least-connections');
  });

  it('a rewind to a moment after every edit keeps undo and redo', async () => {
    const t = timeline();
    t.seek(10_000);
    await t.builder.edit(lc, 'least connections');
    await t.builder.edit(rate, 'rate 30');
    await t.builder.undo();
    t.seek(40_000);
    t.seek(30_000);
    expect(t.builder.undoStack.map((s) => s.label)).toEqual(['least connections']);
    expect(t.builder.redoStack.map((s) => s.label)).toEqual(['rate 30']);
    await t.builder.redo();
    expect(t.rate()).toBe(30);
  });

  it('a new change after a rewind drops the future, and its steps with it, even when the log keeps its length', async () => {
    const t = timeline();
    t.seek(20_000);
    await t.builder.edit(lc, 'least connections');
    t.seek(5_000);
    expect(t.builder.undoStack).toEqual([]);
    await t.builder.edit(rate, 'rate 30');
    // one change in the log, as before, but another: only the new edit can be undone
    expect(t.log()).toHaveLength(1);
    t.seek(25_000);
    expect(t.builder.undoStack.map((s) => s.label)).toEqual(['rate 30']);
    expect(t.algorithm()).toBe('round-robin');
  });

  it('a restart without the changes empties both', async () => {
    const t = timeline();
    await t.builder.edit(lc, 'least connections');
    await t.builder.undo();
    await t.builder.edit(rate, 'rate 30');
    t.restartEmpty();
    expect([t.builder.undoStack, t.builder.redoStack]).toEqual([[], []]);
  });
});
