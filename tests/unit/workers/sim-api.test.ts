// The simulation worker's API: determinism, input checking, sessions and Comlink transport (time travel,
// restores and reports: sim-api-timeline.test.ts).
import { describe, expect, it } from 'vitest';
import { expose, releaseProxy, wrap } from 'comlink';
import { createSimApi, type SimApi } from '../../../workers/sim-api.ts';
import { createSimulation } from '../../../src/engine/index.ts';
import { TARGET_STATES } from '../../../src/engine/types.ts';
import { validateScenario } from '../../../src/scenario/validate.ts';
import threeServers from '../../../scenarios/three-servers.json';
import weighted from '../../../scenarios/weighted-5-1-1.json';
import { advanceInSteps, openOk, targetField } from './sim-api-helpers.ts';

describe('sim-api determinism', () => {
  it('gives identical metrics for the same scenario and seed, run twice', () => {
    const runs = [createSimApi(), createSimApi()].map((api) => {
      const id = openOk(api, threeServers);
      advanceInSteps(api, id, 20_000, 250);
      return api.metrics(id);
    });
    expect(runs[0].requests.total).toBeGreaterThan(300);
    expect(runs[1]).toEqual(runs[0]);
  });

  it('gives the same snapshots and metrics as the engine called directly', () => {
    const api = createSimApi();
    const id = openOk(api, threeServers);
    const validated = validateScenario(threeServers);
    if (!validated.ok) throw new Error('three-servers.json must be valid');
    const sim = createSimulation(validated.value);

    for (let t = 250; t <= 40_000; t += 250) {
      const viaApi = api.advance(id, 250);
      sim.runUntil(t);
      expect(viaApi).toEqual(sim.snapshot());
      sim.drainFlows(); // as the worker does once the page has them
    }
    expect(api.metrics(id)).toEqual(sim.metrics());
    expect(api.events(id, 0)).toEqual(sim.events(0));
    expect(api.topology(id)).toEqual(sim.topology());
  });

  it('gives the same results however the host slices time into frames', () => {
    const api = createSimApi();
    const fine = openOk(api, weighted);
    const coarse = openOk(api, weighted);
    advanceInSteps(api, fine, 20_000, 16);
    api.advance(coarse, 20_000);
    expect(api.metrics(fine)).toEqual(api.metrics(coarse));
  });
});

describe('sim-api input checking', () => {
  it('answers a bad scenario with errors that name their JSON paths, without throwing', () => {
    const api = createSimApi();
    const bad = structuredClone(threeServers) as Record<string, unknown> & typeof threeServers;
    (bad.targetGroups[0].targets[0] as Record<string, unknown>).weight = -1;
    (bad.traffic.arrival as Record<string, unknown>).ratePerSec = 'fast';

    const opened = api.open(bad);
    expect(opened.ok).toBe(false);
    if (opened.ok) return;
    const paths = opened.errors.map((e) => e.path);
    expect(paths).toContain('targetGroups[0].targets[0].weight');
    expect(paths).toContain('traffic.arrival.ratePerSec');
    for (const e of opened.errors) expect(e.message.length).toBeGreaterThan(0);
  });

  it.each([null, undefined, 42, 'three-servers.json', [], {}])('refuses %j as a scenario with an error, not an exception', (input) => {
    const opened = createSimApi().open(input);
    expect(opened.ok).toBe(false);
    if (!opened.ok) expect(opened.errors[0].path).toMatch(/^\(root\)$|^schemaVersion$/);
  });

  it('refuses a bad change with errors and leaves the run untouched', () => {
    const api = createSimApi();
    const changed = openOk(api, threeServers);
    const control = openOk(api, threeServers);
    api.advance(changed, 5_000);
    api.advance(control, 5_000);

    const unknownTarget = api.apply(changed, { action: 'crash', target: 'no-such-target' });
    expect(unknownTarget?.map((e) => e.path)).toEqual(['(change).target']);
    const unknownAction = api.apply(changed, { action: 'explode', target: 'a' });
    expect(unknownAction?.map((e) => e.path)).toEqual(['action']);
    const badWeight = api.apply(changed, { action: 'set-weight', target: 'a', weight: -3 });
    expect(badWeight?.map((e) => e.path)).toEqual(['weight']);
    expect(api.apply(changed, 'crash a')).not.toBeNull();

    expect(api.advance(changed, 10_000)).toEqual(api.advance(control, 10_000));
    expect(api.metrics(changed)).toEqual(api.metrics(control));
    expect(api.topology(changed)).toEqual(api.topology(control));
    expect(api.events(changed, 0)).toEqual(api.events(control, 0));
  });

  it('applies a good change to its session only', () => {
    const api = createSimApi();
    const changed = openOk(api, threeServers);
    const control = openOk(api, threeServers);
    api.advance(changed, 2_000);
    api.advance(control, 2_000);

    expect(api.apply(changed, { action: 'crash', target: 'a' })).toBeNull();
    const crashed = TARGET_STATES.indexOf('crashed');
    expect(targetField(api.advance(changed, 1_000), 0, 'state')).toBe(crashed);
    expect(targetField(api.advance(control, 1_000), 0, 'state')).not.toBe(crashed);
  });

  it('rejects nonsense time steps and unknown sessions loudly (programming errors, not user input)', () => {
    const api = createSimApi();
    const id = openOk(api, threeServers);
    expect(() => api.advance(id, -1)).toThrow(RangeError);
    expect(() => api.advance(id, Number.NaN)).toThrow(RangeError);
    expect(() => api.advance(id + 100, 10)).toThrow(/no simulation session/);
  });
});

