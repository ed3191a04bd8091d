import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { importAccessLog } from '../../../../src/import/index.ts';
import { replayScenario } from '../../../../src/ui/sandbox/replay-scenario.ts';
import { validateScenario } from '../../../../src/scenario/validate.ts';

const threeServers = JSON.parse(readFileSync(new URL('../../../../scenarios/three-servers.json', import.meta.url), 'utf8'));
const log = [
  '10.0.0.1 - - [02/Dec/2026:10:00:00 +0000] "GET /a HTTP/1.1" 200 1 "-" "-"',
  '10.0.0.2 - - [02/Dec/2026:10:00:41 +0000] "GET /b HTTP/1.1" 200 1 "-" "-"',
].join('\n');

describe('an access log opened as a scenario', () => {
  it('replays the log against the system on screen, for just as long as the log', () => {
    const imported = importAccessLog(log);
    if (!imported.ok) throw new Error('the log did not import');
    const doc = replayScenario({ ...threeServers, traffic: { ...threeServers.traffic, profile: [{ atSec: 0, ratePerSec: 5 }] }, events: [...threeServers.events, { atSec: 10, action: 'set-rate', ratePerSec: 3 }] }, imported.replay, 'access.log');
    expect(doc.name).toBe('Replay of access.log');
    expect(doc.durationSec).toBe(42);
    expect((doc.traffic as { arrival: unknown }).arrival).toEqual(imported.replay);
    expect((doc.traffic as { profile?: unknown }).profile).toBeUndefined();
    // set-rate has no meaning for a replay; the recovery at 45 s falls after the end of the run
    expect(doc.events).toEqual([{ atSec: 30, action: 'crash', target: 'c' }]);
  });

  it('is a valid scenario', () => {
    const imported = importAccessLog(log);
    if (!imported.ok) throw new Error('the log did not import');
    const result = validateScenario(replayScenario(threeServers, imported.replay, 'access.log'));
    expect(result.ok ? [] : result.errors).toEqual([]);
  });

  it('names and describes itself with the words it is given (the page passes its language\'s), cut to the schema\'s lengths', () => {
    const imported = importAccessLog(log);
    if (!imported.ok) throw new Error('the log did not import');
    const words = {
      name: (file: string) => `Reproducción de ${file}`,
      description: (count: number, file: string, system: string) => `${count} solicitudes de ${file} contra ${system}`,
      unnamedSystem: 'el sistema en pantalla',
    };
    const named = replayScenario(threeServers, imported.replay, 'access.log', words);
    expect(named.name).toBe('Reproducción de access.log');
    expect(named.description).toBe(`2 solicitudes de access.log contra ${threeServers.name}`);
    const short = replayScenario({ ...threeServers, name: undefined }, imported.replay, 'a.log', words);
    expect(short.description).toBe('2 solicitudes de a.log contra el sistema en pantalla');
    const unnamed = replayScenario({ ...threeServers, name: undefined }, imported.replay, 'x'.repeat(600), words);
    expect(unnamed.name).toBe(`Reproducción de ${'x'.repeat(600)}`.slice(0, 120));
    expect(String(unnamed.description).endsWith('contra el sistema en pantalla')).toBe(false); // cut at 500 characters
    expect(String(unnamed.description)).toHaveLength(500);
  });
});
