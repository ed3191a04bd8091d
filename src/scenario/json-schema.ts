/** The scenario format as a JSON Schema document, for editors (autocomplete, inline checks). */
import { z } from 'zod';
import { ScenarioSchema, SCHEMA_VERSION } from './schema.ts';

export function scenarioJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(ScenarioSchema, { io: 'input', unrepresentable: 'any' }),
    $id: 'scenario.schema.json',
    title: `Balancer Lab scenario (schemaVersion ${SCHEMA_VERSION})`,
    description: 'A simulated world: traffic, balancers, target groups, targets and scheduled events. See docs/scenario-format.md.',
  };
}
