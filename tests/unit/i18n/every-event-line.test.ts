// Every line the event log can show a learner, in Spanish (issue 19). Each lesson's world (its start, its
// solution, its scenes, each step's "try" buttons and clinic cases) and each example in scenarios/ is run until
// its check second, MAX_SEC or REQUEST_BUDGET requests, whichever comes first, and every line the engine writes is
// read back: in English it must be the engine's line byte for byte; in Spanish it must change (unless it
// is only ids and numbers) and keep no English word of the engine's templates.
import { readdirSync, readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadLessonsFromDir } from '../../../src/content/node-loader.ts';
import { createSimulation } from '../../../src/engine/index.ts';
import type { SimEvent } from '../../../src/engine/types.ts';
import type { TimedChange } from '../../../src/engine/goals/types.ts';
import type { Scenario } from '../../../src/scenario/schema.ts';
import { validateScenario } from '../../../src/scenario/validate.ts';
import { overwriteGetLocale } from '../../../src/i18n/paraglide/runtime.js';
import { eventWords } from '../../../src/viz/event-words.ts';
import { englishAfterEach } from './support/words.ts';

englishAfterEach();

/** Enough for a world's checks, failures and first scaling decisions to happen (Black Friday's million a second stops early). */
const REQUEST_BUDGET = 50_000;
const MAX_SEC = 3600;
/** How far a step's "try" runs: its change is applied at 1 s. */
const TRY_SEC = 30;

interface Run {
  name: string;
  scenario: Scenario;
  changes: readonly TimedChange[];
  untilSec: number;
}

function runs(): Run[] {
  const out: Run[] = [];
  for (const l of loadLessonsFromDir().lessons) {
    out.push({ name: `${l.slug}`, scenario: l.scenario, changes: [], untilSec: l.checkSec });
    out.push({ name: `${l.slug}: solution`, scenario: l.scenario, changes: l.solution, untilSec: l.checkSec });
    for (const [scene, world] of Object.entries(l.scenes)) out.push({ name: `${l.slug}: scene ${scene}`, scenario: world, changes: [], untilSec: l.checkSec });
    for (const step of l.steps) {
      const world = step.scene === null ? l.scenario : l.scenes[step.scene];
      for (const t of step.tries) out.push({ name: `${l.slug}: step ${step.number}, ${t.label}`, scenario: world, changes: t.changes.map((change) => ({ atMs: 1000, change })), untilSec: TRY_SEC });
      if (step.case !== null) out.push({ name: `${l.slug}: step ${step.number}, case`, scenario: world, changes: step.case.solution, untilSec: step.case.checkSec });
    }
  }
  for (const file of readdirSync('scenarios')) {
    const doc = validateScenario(JSON.parse(readFileSync(`scenarios/${file}`, 'utf8')));
    if (doc.ok) out.push({ name: file, scenario: doc.value, changes: [], untilSec: doc.value.durationSec ?? 600 });
  }
  return out;
}

/** Every event of the run (not only the log's latest 2000), its changes applied at their times. */
function eventsOf(run: Run): SimEvent[] {
  const events: SimEvent[] = [];
  const sim = createSimulation(run.scenario, { onEvent: (e) => events.push(e) });
  const changes = [...run.changes].sort((a, b) => a.atMs - b.atMs);
  const endMs = Math.min(run.untilSec, MAX_SEC) * 1000;
  let next = 0;
  for (let t = 0; t < endMs && sim.metrics().requests.total < REQUEST_BUDGET; ) {
    t = Math.min(endMs, t + 200, changes[next]?.atMs ?? Infinity);
    sim.runUntil(t);
    while (next < changes.length && changes[next].atMs <= t) sim.apply(changes[next++].change);
  }
  return events;
}

/** Words of the engine's English templates that no Spanish line should keep (ids, metric names and HAProxy's states aside). */
const ENGLISH = /(?:^|[\s(:;,])(the|is|are|its|and|of|to|for|with|after|from|by|at|on|in|was|now|has|set|desired|above|below|target|targets|requests?|failed|checks?|marked|healthy|unhealthy|back|again|all|it|records?|swapped|forwards|launching|zones?|scenario|changed|live|add|remove|replace|waiting|workers?|cores|load|notice|capacity|step|forecast|day|instances|replicas|well|stopped|counter|last)(?=$|[\s),:;.])/i;

/** A line of ids and numbers only ("web-1: 3") reads the same in every language. */
const onlyIdsAndNumbers = (line: string): boolean => !/\b[a-z]{3,}\b/i.test(line.replace(/\S*[\d/_-]\S*/g, ''));

describe('every event line of the lessons and examples', () => {
  let events: SimEvent[] = [];
  beforeAll(() => {
    events = runs().flatMap(eventsOf);
  }, 180_000);

  it('in English are the engine\'s own lines, word for word', () => {
    // thousands of lines: every lesson's world writes at least its start line and its checks' verdicts
    expect(events.length).toBeGreaterThan(1000);
    expect([...new Set(events.filter((e) => eventWords(e) !== e.message).map((e) => `${e.message} ≠ ${eventWords(e)}`))]).toEqual([]);
  });

  it('in Spanish keep no English sentence: each kind of line has a template, and what it fills in is worded too', () => {
    overwriteGetLocale(() => 'es');
    const left = new Map<string, string>();
    for (const e of events) {
      const spanish = eventWords(e);
      const english = spanish === e.message && !onlyIdsAndNumbers(e.message) ? 'unchanged' : ENGLISH.exec(spanish)?.[1];
      if (english !== undefined) left.set(`${e.kind}: ${e.message.replace(/\d+(\.\d+)?/g, 'N')}`, `[${english}] ${spanish}`);
    }
    expect([...left].map(([k, v]) => `${k} → ${v}`)).toEqual([]);
  });

  it('cover the lines the lessons teach with: scaling decisions of several policies, zone, region and balancer failures, DNS records, live patches', () => {
    const kinds = new Set(events.map((e) => e.kind));
    expect(['scaling', 'launch', 'terminate', 'outage', 'takeover', 'dns-unhealthy', 'config', 'maint', 'spot', 'appliance-full', 'group-mode', 'deploy', 'db'].filter((k) => !kinds.has(k))).toEqual([]);
    const says = (re: RegExp) => events.some((e) => re.test(e.message));
    expect(says(/^\S+ desired \d+ → \d+: target \S+ [\d.]+: /)).toBe(true);
    expect(says(/^\S+ desired \d+ → \d+: scheduled actions: /)).toBe(true);
    expect(says(/^\S+ desired \d+ → \d+: Beanstalk (upper|lower) trigger/)).toBe(true);
    expect(says(/^scenario changed live: (add|remove|replace) \//)).toBe(true);
  });
});
