/**
 * Turns untrusted JSON (a file, a share link, a lesson, `--set` overrides) into a checked Scenario,
 * or into a list of precise errors — each with the JSON path and the reason. Never throws on bad input.
 */
import { ChangeSchema, SCHEMA_VERSION, ScenarioSchema, type Change, type HealthCheckInput, type Scenario } from './schema.ts';
import { resolveHealthCheck } from './health-presets.ts';
import { awsLimitBreaches } from './health-limits.ts';
import { DEFAULT_INSTANCE_TYPES } from './instance-types.ts';
import { stepBoundsCode } from './step-bounds.ts';
import { cronError } from './cron.ts';
import { HAPROXY_ALGORITHMS, HASH_ALGORITHMS } from './algorithm-names.ts';
import { checkBalancing } from './check-balancing.ts';
import { checkInspection } from './check-inspection.ts';
import { checkReplay } from './check-replay.ts';
import { LIMITS } from './limits.ts';
import { applyPatches } from './json-patch.ts';
import { formatPath, fromZod } from './zod-errors.ts';
import { coded, gotOf } from './error-codes.ts';
import type { Validated, ValidationError } from './validated.ts';

export { formatPath };
export type { Validated, ValidationError };

function duplicates(ids: string[]): string[] {
  const seen = new Set<string>();
  const dup = new Set<string>();
  for (const i of ids) (seen.has(i) ? dup : seen).add(i);
  return [...dup];
}

