/**
 * Failure injection above the targets: take a zone or a whole region down and back, crash a balancer and
 * bring it back, fail a database over to its standby, take a group's shared session store down and back
 * (a replicated one has no single box to take down) — as changes in the live-change vocabulary
 * (ChangeSchema). Each control shows the current state and offers the one change that makes sense now:
 * a zone is down when a balancer node in it is down; a region is down when its last outage/recovery
 * event says so (a crashed balancer alone does not make its region down). A control's state and button
 * keep the engine's English words (tests and `data-state` read them); `infraWords` says them in the page's
 * language, and its name is in the page's language already.
 */
import type { InfraSnapshot, SimEvent, Topology } from '../engine/types.ts';
import type { Change } from '../scenario/schema.ts';
import { m } from '../i18n/paraglide/messages.js';

export type InfraAction =
  | 'zone-outage'
  | 'zone-recover'
  | 'region-outage'
  | 'region-recover'
  | 'crash-balancer'
  | 'recover-balancer'
  | 'db-failover'
  | 'crash-session-store'
  | 'recover-session-store';
export type InfraChange = Extract<Change, { action: InfraAction }>;

export interface InfraControl {
  key: string;
  kind: 'zone' | 'region' | 'balancer' | 'database' | 'session-store';
  /** What it is, in the page's language: "zone us-east-1a", "zona us-east-1a". */
  name: string;
  /** Its state now, in the engine's words: "up", "down", "standby serving", "failing over" (shown through infraWords). */
  state: string;
  down: boolean;
  /** The button's words (in English, shown through infraWords) and the change it applies. */
  label: string;
  change: InfraChange;
  enabled: boolean;
}

/** A control's state or button word in the page's language ("failing over" → "conmutando por error"). */
const WORDS: Record<string, () => string> = {
  up: m.infra_state_up,
  down: m.infra_state_down,
  'down with its region': m.infra_state_down_with_region,
  'standby serving': m.infra_state_standby_serving,
  'failing over': m.infra_state_failing_over,
  Recover: m.infra_recover,
  Outage: m.infra_outage,
  Crash: m.infra_crash,
  'Fail over': m.infra_fail_over,
};

/** What a control's state or button says on the page; a word without a message is shown as it is. */
export function infraWords(word: string): string {
  return WORDS[word]?.() ?? word;
}

/** The button's accessible name: its action and what it acts on ("Crash balancer lb-1"). */
export function infraActionName(c: InfraControl): string {
  return m.infra_action_aria({ action: infraWords(c.label), name: c.name });
}

/** Regions of the balancers, in order; only worth a control when some balancer names one. */
export function regionsOf(topology: Topology): string[] {
  const regions = [...new Set(topology.balancers.map((b) => b.region))];
  return regions.length === 1 && regions[0] === 'default' ? [] : regions;
}

/**
 * Whether `region` is down now, from its latest outage or recovery event. The snapshot cannot tell a region
 * outage from crashed balancers; if the event has dropped out of the kept log, the region reads as up and
 * an outage button is offered again, which changes nothing the learner would notice.
 */
export function regionDown(region: string, events: readonly SimEvent[]): boolean {
  for (let i = events.length - 1; i >= 0; i--) {
    const e = events[i];
    if (e.subject === region && (e.kind === 'outage' || e.kind === 'recover') && e.message.startsWith(`region ${region}`)) return e.kind === 'outage';
  }
  return false;
}

/** Every control, zones first, then regions, balancers, databases and shared session stores. */
export function infraControls(topology: Topology, infra: InfraSnapshot | undefined, events: readonly SimEvent[]): InfraControl[] {
  const controls: InfraControl[] = [];
  const zonesDown = new Set(infra?.balancers.flatMap((b) => b.zonesDown) ?? []);
  for (const zone of topology.zones) {
    const down = zonesDown.has(zone);
    controls.push({
      key: `zone:${zone}`,
      kind: 'zone',
      name: m.infra_name_zone({ zone }),
      state: down ? 'down' : 'up',
      down,
      label: down ? 'Recover' : 'Outage',
      change: down ? { action: 'zone-recover', zone } : { action: 'zone-outage', zone },
      enabled: true,
    });
  }
  const downRegions = new Set<string>();
  for (const region of regionsOf(topology)) {
    const down = regionDown(region, events);
    if (down) downRegions.add(region);
    controls.push({
      key: `region:${region}`,
      kind: 'region',
      name: m.infra_name_region({ region }),
      state: down ? 'down' : 'up',
      down,
      label: down ? 'Recover' : 'Outage',
      change: down ? { action: 'region-recover', region } : { action: 'region-outage', region },
      enabled: true,
    });
  }
  for (const b of topology.balancers) {
    const state = infra?.balancers.find((x) => x.id === b.id)?.state ?? 'up';
    const inDownRegion = downRegions.has(b.region);
    const crashed = state !== 'up' && !inDownRegion;
    controls.push({
      key: `balancer:${b.id}`,
      kind: 'balancer',
      name: m.infra_name_balancer({ id: b.id }),
      state: inDownRegion ? 'down with its region' : state === 'standby' ? 'standby serving' : state,
      down: state === 'down',
      label: crashed ? 'Recover' : 'Crash',
      change: crashed ? { action: 'recover-balancer', balancer: b.id } : { action: 'crash-balancer', balancer: b.id },
      enabled: !inDownRegion,
    });
  }
  for (const d of topology.databases) {
    const failingOver = infra?.databases.find((x) => x.id === d.id)?.failingOver ?? false;
    controls.push({
      key: `database:${d.id}`,
      kind: 'database',
      name: m.infra_name_database({ id: d.id }),
      state: failingOver ? 'failing over' : 'up',
      down: failingOver,
      label: 'Fail over',
      change: { action: 'db-failover', database: d.id },
      enabled: !failingOver,
    });
  }
  for (const store of infra?.sessionStores ?? []) {
    if (store.kind !== 'shared') continue;
    const { group, down } = store;
    controls.push({
      key: `session-store:${group}`,
      kind: 'session-store',
      name: m.infra_name_session_store({ group }),
      state: down ? 'down' : 'up',
      down,
      label: down ? 'Recover' : 'Crash',
      change: down ? { action: 'recover-session-store', group } : { action: 'crash-session-store', group },
      enabled: true,
    });
  }
  return controls;
}
