// Writes public/scenario.schema.json from the zod schema; the built site ships it as scenario.schema.json.
import { writeFileSync } from 'node:fs';
import { scenarioJsonSchema } from '../src/scenario/json-schema.ts';

writeFileSync(new URL('../public/scenario.schema.json', import.meta.url), JSON.stringify(scenarioJsonSchema(), null, 2) + '\n');
console.log('wrote public/scenario.schema.json');