/** Rules that span fields: unique ids, references that must exist, combinations that make no sense. */
function crossCheck(s: Scenario, checkEvents: boolean): ValidationError[] {
  const errors: ValidationError[] = [];
  const groupIds = new Set(s.targetGroups.map((g) => g.id));
  let totalTargets = 0;

  for (const d of duplicates(s.balancers.map((b) => b.id))) errors.push(coded('balancers', 'val_duplicate_balancer', { id: d }));
  for (const d of duplicates(s.targetGroups.map((g) => g.id))) errors.push(coded('targetGroups', 'val_duplicate_group', { id: d }));
  const allTargets = s.targetGroups.flatMap((g) => g.targets.map((t) => t.id));
  for (const d of duplicates(allTargets)) errors.push(coded('targetGroups', 'val_duplicate_target', { id: d }));

  const classNames = new Set((s.traffic.mix ?? [{ name: 'default' }]).map((m) => m.name));
  s.targetGroups.forEach((g, gi) => {
    totalTargets += g.targets.length;
    g.targets.forEach((t, ti) => {
      for (const cls of Object.keys(t.serviceTimeByClass)) {
        if (!classNames.has(cls)) errors.push(coded(`targetGroups[${gi}].targets[${ti}].serviceTimeByClass.${cls}`, 'val_no_class', { cls }));
      }
    });
    if (g.targets.every((t) => t.weight === 0 || t.down === true)) {
      errors.push(coded(`targetGroups[${gi}].targets`, g.targets.some((t) => t.down === true) ? 'val_all_down' : 'val_all_zero'));
    }
    if (!HASH_ALGORITHMS.includes(g.algorithm) && g.hashKey !== 'client-ip') {
      errors.push(coded(`targetGroups[${gi}].hashKey`, 'val_hash_key_unused', { algorithm: g.algorithm }));
    }
    if (g.healthCheck) errors.push(...checkHealthCheck(g.healthCheck, `targetGroups[${gi}].healthCheck`));
    if (g.algorithm === 'ip-hash' && g.hashKey !== 'client-ip') {
      errors.push(coded(`targetGroups[${gi}].hashKey`, 'val_ip_hash_key'));
    }
  });
  if (totalTargets > LIMITS.maxTargetsTotal) {
    errors.push(coded('targetGroups', 'val_too_many_targets', { count: totalTargets, max: LIMITS.maxTargetsTotal }));
  }

  s.balancers.forEach((b, bi) => {
    const ports = b.listeners.map((l) => l.port);
    for (const d of duplicates(ports.map(String))) errors.push(coded(`balancers[${bi}].listeners`, 'val_port_twice', { port: d }));
    b.listeners.forEach((l, li) => {
      const at = `balancers[${bi}].listeners[${li}]`;
      if (b.layer === 4 && l.rules.length > 0) {
        errors.push(coded(`${at}.rules`, 'val_l4_rules'));
      }
      if (b.layer === 4 && (l.protocol === 'http' || l.protocol === 'https')) {
        errors.push(coded(`${at}.protocol`, 'val_l4_protocol', { protocol: l.protocol }));
      }
      if (b.layer === 7 && l.protocol !== 'http' && l.protocol !== 'https') {
        errors.push(coded(`${at}.protocol`, 'val_l7_protocol', { protocol: l.protocol }));
      }
      l.rules.forEach((r, ri) => {
        if (!groupIds.has(r.forward)) errors.push(coded(`${at}.rules[${ri}].forward`, 'val_no_group', { id: r.forward }));
      });
      if (l.defaultForward !== undefined && !groupIds.has(l.defaultForward)) {
        errors.push(coded(`${at}.defaultForward`, 'val_no_group', { id: l.defaultForward }));
      }
      if (l.tls?.mode === 'passthrough' && b.layer === 7) {
        errors.push(coded(`${at}.tls.mode`, 'val_l7_passthrough'));
      }
      if (l.tls && (l.protocol === 'http' || l.protocol === 'tcp' || l.protocol === 'udp')) {
        errors.push(coded(`${at}.tls`, 'val_tls_protocol', { protocol: l.protocol }));
      }
      l.weightedForward?.forEach((w, wi) => {
        if (!groupIds.has(w.group)) errors.push(coded(`${at}.weightedForward[${wi}].group`, 'val_no_group', { id: w.group }));
      });
      if (l.weightedForward && l.weightedForward.every((w) => w.weight === 0)) errors.push(coded(`${at}.weightedForward`, 'val_weights_zero'));
      if (l.defaultForward === undefined && l.weightedForward === undefined && (b.layer === 4 || l.rules.length === 0)) {
        errors.push(coded(`${at}.defaultForward`, 'val_default_forward'));
      }
    });
    if (b.layer === 4) {
      for (const l of b.listeners) {
        const g = s.targetGroups.find((x) => x.id === l.defaultForward);
        if (g && HASH_ALGORITHMS.includes(g.algorithm) && g.hashKey !== 'client-ip') {
          errors.push(coded(`balancers[${bi}]`, 'val_l4_hash', { key: g.hashKey }));
        }
      }
    }
  });

  if (s.traffic.balancer !== undefined && !s.balancers.some((b) => b.id === s.traffic.balancer)) {
    errors.push(coded('traffic.balancer', 'val_no_balancer', { id: s.traffic.balancer }));
  }
  const entry = s.balancers.find((b) => b.id === s.traffic.balancer) ?? s.balancers[0];
  s.traffic.mix?.forEach((m, mi) => {
    if (m.port !== undefined && !entry.listeners.some((l) => l.port === m.port)) {
      errors.push(coded(`traffic.mix[${mi}].port`, 'val_listener_port', { balancer: entry.id, port: String(m.port) }));
    }
  });
  for (const d of duplicates((s.traffic.mix ?? []).map((m) => m.name))) errors.push(coded('traffic.mix', 'val_duplicate_class', { cls: d }));
  if (s.traffic.arrival.kind === 'closed' && s.traffic.profile) {
    errors.push(coded('traffic.profile', 'val_profile_closed'));
  }
  s.traffic.attacks.forEach((a, ai) => {
    if (a.class !== undefined && !(s.traffic.mix ?? []).some((m) => m.name === a.class)) errors.push(coded(`traffic.attacks[${ai}].class`, 'val_no_class', { cls: a.class }));
  });
  s.traffic.profile?.forEach((p, i, all) => {
    if (i > 0 && p.atSec < all[i - 1].atSec) errors.push(coded(`traffic.profile[${i}].atSec`, 'val_profile_order'));
  });

  errors.push(...checkInfrastructure(s), ...checkBalancing(s), ...checkInspection(s), ...checkReplay(s));
  if (checkEvents) errors.push(...checkEventsInOrder(s));
  return errors;
}

