/** The scenario format as a JSON Schema document, for editors (autocomplete, inline checks). */
import { z } from 'zod';
import { ScenarioSchema, SCHEMA_VERSION } from './schema.ts';
import type { JsonSchema } from './json-schema-walk.ts';

export function scenarioJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(ScenarioSchema, { io: 'input', unrepresentable: 'any' }),
    $id: 'scenario.schema.json',
    title: `Balancer Lab scenario (schemaVersion ${SCHEMA_VERSION})`,
    description: 'A simulated world: traffic, balancers, target groups, targets and scheduled events. See docs/scenario-format.md.',
  };
}

let made: JsonSchema | null = null;

/** The scenario's JSON Schema (every field's description included), made once: for the builder's inspector and lesson unlocks. */
export function scenarioSchema(): JsonSchema {
  made ??= scenarioJsonSchema() as JsonSchema;
  return made;
}
