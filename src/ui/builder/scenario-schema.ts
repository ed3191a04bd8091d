/** The scenario's JSON Schema (with every field's description), made once, for the inspector and lesson unlocks. */
import { scenarioJsonSchema } from '../../scenario/json-schema.ts';
import type { JsonSchema } from '../../scenario/json-schema-walk.ts';

let made: JsonSchema | null = null;

export function scenarioSchema(): JsonSchema {
  made ??= scenarioJsonSchema() as JsonSchema;
  return made;
}