/**
 * Scheduled events in time order (equal times in list order), each against the scenario as the patches
 * before it left it: a rule may forward to a group an earlier patch added.
 */
function checkEventsInOrder(s: Scenario): ValidationError[] {
  const errors: ValidationError[] = [];
  let world = s;
  const idsOf = (x: Scenario) => ({ targets: new Set(x.targetGroups.flatMap((g) => g.targets.map((t) => t.id))), groups: new Set(x.targetGroups.map((g) => g.id)) });
  let ids = idsOf(world);
  const order = s.events.map((e, ei) => ({ e, ei })).sort((a, b) => a.e.atSec - b.e.atSec || a.ei - b.ei);
  for (const { e, ei } of order) {
    const at = `events[${ei}]`;
    if (e.action !== 'patch') {
      errors.push(...checkChangeRefs(e, world, at, ids.targets, ids.groups));
      continue;
    }
    const patches = e.patches ?? [{ op: e.op ?? 'replace', path: e.path ?? '', value: e.value }];
    const patched = applyPatches(world, patches);
    if (!patched.ok) {
      errors.push(...patched.errors.map((x) => coded(at, 'val_event_patch', { at: e.atSec, path: x.path }, x)));
      continue;
    }
    const checked = validateDocument(patched.value, false);
    if (!checked.ok) {
      errors.push(...checked.errors.map((x) => coded(at, 'val_event_patched', { at: e.atSec, path: x.path }, x)));
      continue;
    }
    if (JSON.stringify(checked.value.events) !== JSON.stringify(world.events) || checked.value.seed !== world.seed) {
      errors.push(coded(at, 'val_event_changes_events'));
      continue;
    }
    world = checked.value;
    ids = idsOf(world);
  }
  return errors;
}

