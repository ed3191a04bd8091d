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

/** How the new document names and describes itself (the page passes its own language's words). */
export interface ReplayWords {
  name(file: string): string;
  description(count: number, file: string, system: string): string;
  /** The system's name when the document on screen has none. */
  unnamedSystem: string;
}

const ENGLISH: ReplayWords = {
  name: (file) => `Replay of ${file}`,
  description: (count, file, system) => `${count} requests from ${file}, replayed against ${system}.`,
  unnamedSystem: 'the system on screen',
};

/**
 * The scenario document that replays `replay` against the system of `base` (a scenario document). Its name and
 * description are the learner's document's own from then on (saved and shared as written), so they are written in
 * the page's language when the page passes `words`.
 */
export function replayScenario(base: unknown, replay: ReplayTraffic, fileName: string, words: ReplayWords = ENGLISH): Json {
  const doc: Json = isObject(base) ? structuredClone(base) : {};
  const lastMs = replay.requests.length === 0 ? 0 : replay.requests[replay.requests.length - 1].atMs;
  const durationSec = Math.max(1, Math.floor(lastMs / 1000) + 1);
  const traffic: Json = isObject(doc.traffic) ? { ...doc.traffic } : {};
  delete traffic.profile;
  traffic.arrival = replay;
  const events = Array.isArray(doc.events) ? doc.events.filter((e) => isObject(e) && e.action !== 'set-rate' && !(typeof e.atSec === 'number' && e.atSec >= durationSec)) : undefined;
  const system = typeof doc.name === 'string' ? doc.name : words.unnamedSystem;
  return {
    ...doc,
    name: words.name(fileName).slice(0, 120),
    description: words.description(replay.requests.length, fileName, system).slice(0, 500),
    durationSec,
    traffic,
    ...(events ? { events } : {}),
  };
}
