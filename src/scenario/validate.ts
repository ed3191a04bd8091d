/**
 * Turns untrusted JSON (a file, a share link, a lesson, `--set` overrides) into a checked Scenario,
 * or into a list of precise errors — each with the JSON path and the reason. Never throws on bad input.
 */
import { ChangeSchema, SCHEMA_VERSION, ScenarioSchema, type Change, type HealthCheckInput, type Scenario } from './schema.ts';
import { resolveHealthCheck } from './health-presets.ts';
import { awsLimitBreaches } from './health-limits.ts';
import { DEFAULT_INSTANCE_TYPES } from './instance-types.ts';
import { stepBoundsError } from './step-bounds.ts';
import { cronError } from './cron.ts';
import { HAPROXY_ALGORITHMS, HASH_ALGORITHMS } from './algorithm-names.ts';
import { checkBalancing } from './check-balancing.ts';
import { checkInspection } from './check-inspection.ts';
import { REPLAY_HAS_NO_RATE, checkReplay } from './check-replay.ts';
import { LIMITS } from './limits.ts';
import { applyPatches } from './json-patch.ts';
import { describe, formatPath, fromZod } from './zod-errors.ts';
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

  for (const d of duplicates(s.balancers.map((b) => b.id))) errors.push({ path: 'balancers', message: `duplicate balancer id "${d}"` });
  for (const d of duplicates(s.targetGroups.map((g) => g.id))) errors.push({ path: 'targetGroups', message: `duplicate target group id "${d}"` });
  const allTargets = s.targetGroups.flatMap((g) => g.targets.map((t) => t.id));
  for (const d of duplicates(allTargets)) errors.push({ path: 'targetGroups', message: `duplicate target id "${d}" (target ids are unique across all groups)` });

  const classNames = new Set((s.traffic.mix ?? [{ name: 'default' }]).map((m) => m.name));
  s.targetGroups.forEach((g, gi) => {
    totalTargets += g.targets.length;
    g.targets.forEach((t, ti) => {
      for (const cls of Object.keys(t.serviceTimeByClass)) {
        if (!classNames.has(cls)) errors.push({ path: `targetGroups[${gi}].targets[${ti}].serviceTimeByClass.${cls}`, message: `no request class "${cls}" in traffic.mix` });
      }
    });
    if (g.targets.every((t) => t.weight === 0 || t.down === true)) {
      const why = g.targets.some((t) => t.down === true) ? 'every target is down or has weight 0' : 'every target has weight 0';
      errors.push({ path: `targetGroups[${gi}].targets`, message: `${why}, so no request could ever be sent` });
    }
    if (!HASH_ALGORITHMS.includes(g.algorithm) && g.hashKey !== 'client-ip') {
      errors.push({ path: `targetGroups[${gi}].hashKey`, message: `only hash algorithms use a hashKey; "${g.algorithm}" does not` });
    }
    if (g.healthCheck) errors.push(...checkHealthCheck(g.healthCheck, `targetGroups[${gi}].healthCheck`));
    if (g.algorithm === 'ip-hash' && g.hashKey !== 'client-ip') {
      errors.push({ path: `targetGroups[${gi}].hashKey`, message: 'ip-hash always hashes the client address; use "hash" for other keys' });
    }
  });
  if (totalTargets > LIMITS.maxTargetsTotal) {
    errors.push({ path: 'targetGroups', message: `${totalTargets} targets in all; at most ${LIMITS.maxTargetsTotal}` });
  }

  s.balancers.forEach((b, bi) => {
    const ports = b.listeners.map((l) => l.port);
    for (const d of duplicates(ports.map(String))) errors.push({ path: `balancers[${bi}].listeners`, message: `two listeners on port ${d}` });
    b.listeners.forEach((l, li) => {
      const at = `balancers[${bi}].listeners[${li}]`;
      if (b.layer === 4 && l.rules.length > 0) {
        errors.push({ path: `${at}.rules`, message: 'a layer-4 balancer sees only addresses and ports, so it cannot have path, host or header rules' });
      }
      if (b.layer === 4 && (l.protocol === 'http' || l.protocol === 'https')) {
        errors.push({ path: `${at}.protocol`, message: `a layer-4 listener speaks tcp, tls or udp, not ${l.protocol}` });
      }
      if (b.layer === 7 && l.protocol !== 'http' && l.protocol !== 'https') {
        errors.push({ path: `${at}.protocol`, message: `a layer-7 listener speaks http or https, not ${l.protocol}` });
      }
      l.rules.forEach((r, ri) => {
        if (!groupIds.has(r.forward)) errors.push({ path: `${at}.rules[${ri}].forward`, message: `no target group with id "${r.forward}"` });
      });
      if (l.defaultForward !== undefined && !groupIds.has(l.defaultForward)) {
        errors.push({ path: `${at}.defaultForward`, message: `no target group with id "${l.defaultForward}"` });
      }
      if (l.tls?.mode === 'passthrough' && b.layer === 7) {
        errors.push({ path: `${at}.tls.mode`, message: 'a layer-7 balancer must terminate TLS to read requests; passthrough needs a layer-4 balancer' });
      }
      if (l.tls && (l.protocol === 'http' || l.protocol === 'tcp' || l.protocol === 'udp')) {
        errors.push({ path: `${at}.tls`, message: `a ${l.protocol} listener does not speak TLS; use https or tls` });
      }
      l.weightedForward?.forEach((w, wi) => {
        if (!groupIds.has(w.group)) errors.push({ path: `${at}.weightedForward[${wi}].group`, message: `no target group with id "${w.group}"` });
      });
      if (l.weightedForward && l.weightedForward.every((w) => w.weight === 0)) errors.push({ path: `${at}.weightedForward`, message: 'every weight is 0, so no request could be forwarded' });
      if (l.defaultForward === undefined && l.weightedForward === undefined && (b.layer === 4 || l.rules.length === 0)) {
        errors.push({ path: `${at}.defaultForward`, message: 'is required: without rules every request needs a default target group' });
      }
    });
    if (b.layer === 4) {
      for (const l of b.listeners) {
        const g = s.targetGroups.find((x) => x.id === l.defaultForward);
        if (g && HASH_ALGORITHMS.includes(g.algorithm) && g.hashKey !== 'client-ip') {
          errors.push({ path: `balancers[${bi}]`, message: `layer 4 cannot hash by ${g.hashKey}: it only sees the client address` });
        }
      }
    }
  });

  if (s.traffic.balancer !== undefined && !s.balancers.some((b) => b.id === s.traffic.balancer)) {
    errors.push({ path: 'traffic.balancer', message: `no balancer with id "${s.traffic.balancer}"` });
  }
  const entry = s.balancers.find((b) => b.id === s.traffic.balancer) ?? s.balancers[0];
  s.traffic.mix?.forEach((m, mi) => {
    if (m.port !== undefined && !entry.listeners.some((l) => l.port === m.port)) {
      errors.push({ path: `traffic.mix[${mi}].port`, message: `balancer "${entry.id}" has no listener on port ${m.port}` });
    }
  });
  for (const d of duplicates((s.traffic.mix ?? []).map((m) => m.name))) errors.push({ path: 'traffic.mix', message: `duplicate request class "${d}"` });
  if (s.traffic.arrival.kind === 'closed' && s.traffic.profile) {
    errors.push({ path: 'traffic.profile', message: 'a rate profile applies to poisson or constant arrivals, not to closed-loop users' });
  }
  s.traffic.attacks.forEach((a, ai) => {
    if (a.class !== undefined && !(s.traffic.mix ?? []).some((m) => m.name === a.class)) errors.push({ path: `traffic.attacks[${ai}].class`, message: `no request class "${a.class}" in traffic.mix` });
  });
  s.traffic.profile?.forEach((p, i, all) => {
    if (i > 0 && p.atSec < all[i - 1].atSec) errors.push({ path: `traffic.profile[${i}].atSec`, message: 'profile points must be in time order' });
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
      errors.push(...patched.errors.map((x) => ({ path: at, message: `at ${e.atSec} s, ${x.path}: ${x.message}` })));
      continue;
    }
    const checked = validateDocument(patched.value, false);
    if (!checked.ok) {
      errors.push(...checked.errors.map((x) => ({ path: at, message: `at ${e.atSec} s, the patched scenario's ${x.path}: ${x.message}` })));
      continue;
    }
    if (JSON.stringify(checked.value.events) !== JSON.stringify(world.events) || checked.value.seed !== world.seed) {
      errors.push({ path: at, message: 'a scheduled patch cannot change the scheduled events or the seed' });
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
        errors.push({ path: `targetGroups[${gi}].targets[${ti}].zone`, message: `zone "${t.zone}" is not one of the zones of the balancers that forward to ${g.id} (${[...zones].join(', ')})` });
      }
    });
  });
  s.balancers.forEach((b, bi) => {
    for (const d of duplicates(b.zones ?? [])) errors.push({ path: `balancers[${bi}].zones`, message: `zone "${d}" listed twice` });
  });
  for (const d of duplicates(s.deployments.map((x) => x.id))) errors.push({ path: 'deployments', message: `duplicate deployment id "${d}"` });
  if (s.traffic.sessions === undefined) {
    (s.traffic.mix ?? []).forEach((m, mi) => {
      if (m.cart !== 'none') errors.push({ path: `traffic.mix[${mi}].cart`, message: 'carts live in sessions: add traffic.sessions' });
    });
  }
  s.deployments.forEach((d, di) => {
    const b = s.balancers.find((x) => x.id === d.balancer);
    if (!b) errors.push({ path: `deployments[${di}].balancer`, message: `no balancer with id "${d.balancer}"` });
    else if (d.port !== undefined && !b.listeners.some((l) => l.port === d.port)) errors.push({ path: `deployments[${di}].port`, message: `${d.balancer} has no listener on port ${d.port}` });
    for (const k of ['from', 'to'] as const) {
      if (!s.targetGroups.some((g) => g.id === d[k])) errors.push({ path: `deployments[${di}].${k}`, message: `no target group with id "${d[k]}"` });
    }
    if (d.from === d.to) errors.push({ path: `deployments[${di}].to`, message: 'a deployment moves traffic between two different groups' });
  });
  const knownTypes = new Set([...Object.keys(DEFAULT_INSTANCE_TYPES), ...Object.keys(s.instanceTypes)]);
  s.targetGroups.forEach((g, gi) =>
    g.targets.forEach((t, ti) => {
      if (!knownTypes.has(t.instanceType)) errors.push({ path: `targetGroups[${gi}].targets[${ti}].instanceType`, message: `unknown instance type "${t.instanceType}" (known: ${[...knownTypes].join(', ')})` });
    }),
  );
  for (const d of duplicates(s.scalingGroups.map((x) => x.id))) errors.push({ path: 'scalingGroups', message: `duplicate scaling group id "${d}"` });
  const managed = new Set<string>();
  s.scalingGroups.forEach((a, ai) => {
    const at = `scalingGroups[${ai}]`;
    const g = s.targetGroups.find((x) => x.id === a.targetGroup);
    if (!g) errors.push({ path: `${at}.targetGroup`, message: `no target group with id "${a.targetGroup}"` });
    else if (managed.has(g.id)) errors.push({ path: `${at}.targetGroup`, message: `${g.id} already belongs to another scaling group` });
    managed.add(a.targetGroup);
    if (a.min > a.max) errors.push({ path: `${at}.min`, message: `min (${a.min}) is above max (${a.max})` });
    const start = a.desired ?? g?.targets.length ?? 0;
    if (start < a.min || start > a.max) errors.push({ path: a.desired === undefined ? `${at}.targetGroup` : `${at}.desired`, message: `desired capacity ${start} is outside [${a.min}, ${a.max}]` });
    if (a.instanceType !== undefined && !knownTypes.has(a.instanceType)) errors.push({ path: `${at}.instanceType`, message: `unknown instance type "${a.instanceType}"` });
    a.policies.forEach((p, pi) => {
      if (p.kind === 'step') {
        const e = stepBoundsError(p.steps);
        if (e) errors.push({ path: `${at}.policies[${pi}].steps`, message: e });
      }
      if (p.kind === 'scheduled') {
        p.actions.forEach((x, xi) => {
          const e = x.recurrence === undefined ? null : cronError(x.recurrence);
          if (e) errors.push({ path: `${at}.policies[${pi}].actions[${xi}].recurrence`, message: e });
          if (x.recurrence === undefined && x.atSec === undefined) errors.push({ path: `${at}.policies[${pi}].actions[${xi}]`, message: 'a scheduled action needs a recurrence (cron) or atSec' });
        });
      }
    });
  });
  const dbIds = new Set(s.databases.map((d) => d.id));
  for (const d of duplicates(s.databases.map((x) => x.id))) errors.push({ path: 'databases', message: `duplicate database id "${d}"` });
  s.targetGroups.forEach((g, gi) => {
    if (g.database !== undefined && !dbIds.has(g.database.id)) errors.push({ path: `targetGroups[${gi}].database.id`, message: `no database with id "${g.database.id}"` });
  });
  if (s.dns !== undefined) {
    if (s.traffic.balancer !== undefined) errors.push({ path: 'traffic.balancer', message: 'with a dns name, clients find their balancer through DNS; remove traffic.balancer' });
    for (const d of duplicates(s.dns.records.map((r) => r.id))) errors.push({ path: 'dns.records', message: `duplicate record id "${d}"` });
    s.dns.records.forEach((r, ri) => {
      if (!balancerIds.has(r.balancer)) errors.push({ path: `dns.records[${ri}].balancer`, message: `no balancer with id "${r.balancer}"` });
      if (s.dns!.policy === 'failover' && r.failover === undefined && ri > 1) errors.push({ path: `dns.records[${ri}].failover`, message: 'a failover record is "primary" or "secondary"' });
    });
    if (s.dns.policy === 'failover' && s.dns.records.length > 2) errors.push({ path: 'dns.records', message: 'a failover name has one primary and one secondary record' });
    if (s.dns.policy === 'failover' && s.dns.records.filter((r) => r.failover === 'primary').length > 1) errors.push({ path: 'dns.records', message: 'only one record can be the primary' });
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
  if (breaches.length > 0) return breaches.map((b) => ({ path: `${at}.${b.field}`, message: b.message }));
  if (hc.model === 'rise-fall' ? hc.timeoutSec > hc.intervalSec : hc.timeoutSec >= hc.intervalSec) {
    const bound = hc.model === 'rise-fall' ? 'at most' : 'shorter than';
    return [{ path: `${at}.timeoutSec`, message: `the timeout (${hc.timeoutSec} s) must be ${bound} the interval (${hc.intervalSec} s), or checks would overlap` }];
  }
  return [];
}