/** Zones, regions and the DNS name must refer to things that exist. */
function checkInfrastructure(s: Scenario): ValidationError[] {
  const errors: ValidationError[] = [];
  const balancerIds = new Set(s.balancers.map((b) => b.id));
  s.targetGroups.forEach((g, gi) => {
    const zones = new Set(s.balancers.filter((b) => b.listeners.some((l) => l.defaultForward === g.id || l.rules.some((r) => r.forward === g.id) || (l.weightedForward ?? []).some((w) => w.group === g.id))).flatMap((b) => b.zones ?? []));
    g.targets.forEach((t, ti) => {
      if (t.zone !== undefined && zones.size > 0 && !zones.has(t.zone)) {
        errors.push(coded(`targetGroups[${gi}].targets[${ti}].zone`, 'val_zone_not_served', { zone: t.zone, group: g.id, zones: { list: [...zones], sep: 'comma' } }));
      }
    });
  });
  s.balancers.forEach((b, bi) => {
    for (const d of duplicates(b.zones ?? [])) errors.push(coded(`balancers[${bi}].zones`, 'val_zone_twice', { zone: d }));
  });
  for (const d of duplicates(s.deployments.map((x) => x.id))) errors.push(coded('deployments', 'val_duplicate_deployment', { id: d }));
  if (s.traffic.sessions === undefined) {
    (s.traffic.mix ?? []).forEach((m, mi) => {
      if (m.cart !== 'none') errors.push(coded(`traffic.mix[${mi}].cart`, 'val_carts_need_sessions'));
    });
  }
  s.deployments.forEach((d, di) => {
    const b = s.balancers.find((x) => x.id === d.balancer);
    if (!b) errors.push(coded(`deployments[${di}].balancer`, 'val_no_balancer', { id: d.balancer }));
    else if (d.port !== undefined && !b.listeners.some((l) => l.port === d.port)) errors.push(coded(`deployments[${di}].port`, 'val_deploy_port', { balancer: d.balancer, port: String(d.port) }));
    for (const k of ['from', 'to'] as const) {
      if (!s.targetGroups.some((g) => g.id === d[k])) errors.push(coded(`deployments[${di}].${k}`, 'val_no_group', { id: d[k] }));
    }
    if (d.from === d.to) errors.push(coded(`deployments[${di}].to`, 'val_deploy_same'));
  });
  const knownTypes = new Set([...Object.keys(DEFAULT_INSTANCE_TYPES), ...Object.keys(s.instanceTypes)]);
  s.targetGroups.forEach((g, gi) =>
    g.targets.forEach((t, ti) => {
      if (!knownTypes.has(t.instanceType)) errors.push(coded(`targetGroups[${gi}].targets[${ti}].instanceType`, 'val_unknown_type_known', { type: t.instanceType, known: { list: [...knownTypes], sep: 'comma' } }));
    }),
  );
  for (const d of duplicates(s.scalingGroups.map((x) => x.id))) errors.push(coded('scalingGroups', 'val_duplicate_scaling_group', { id: d }));
  const managed = new Set<string>();
  s.scalingGroups.forEach((a, ai) => {
    const at = `scalingGroups[${ai}]`;
    const g = s.targetGroups.find((x) => x.id === a.targetGroup);
    if (!g) errors.push(coded(`${at}.targetGroup`, 'val_no_group', { id: a.targetGroup }));
    else if (managed.has(g.id)) errors.push(coded(`${at}.targetGroup`, 'val_group_managed', { group: g.id }));
    managed.add(a.targetGroup);
    if (a.min > a.max) errors.push(coded(`${at}.min`, 'val_min_above_max', { min: a.min, max: a.max }));
    const start = a.desired ?? g?.targets.length ?? 0;
    if (start < a.min || start > a.max) errors.push(coded(a.desired === undefined ? `${at}.targetGroup` : `${at}.desired`, 'val_desired_capacity', { desired: start, min: a.min, max: a.max }));
    if (a.instanceType !== undefined && !knownTypes.has(a.instanceType)) errors.push(coded(`${at}.instanceType`, 'val_unknown_type', { type: a.instanceType }));
    a.policies.forEach((p, pi) => {
      if (p.kind === 'step') {
        const e = stepBoundsCode(p.steps);
        if (e) errors.push(coded(`${at}.policies[${pi}].steps`, e.code, e.params));
      }
      if (p.kind === 'scheduled') {
        p.actions.forEach((x, xi) => {
          const e = x.recurrence === undefined ? null : cronError(x.recurrence);
          if (e) errors.push({ ...e, path: `${at}.policies[${pi}].actions[${xi}].recurrence` });
          if (x.recurrence === undefined && x.atSec === undefined) errors.push(coded(`${at}.policies[${pi}].actions[${xi}]`, 'val_scheduled_needs'));
        });
      }
    });
  });
  const dbIds = new Set(s.databases.map((d) => d.id));
  for (const d of duplicates(s.databases.map((x) => x.id))) errors.push(coded('databases', 'val_duplicate_database', { id: d }));
  s.targetGroups.forEach((g, gi) => {
    if (g.database !== undefined && !dbIds.has(g.database.id)) errors.push(coded(`targetGroups[${gi}].database.id`, 'val_no_database', { id: g.database.id }));
  });
  if (s.dns !== undefined) {
    if (s.traffic.balancer !== undefined) errors.push(coded('traffic.balancer', 'val_dns_traffic_balancer'));
    for (const d of duplicates(s.dns.records.map((r) => r.id))) errors.push(coded('dns.records', 'val_duplicate_record', { id: d }));
    s.dns.records.forEach((r, ri) => {
      if (!balancerIds.has(r.balancer)) errors.push(coded(`dns.records[${ri}].balancer`, 'val_no_balancer', { id: r.balancer }));
      if (s.dns!.policy === 'failover' && r.failover === undefined && ri > 1) errors.push(coded(`dns.records[${ri}].failover`, 'val_failover_record'));
    });
    if (s.dns.policy === 'failover' && s.dns.records.length > 2) errors.push(coded('dns.records', 'val_failover_two'));
    if (s.dns.policy === 'failover' && s.dns.records.filter((r) => r.failover === 'primary').length > 1) errors.push(coded('dns.records', 'val_one_primary'));
  }
  return errors;
}

/**
 * Rules on the resolved health check (preset values included): AWS refuses timeout ≥ interval; HAProxy
 * allows a timeout equal to `inter` (its default when `timeout check` is unset), never longer.
 */
