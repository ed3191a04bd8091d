import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createSimulation } from '../../../src/engine/index.ts';
import { validateScenario } from '../../../src/scenario/validate.ts';
import { decodeTargets, lastSecondArrivals } from '../../../src/sim/snapshot-decoder.ts';

// the starter world (three servers behind round robin), its arrivals from time 0
const world = validateScenario(JSON.parse(readFileSync(new URL('../../../scenarios/three-servers.json', import.meta.url), 'utf8')));

describe('lastSecondArrivals', () => {
  it('has no figure before the first simulated second closes, then that second’s arrivals', () => {
    if (!world.ok) throw new Error(JSON.stringify(world.errors));
    const sim = createSimulation(world.value);
    sim.runUntil(999);
    const early = sim.snapshot();
    expect(early.totals.arrived).toBeGreaterThan(0); // requests are arriving…
    expect(early.lastSecond.arrived).toBe(0); // …but the engine's per-second row is still empty
    expect(lastSecondArrivals(early)).toBeNaN();
    expect(decodeTargets(early, sim.topology()).map((t) => t.ratePerSec)).toEqual([NaN, NaN, NaN]);
    sim.runUntil(1500);
    const later = sim.snapshot();
    // every arrival of the first second, counted in that second's row (those after 1 s are not yet closed)
    expect(lastSecondArrivals(later)).toBe(sim.series().arrived[0]);
    expect(lastSecondArrivals(later)).toBeGreaterThan(0);
    // each arrival is sent to one of the three targets in the same instant (no retries here): the targets' rates add up to it
    const perTarget = decodeTargets(later, sim.topology()).map((t) => t.ratePerSec);
    expect(perTarget.reduce((a, b) => a + b, 0)).toBe(lastSecondArrivals(later));
  });
});