function checkChangeRefs(c: Change, s: Scenario, at: string, targetIds: Set<string>, groupIds: Set<string>): ValidationError[] {
  if ('target' in c && !targetIds.has(c.target)) return [{ path: `${at}.target`, message: `no target with id "${c.target}"` }];
  if ('group' in c && !groupIds.has(c.group)) return [{ path: `${at}.group`, message: `no target group with id "${c.group}"` }];
  if (c.action === 'set-health-check' && c.healthCheck) return checkHealthCheck(c.healthCheck, `${at}.healthCheck`);
  if ('balancer' in c && !s.balancers.some((b) => b.id === c.balancer)) return [{ path: `${at}.balancer`, message: `no balancer with id "${c.balancer}"` }];
  if ('zone' in c) {
    const zones = new Set([...s.balancers.flatMap((b) => b.zones ?? []), ...s.targetGroups.flatMap((g) => g.targets.flatMap((t) => (t.zone ? [t.zone] : [])))]);
    if (!zones.has(c.zone)) return [{ path: `${at}.zone`, message: `no zone named "${c.zone}"${zones.size ? ` (zones: ${[...zones].join(', ')})` : ''}` }];
  }
  if (c.action === 'set-forward-weights') {
    if (!s.balancers.some((b) => b.id === c.balancer)) return [{ path: `${at}.balancer`, message: `no balancer with id "${c.balancer}"` }];
    const bad = c.weights.findIndex((w) => !groupIds.has(w.group));
    if (bad >= 0) return [{ path: `${at}.weights[${bad}].group`, message: `no target group with id "${c.weights[bad].group}"` }];
    if (c.weights.every((w) => w.weight === 0)) return [{ path: `${at}.weights`, message: 'every weight is 0, so no request could be forwarded' }];
  }
  if ((c.action === 'crash-session-store' || c.action === 'recover-session-store') && s.targetGroups.find((g) => g.id === c.group)?.sessionStore.kind !== 'shared') {
    return [{ path: `${at}.group`, message: `${c.group} has no shared session store` }];
  }
  if (c.action === 'set-target-count' && s.scalingGroups.some((a) => a.targetGroup === c.group)) {
    return [{ path: `${at}.group`, message: `${c.group} belongs to a scaling group: change its capacity with set-capacity` }];
  }
  if (c.action === 'set-capacity') {
    const a = s.scalingGroups.find((x) => x.id === c.scalingGroup);
    if (!a) return [{ path: `${at}.scalingGroup`, message: `no scaling group with id "${c.scalingGroup}"` }];
    const min = c.min ?? a.min;
    const max = c.max ?? a.max;
    if (min > max) return [{ path: `${at}.min`, message: `min (${min}) is above max (${max})` }];
    if (c.desired !== undefined && (c.desired < min || c.desired > max)) return [{ path: `${at}.desired`, message: `desired ${c.desired} is outside [${min}, ${max}]` }];
  }
  if (c.action === 'db-failover' && !s.databases.some((d) => d.id === c.database)) return [{ path: `${at}.database`, message: `no database with id "${c.database}"` }];
  if (c.action === 'swap-cnames') {
    if (s.dns === undefined) return [{ path: `${at}.action`, message: 'swap-cnames swaps where the DNS name points: add a dns name' }];
    for (const k of ['source', 'destination'] as const) if (!s.balancers.some((b) => b.id === c[k])) return [{ path: `${at}.${k}`, message: `no balancer with id "${c[k]}"` }];
    if (c.source === c.destination) return [{ path: `${at}.destination`, message: 'a swap needs two different balancers' }];
  }
  if ('region' in c && !s.balancers.some((b) => b.region === c.region)) return [{ path: `${at}.region`, message: `no balancer in region "${c.region}"` }];
  if (c.action === 'set-rate' && s.traffic.arrival.kind === 'closed') {
    return [{ path: `${at}.action`, message: 'set-rate needs poisson or constant arrivals; closed-loop traffic has users, not a rate' }];
  }
  if (c.action === 'set-rate' && s.traffic.arrival.kind === 'replay') {
    return [{ path: `${at}.action`, message: `set-rate needs poisson or constant arrivals; ${REPLAY_HAS_NO_RATE}` }];
  }
  if (c.action === 'set-weight') {
    const g = s.targetGroups.find((x) => x.targets.some((t) => t.id === c.target));
    if (g && HAPROXY_ALGORITHMS.includes(g.algorithm) && (!Number.isInteger(c.weight) || c.weight > LIMITS.maxHaproxyWeight)) {
      return [{ path: `${at}.weight`, message: `HAProxy weights are whole numbers from 0 to ${LIMITS.maxHaproxyWeight}, got ${c.weight}` }];
    }
  }
  return [];
}

/** Brings an older document up to the current schemaVersion (v1 is the first; nothing to migrate yet). */
export function migrate(raw: unknown): Validated<unknown> {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    return { ok: false, errors: [{ path: '(root)', message: `a scenario must be a JSON object, got ${describe(raw)}` }] };
  }
  const version = (raw as Record<string, unknown>).schemaVersion;
  if (version === undefined) return { ok: false, errors: [{ path: 'schemaVersion', message: `is required (the current version is ${SCHEMA_VERSION})` }] };
  if (typeof version === 'number' && version > SCHEMA_VERSION) {
    return { ok: false, errors: [{ path: 'schemaVersion', message: `${version} is newer than this app understands (${SCHEMA_VERSION}); update Balancer Lab` }] };
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
  return [...errors.slice(0, MAX_ERRORS), { path: '(root)', message: `and ${errors.length - MAX_ERRORS} more errors` }];
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
    return { ok: false, errors: [{ path: '(root)', message: `not valid JSON: ${(e as Error).message}` }] };
  }
  return validateScenario(raw);
}

/** One line per error, for the CLI and for messages on screen. */
export function formatErrors(errors: readonly ValidationError[]): string {
  return errors.map((e) => `${e.path}: ${e.message}`).join('\n');
}