function checkHealthCheck(input: HealthCheckInput, at: string): ValidationError[] {
  const hc = resolveHealthCheck(input);
  const breaches = awsLimitBreaches(hc);
  if (breaches.length > 0) return breaches.map((b) => ({ path: `${at}.${b.field}`, message: b.message, code: b.code, params: b.params }));
  if (hc.model === 'rise-fall' ? hc.timeoutSec > hc.intervalSec : hc.timeoutSec >= hc.intervalSec) {
    return [coded(`${at}.timeoutSec`, hc.model === 'rise-fall' ? 'val_hc_timeout_at_most' : 'val_hc_timeout_shorter', { timeout: hc.timeoutSec, interval: hc.intervalSec })];
  }
  return [];
}

function checkChangeRefs(c: Change, s: Scenario, at: string, targetIds: Set<string>, groupIds: Set<string>): ValidationError[] {
  if ('target' in c && !targetIds.has(c.target)) return [coded(`${at}.target`, 'val_no_target', { id: c.target })];
  if ('group' in c && !groupIds.has(c.group)) return [coded(`${at}.group`, 'val_no_group', { id: c.group })];
  if (c.action === 'set-health-check' && c.healthCheck) return checkHealthCheck(c.healthCheck, `${at}.healthCheck`);
  if ('balancer' in c && !s.balancers.some((b) => b.id === c.balancer)) return [coded(`${at}.balancer`, 'val_no_balancer', { id: c.balancer })];
  if ('zone' in c) {
    const zones = new Set([...s.balancers.flatMap((b) => b.zones ?? []), ...s.targetGroups.flatMap((g) => g.targets.flatMap((t) => (t.zone ? [t.zone] : [])))]);
    if (!zones.has(c.zone)) return [zones.size ? coded(`${at}.zone`, 'val_no_zone_known', { zone: c.zone, zones: { list: [...zones], sep: 'comma' } }) : coded(`${at}.zone`, 'val_no_zone', { zone: c.zone })];
  }
  if (c.action === 'set-forward-weights') {
    if (!s.balancers.some((b) => b.id === c.balancer)) return [coded(`${at}.balancer`, 'val_no_balancer', { id: c.balancer })];
    const bad = c.weights.findIndex((w) => !groupIds.has(w.group));
    if (bad >= 0) return [coded(`${at}.weights[${bad}].group`, 'val_no_group', { id: c.weights[bad].group })];
    if (c.weights.every((w) => w.weight === 0)) return [coded(`${at}.weights`, 'val_weights_zero')];
  }
  if ((c.action === 'crash-session-store' || c.action === 'recover-session-store') && s.targetGroups.find((g) => g.id === c.group)?.sessionStore.kind !== 'shared') {
    return [coded(`${at}.group`, 'val_no_shared_store', { group: c.group })];
  }
  if (c.action === 'set-target-count' && s.scalingGroups.some((a) => a.targetGroup === c.group)) {
    return [coded(`${at}.group`, 'val_count_scaling', { group: c.group })];
  }
  if (c.action === 'set-capacity') {
    const a = s.scalingGroups.find((x) => x.id === c.scalingGroup);
    if (!a) return [coded(`${at}.scalingGroup`, 'val_no_scaling_group', { id: c.scalingGroup })];
    const min = c.min ?? a.min;
    const max = c.max ?? a.max;
    if (min > max) return [coded(`${at}.min`, 'val_min_above_max', { min, max })];
    if (c.desired !== undefined && (c.desired < min || c.desired > max)) return [coded(`${at}.desired`, 'val_desired_outside', { desired: c.desired, min, max })];
  }
  if (c.action === 'db-failover' && !s.databases.some((d) => d.id === c.database)) return [coded(`${at}.database`, 'val_no_database', { id: c.database })];
  if (c.action === 'swap-cnames') {
    if (s.dns === undefined) return [coded(`${at}.action`, 'val_swap_needs_dns')];
    for (const k of ['source', 'destination'] as const) if (!s.balancers.some((b) => b.id === c[k])) return [coded(`${at}.${k}`, 'val_no_balancer', { id: c[k] })];
    if (c.source === c.destination) return [coded(`${at}.destination`, 'val_swap_same')];
  }
  if ('region' in c && !s.balancers.some((b) => b.region === c.region)) return [coded(`${at}.region`, 'val_no_region', { region: c.region })];
  if (c.action === 'set-rate' && s.traffic.arrival.kind === 'closed') {
    return [coded(`${at}.action`, 'val_rate_closed')];
  }
  if (c.action === 'set-rate' && s.traffic.arrival.kind === 'replay') {
    return [coded(`${at}.action`, 'val_rate_replay')];
  }
  if (c.action === 'set-weight') {
    const g = s.targetGroups.find((x) => x.targets.some((t) => t.id === c.target));
    if (g && HAPROXY_ALGORITHMS.includes(g.algorithm) && (!Number.isInteger(c.weight) || c.weight > LIMITS.maxHaproxyWeight)) {
      return [coded(`${at}.weight`, 'val_haproxy_weight', { max: LIMITS.maxHaproxyWeight, weight: c.weight })];
    }
  }
  return [];
}

