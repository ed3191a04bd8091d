import { readFileSync } from 'node:fs';
import { createSimulation } from '../src/engine/index.ts';
import { validateScenario } from '../src/scenario/validate.ts';
const doc = JSON.parse(readFileSync('lessons/07-layer-4-or-layer-7/scenes/inspected.json', 'utf8'));
const r = validateScenario(doc); if (!r.ok) throw new Error(JSON.stringify(r.errors));
const s = createSimulation(r.value); s.runUntil(60000);
const m = s.metrics();
console.log(JSON.stringify(m.inspection, null, 1), m.latencyMs.mean, m.latencyMs.p50, m.cost.totalUsd);
