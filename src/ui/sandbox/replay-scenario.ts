/**
 * A real access log opened as a scenario: the sandbox's current system, with its traffic replaced by the log's
 * requests (`traffic.arrival.kind: "replay"`, docs/scenario-format.md §4.1). A replay has no rate, so the rate
 * profile and `set-rate` events go; the run lasts until just after the last request (events after that go
 * too). Pure: plain JSON in, plain JSON out; the lab validates the result like any document.
 */
import type { ReplayTraffic } from '../../import/index.ts';

type Json = Record<string, unknown>;

function isObject(v: unknown): v is Json {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

/** The scenario document that replays `replay` against the system of `base` (a scenario document). */
export function replayScenario(base: unknown, replay: ReplayTraffic, fileName: string): Json {
  const doc: Json = isObject(base) ? structuredClone(base) : {};
  const lastMs = replay.requests.length === 0 ? 0 : replay.requests[replay.requests.length - 1].atMs;
  const durationSec = Math.max(1, Math.floor(lastMs / 1000) + 1);
  const traffic: Json = isObject(doc.traffic) ? { ...doc.traffic } : {};
  delete traffic.profile;
  traffic.arrival = replay;
  const events = Array.isArray(doc.events) ? doc.events.filter((e) => isObject(e) && e.action !== 'set-rate' && !(typeof e.atSec === 'number' && e.atSec >= durationSec)) : undefined;
  const system = typeof doc.name === 'string' ? doc.name : 'the system on screen';
  return {
    ...doc,
    name: `Replay of ${fileName}`.slice(0, 120),
    description: `${replay.requests.length} requests from ${fileName}, replayed against ${system}.`.slice(0, 500),
    durationSec,
    traffic,
    ...(events ? { events } : {}),
  };
}
