/**
 * Planning a sweep: one parameter of a scenario (any numeric field, or the number of targets of a group)
 * across a range of values, for several designs (each the scenario plus a set of patches). Every run of
 * the plan is a whole scenario document, validated here, so the workers only run what is sure to start.
 * Pure: the page hands the jobs to a pool of workers (sweep-runner.ts).
 */
import type { Scenario } from '../../scenario/schema.ts';
import { formatPointer, parsePointer, type PatchOp } from '../../scenario/json-patch.ts';
import { patchScenario } from '../../scenario/patch.ts';
import { m } from '../../i18n/paraglide/messages.js';
import { errorLine } from '../../i18n/validation-words.ts';
import { getLocale } from '../../i18n/paraglide/runtime.js';
import { fieldWords } from '../builder/field-words.ts';
import { labelOf, unitOf } from '../builder/schema-fields.ts';

/** What is swept: a number at a JSON Pointer, or how many targets a group has. */
export type SweepParameter = { kind: 'number'; path: string; integer: boolean; label: string } | { kind: 'target-count'; group: number; label: string };

/** A design: the scenario plus patches (none for the scenario as it is). */
export interface SweepDesign {
  name: string;
  patches: PatchOp[];
}

export interface SweepJob {
  design: number;
  value: number;
  /** The whole scenario to run, valid. */
  scenario: Scenario;
}

export interface SweepPlan {
  jobs: SweepJob[];
  /** Runs that could not be made, with the validator's sentence. */
  refused: { design: number; value: number; message: string }[];
}

/** `count` values evenly spaced from `from` to `to` (both included), whole numbers when `integer` (duplicates dropped). */
export function sweepValues(from: number, to: number, count: number, integer: boolean): number[] {
  const n = Math.max(1, Math.floor(count));
  const raw = n === 1 ? [from] : Array.from({ length: n }, (_, i) => from + ((to - from) * i) / (n - 1));
  const values = raw.map((v) => (integer ? Math.round(v) : Number(v.toPrecision(6))));
  return [...new Set(values)];
}

/** The patches that set the parameter to `value` in `scenario`. */
export function parameterPatches(scenario: Scenario, parameter: SweepParameter, value: number): PatchOp[] {
  if (parameter.kind === 'number') return [{ op: 'add', path: parameter.path, value }];
  const group = scenario.targetGroups[parameter.group];
  if (group === undefined) return [{ op: 'replace', path: `/targetGroups/${parameter.group}/targets`, value: [] }];
  const taken = new Set(scenario.targetGroups.flatMap((g) => g.targets.map((t) => t.id)));
  const targets = group.targets.slice(0, value);
  const template = group.targets[group.targets.length - 1];
  for (let k = targets.length + 1; targets.length < value; k++) {
    const id = `${group.id}-${k}`;
    if (taken.has(id)) continue;
    // a copy of the last target, without what must differ between targets
    const { address: _address, haproxyId: _haproxyId, zone: _zone, ...rest } = template;
    targets.push({ ...structuredClone(rest), id });
  }
  return [{ op: 'replace', path: formatPointer(['targetGroups', parameter.group, 'targets']), value: targets }];
}

/** Every run of a sweep: each design at each value, for `runSec` simulated seconds. */
export function planSweep(base: Scenario, designs: readonly SweepDesign[], parameter: SweepParameter, values: readonly number[], runSec: number): SweepPlan {
  const jobs: SweepJob[] = [];
  const refused: SweepPlan['refused'] = [];
  designs.forEach((design, d) => {
    const designed = patchScenario(base, [...design.patches, { op: 'replace', path: '/durationSec', value: runSec }]);
    if (!designed.ok) {
      for (const value of values) refused.push({ design: d, value, message: errorLine(designed.errors[0]) });
      return;
    }
    for (const value of values) {
      const run = patchScenario(designed.value, parameterPatches(designed.value, parameter, value));
      if (run.ok) jobs.push({ design: d, value, scenario: run.value });
      else refused.push({ design: d, value, message: errorLine(run.errors[0]) });
    }
  });
  return { jobs, refused };
}

/**
 * A number's name in the sweep's list: its place as the scenario names it ("web › a › serviceTimeMs › meanMs",
 * ids for list items), and outside English the field's own name first, as the inspector says it, with the
 * field it lies in and its unit ("tiempo de servicio › media (ms) — web › a › serviceTimeMs › meanMs").
 */
function parameterWords(parts: readonly (string | number)[], place: string): string {
  if (getLocale() === 'en') return place;
  const key = String(parts[parts.length - 1]);
  const parent = parts[parts.length - 2];
  const unit = unitOf(key);
  const name = `${typeof parent === 'string' ? `${fieldWords(parent, labelOf(parent))} › ` : ''}${fieldWords(key, labelOf(key))}${unit ? ` (${unit})` : ''}`;
  return `${name} — ${place}`;
}

/** The numeric fields of a scenario worth sweeping (every number it holds, but ids, seeds and times of events), and each group's target count. */
export function sweepableParameters(scenario: Scenario): SweepParameter[] {
  const out: SweepParameter[] = scenario.targetGroups.map((g, i) => ({ kind: 'target-count' as const, group: i, label: m.sweep_target_count({ group: g.id }) }));
  const skip = new Set(['seed', 'events', 'schemaVersion', 'haproxyId', 'instanceTypes', 'requests']);
  const walk = (value: unknown, parts: (string | number)[], names: string[]): void => {
    if (typeof value === 'number') {
      const key = String(parts[parts.length - 1]);
      out.push({ kind: 'number', path: formatPointer(parts), integer: Number.isInteger(value) && !/Ms$|Sec$|Percent$|Share$|Rate$/.test(key), label: parameterWords(parts, names.join(' › ')) });
      return;
    }
    if (value === null || typeof value !== 'object') return;
    if (Array.isArray(value)) {
      value.forEach((v, i) => {
        const id = v !== null && typeof v === 'object' && 'id' in v ? String((v as { id: unknown }).id) : `${names[names.length - 1] ?? ''} ${i + 1}`;
        walk(v, [...parts, i], [...names.slice(0, -1), id]);
      });
      return;
    }
    for (const [key, v] of Object.entries(value)) if (!skip.has(key)) walk(v, [...parts, key], [...names, key]);
  };
  walk(scenario, [], []);
  return out;
}

/** The value a parameter has in a scenario now (for the range's defaults). */
export function parameterValue(scenario: Scenario, parameter: SweepParameter): number | null {
  if (parameter.kind === 'target-count') return scenario.targetGroups[parameter.group]?.targets.length ?? null;
  const parts = parsePointer(parameter.path);
  if (typeof parts === 'string') return null;
  let value: unknown = scenario;
  for (const p of parts) value = value !== null && typeof value === 'object' ? (value as Record<string, unknown>)[p] : undefined;
  return typeof value === 'number' ? value : null;
}
