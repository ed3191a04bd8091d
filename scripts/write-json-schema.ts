// Writes public/scenario.schema.json from the zod schema, so the built site ships a JSON Schema
// that editors can use to autocomplete and check scenario files.
import { writeFileSync } from 'node:fs';
import { z } from 'zod';
import { ScenarioSchema, SCHEMA_VERSION } from '../src/scenario/schema.ts';

const schema = z.toJSONSchema(ScenarioSchema, { io: 'input', unrepresentable: 'any' });
const doc = {
  ...schema,
  $id: 'scenario.schema.json',
  title: `Balancer Lab scenario (schemaVersion ${SCHEMA_VERSION})`,
  description: 'A simulated world: traffic, balancers, target groups, targets and scheduled events. See docs/scenario-format.md.',
};
writeFileSync(new URL('../public/scenario.schema.json', import.meta.url), JSON.stringify(doc, null, 2) + '\n');
console.log('wrote public/scenario.schema.json');
