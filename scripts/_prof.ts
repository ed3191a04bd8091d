import { createSimulation } from '../src/engine/index.ts';
import { validateScenario } from '../src/scenario/validate.ts';
const alg = process.argv[2] ?? 'least-connections';
const s = validateScenario({ schemaVersion: 1, name: 'R1', seed: 1, traffic: { arrival: { kind: 'poisson', ratePerSec: 45 }, clients: { count: 10000 } }, balancers: [{ id: 'lb', listeners: [{ port: 80, defaultForward: 'web' }] }], targetGroups: [{ id: 'web', algorithm: alg, requestTimeoutMs: 100000000, targets: Array.from({ length: 50 }, (_, i) => ({ id: `t${i}`, serviceTimeMs: { dist: 'exponential', meanMs: 1000 } })) }] });
if (!s.ok) throw new Error('bad');
const sim = createSimulation(s.value);
const t0 = performance.now();
for (let t = 1000; t <= 100000; t += 1000) sim.runUntil(t * 1000);
console.log((performance.now() - t0) / 1000);