/** Brings an older document up to the current schemaVersion (v1 is the first; nothing to migrate yet). */
export function migrate(raw: unknown): Validated<unknown> {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    return { ok: false, errors: [coded('(root)', 'val_not_object', { got: gotOf(raw) })] };
  }
  const version = (raw as Record<string, unknown>).schemaVersion;
  if (version === undefined) return { ok: false, errors: [coded('schemaVersion', 'val_version_required', { version: SCHEMA_VERSION })] };
  if (typeof version === 'number' && version > SCHEMA_VERSION) {
    return { ok: false, errors: [coded('schemaVersion', 'val_version_newer', { got: version, version: SCHEMA_VERSION })] };
  }
  return { ok: true, value: raw };
}

/** Validates a whole scenario document. */
export function validateScenario(raw: unknown): Validated<Scenario> {
  return validateDocument(raw, true);
}

/** A whole scenario document; with `checkEvents`, its scheduled events too (in time order, patches applied). */
function validateDocument(raw: unknown, checkEvents: boolean): Validated<Scenario> {
  const migrated = migrate(raw);
  if (!migrated.ok) return migrated;
  const parsed = ScenarioSchema.safeParse(migrated.value);
  if (!parsed.success) return { ok: false, errors: capped(fromZod(parsed.error.issues, migrated.value)) };
  const errors = crossCheck(parsed.data, checkEvents);
  return errors.length > 0 ? { ok: false, errors: capped(errors) } : { ok: true, value: parsed.data };
}

const MAX_ERRORS = 100;

/** At most MAX_ERRORS errors and a last line counting the rest, so a huge broken file stays readable. */
function capped(errors: ValidationError[]): ValidationError[] {
  if (errors.length <= MAX_ERRORS) return errors;
  return [...errors.slice(0, MAX_ERRORS), coded('(root)', 'val_more_errors', { count: errors.length - MAX_ERRORS })];
}

/**
 * Validates a live change against the scenario it will be applied to. `live` lists the ids that exist
 * now (targets added by set-target-count included); without it, the scenario's own ids are used.
 */
export function validateChange(raw: unknown, scenario: Scenario, live?: { targets: readonly string[]; groups: readonly string[] }): Validated<Change> {
  const parsed = ChangeSchema.safeParse(raw);
  if (!parsed.success) return { ok: false, errors: fromZod(parsed.error.issues, raw) };
  const targetIds = new Set(live?.targets ?? scenario.targetGroups.flatMap((g) => g.targets.map((t) => t.id)));
  const groupIds = new Set(live?.groups ?? scenario.targetGroups.map((g) => g.id));
  const errors = checkChangeRefs(parsed.data, scenario, '(change)', targetIds, groupIds);
  return errors.length > 0 ? { ok: false, errors } : { ok: true, value: parsed.data };
}

/** Parses JSON text and validates it; a syntax error is reported with its position. */
export function parseScenarioText(text: string): Validated<Scenario> {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    return { ok: false, errors: [coded('(root)', 'val_not_json', { reason: (e as Error).message })] };
  }
  return validateScenario(raw);
}

/** One line per error, for the CLI and for messages on screen. */
export function formatErrors(errors: readonly ValidationError[]): string {
  return errors.map((e) => `${e.path}: ${e.message}`).join('\n');
}
