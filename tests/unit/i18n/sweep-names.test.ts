// The sweep's parameters in Spanish (issue 19): each number is named as the inspector names its field, with the
// field it lies in and its unit, and its place in the scenario stays visible; English keeps the place alone.
import { afterEach, describe, expect, it } from 'vitest';
import { sweepableParameters } from '../../../src/ui/sweep/sweep-plan.ts';
import { validateScenario } from '../../../src/scenario/validate.ts';
import { overwriteGetLocale } from '../../../src/i18n/paraglide/runtime.js';
import three from '../../../scenarios/three-servers.json';

afterEach(() => overwriteGetLocale(() => 'en'));

function labels(): string[] {
  const v = validateScenario(structuredClone(three));
  if (!v.ok) throw new Error(JSON.stringify(v.errors));
  return sweepableParameters(v.value).map((p) => p.label);
}

describe('sweep parameter names', () => {
  it('in English, the place in the scenario', () => {
    expect(labels()).toEqual(expect.arrayContaining(['number of targets in web', 'traffic › arrival › ratePerSec', 'web › a › concurrency', 'web › a › serviceTimeMs › meanMs']));
  });

  it('in Spanish, the field\'s name first (with the field it lies in and its unit), then the same place', () => {
    overwriteGetLocale(() => 'es');
    expect(labels()).toEqual(expect.arrayContaining(['número de destinos en web', 'concurrencia — web › a › concurrency', 'tiempo de servicio › media (ms) — web › a › serviceTimeMs › meanMs']));
    // every number's place is still shown, word for word as in English
    const place = labels().filter((l) => l.includes(' — ')).map((l) => l.split(' — ')[1]);
    overwriteGetLocale(() => 'en');
    expect(labels()).toEqual(expect.arrayContaining(place));
  });
});