describe('sim-api sessions', () => {
  it('runs two sessions side by side without one affecting the other', () => {
    const api = createSimApi();
    const a = openOk(api, threeServers);
    const b = openOk(api, weighted);
    expect(a).not.toBe(b);
    for (let i = 0; i < 40; i++) {
      api.advance(a, 250);
      api.advance(b, 500); // a different pace, on purpose
    }

    const solo = createSimApi();
    const soloA = openOk(solo, threeServers);
    const soloB = openOk(solo, weighted);
    solo.advance(soloA, 10_000);
    solo.advance(soloB, 20_000);
    expect(api.metrics(a)).toEqual(solo.metrics(soloA));
    expect(api.metrics(b)).toEqual(solo.metrics(soloB));
    expect(api.topology(a).targets.map((t) => t.id)).toEqual(['a', 'b', 'c']);
    expect(api.topology(b).targets.map((t) => t.id)).toEqual(['a', 'b', 'c', 'pay-1', 'pay-2']);
  });

  it('closing one session leaves the other running', () => {
    const api = createSimApi();
    const a = openOk(api, threeServers);
    const b = openOk(api, threeServers);
    api.close(a);
    expect(() => api.advance(a, 100)).toThrow(/no simulation session/);
    expect(api.advance(b, 1_000).timeMs).toBe(1_000);
    api.close(a); // closing twice is harmless
  });

  it('hands out snapshots and series whose typed arrays it never touches again, so they can be transferred', () => {
    const api = createSimApi();
    const id = openOk(api, threeServers);
    const first = api.advance(id, 3_000);
    const copy = Float64Array.from(first.targets);
    const second = api.advance(id, 3_000);
    expect(second.targets.buffer).not.toBe(first.targets.buffer);
    expect(second.flows.buffer).not.toBe(first.flows.buffer);
    expect(first.targets).toEqual(copy);

    const series = api.series(id);
    const arrivedCopy = Float64Array.from(series.arrived);
    api.advance(id, 3_000);
    const later = api.series(id);
    expect(later.arrived.buffer).not.toBe(series.arrived.buffer);
    expect(later.targetRequests.buffer).not.toBe(series.targetRequests.buffer);
    expect(series.arrived).toEqual(arrivedCopy);
    expect(later.seconds).toBeGreaterThan(series.seconds);
  });
});

describe('sim-api over Comlink', () => {
  it('delivers the same snapshot through a message port, typed arrays intact', async () => {
    const { port1, port2 } = new MessageChannel();
    expose(createSimApi(), port1);
    const remote = wrap<SimApi>(port2);
    try {
      const opened = await remote.open(threeServers);
      expect(opened.ok).toBe(true);
      if (!opened.ok) return;
      const viaPort = await remote.advance(opened.id, 5_000);

      const direct = createSimApi();
      const expected = direct.advance(openOk(direct, threeServers), 5_000);
      expect(viaPort.targets).toBeInstanceOf(Float64Array);
      expect(viaPort).toEqual(expected);

      const refused = await remote.open({ schemaVersion: 1 });
      expect(refused.ok).toBe(false);
    } finally {
      remote[releaseProxy]();
      port1.close();
      port2.close();
    }
  });
});
