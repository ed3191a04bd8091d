// A host that never draws flows (the CLI, the bench) creates its run with `flows: false`: no flow is recorded,
// and every other result is the same as with flows kept (sampling decides nothing else in the run).
import { describe, expect, it } from 'vitest';
import { createSimulation, type TraceRecord } from '../../../src/engine/index.ts';
import { simple } from './support/scenarios.ts';

describe('flows: false', () => {
  it('records no flow, and the run is otherwise the same as one that keeps them', () => {
    const scenario = simple({ targets: 4, ratePerSec: 40, concurrency: 1, serviceMs: 90 });
    const kept: TraceRecord[] = [];
    const dropped: TraceRecord[] = [];
    const on = createSimulation(scenario, { onRequestDone: (r) => kept.push(r) });
    const off = createSimulation(scenario, { flows: false, onRequestDone: (r) => dropped.push(r) });
    for (let t = 1_000; t <= 20_000; t += 1_000) {
      on.runUntil(t);
      off.runUntil(t);
      const a = on.snapshot();
      const b = off.snapshot();
      expect(a.flows.length).toBeGreaterThan(0);
      expect(b.flows.length).toBe(0);
      expect({ ...b, flows: null }).toEqual({ ...a, flows: null });
      on.drainFlows();
      off.drainFlows();
    }
    expect(kept.length).toBeGreaterThan(500);
    expect(dropped).toEqual(kept);
    expect(off.metrics()).toEqual(on.metrics());
    expect(off.series()).toEqual(on.series());
  });
});
