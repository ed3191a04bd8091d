/**
 * The explanation recorder: an optional plug-in that listens at the one-line hooks of request/ (see
 * hooks.ts) and writes the journey of the requests it watches — the DNS answer, the balancer node and
 * zone, the listener rule and target group, how the target was chosen with the numbers compared (pick.ts),
 * time queued, in service, at the session store and database, each failed attempt, retry and timeout, and
 * the outcome with its reason. It only reads the state (no random draws, no writes), so the run is the same
 * with or without it. Watching one id costs a comparison per request; watching all keeps the last `keep`
 * finished journeys (bounded memory). It also keeps notable requests for the lab's lists (notable.ts). Why a
 * request ended as it did is outcome-why.ts.
 */
import type { SimState } from '../state.ts';
import type { ExplainHooks } from './hooks.ts';
import { FAIL, OUTCOME_OK, TARGET_STATES, outcomeName } from '../types.ts';
import { REQ_QUEUED, FLAG_WILL_ERROR, FLAG_ATTACK } from '../request/pool.ts';
import { TARGET_CRASHED, TARGET_HUNG } from '../backend/targets.ts';
import { quantile } from '../core/distributions.ts';
import { ruleMatches } from '../balancer/router.ts';
import { formatIpv4 } from '../traffic/clients.ts';
import { explainPick, pickBefore, type PickBefore } from './pick.ts';
import { STATUS_OF, num, sec, type Journey, type JourneyStep, type StepKind } from './journey.ts';
import { NotableRequests } from './notable.ts';
import { outcomeWhy, retryCovers } from './outcome-why.ts';
import { workers } from '../network/inspection.ts';

export interface RecorderOptions {
  /** Request ids to record; absent with `all` false: record none (only notable requests are kept). */
  ids?: Iterable<number>;
  /** Record every request (tests; costly). */
  all?: boolean;
  /** Finished journeys kept when recording all (oldest dropped first). Default 1000. */
  keep?: number;
  /** Keep lists of failed, slowest and retried requests. Default true. */
  notable?: boolean;
}

interface Open {
  journey: Journey;
  client: number;
  balancer: number;
  sentAtMs: number;
  before: PickBefore | null;
  /** The sticky binding to announce after a pick. */
  stickyNote: string;
}

export class JourneyRecorder implements ExplainHooks<SimState> {
  private readonly watch: Set<number>;
  private readonly all: boolean;
  readonly recordsJourneys: boolean;
  private readonly keep: number;
  private readonly open = new Map<number, Open>();
  private readonly done = new Map<number, Journey>();
  private focus: Open | null = null;
  private watchedDone = 0;
  readonly notable: NotableRequests | null;

  constructor(options: RecorderOptions = {}) {
    this.watch = new Set(options.ids ?? []);
    this.all = options.all ?? false;
    this.keep = options.keep ?? 1000;
    this.recordsJourneys = this.all || this.watch.size > 0;
    this.notable = options.notable === false ? null : new NotableRequests();
  }

  /** The journey of request `id`: finished, or as far as it got; null when it was not recorded. */
  journey(id: number): Journey | null {
    return this.done.get(id) ?? this.open.get(id)?.journey ?? null;
  }

  /** True once every watched id has finished. */
  finishedAll(): boolean {
    return this.watchedDone === this.watch.size;
  }

  private wants(id: number): boolean {
    return this.all || this.watch.has(id);
  }

  private step(o: Open, s: SimState, kind: StepKind, where: string, what: string, why: string, untilMs?: number): void {
    const st: JourneyStep = { atMs: s.nowMs, where, what, why, kind };
    if (untilMs !== undefined) st.untilMs = untilMs;
    o.journey.steps.push(st);
  }

  private of(s: SimState, slot: number): Open | null {
    return this.open.get(s.pool.id[slot]) ?? null;
  }

  arrived(s: SimState, slot: number): void {
    const id = s.pool.id[slot];
    if (!this.wants(id)) {
      this.focus = null;
      return;
    }
    const client = s.pool.client[slot];
    const cls = s.mix.classes[s.pool.cls[slot]];
    const o: Open = { journey: { id, outcome: 'in-flight', latencyMs: null, arrivalMs: s.nowMs, attempts: 1, steps: [] }, client, balancer: -1, sentAtMs: s.nowMs, before: null, stickyNote: '' };
    this.open.set(id, o);
    this.focus = o;
    const attack = (s.pool.flags[slot] & FLAG_ATTACK) !== 0;
    const how = attack ? 'sent by an attacking bot' : s.traffic.think !== null ? 'a closed-loop user finished thinking' : s.traffic.poisson ? 'an open-loop Poisson arrival' : 'an evenly spaced open-loop arrival';
    this.step(o, s, 'arrive', `client ${client} (${formatIpv4(s.clients.ip(client))})`, `request ${id} (${cls.name}: ${cls.host}${cls.path}) arrives`, `${how}; its service-time quantile u = ${num(s.pool.serviceU[slot])}`);
  }

  dnsAnswered(s: SimState, client: number, recordIndex: number, fromCache: boolean): void {
    const o = this.focus;
    const dns = s.dns;
    if (o === null || dns === null) return;
    const name = dns.config.name;
    if (recordIndex < 0) {
      this.step(o, s, 'dns', `resolver ${dns.resolvers.resolverOf(client)}`, `${name}: no answer (NODATA)`, fromCache ? 'a cached empty answer' : `Route 53 (${dns.config.policy} policy) has no healthy record to give`);
      return;
    }
    const rec = dns.config.records[recordIndex];
    const entry = dns.cachedFor(client, s.nowMs);
    const ttlLeft = entry === null ? 0 : entry.expiresAtMs - s.nowMs;
    const why = fromCache
      ? ttlLeft >= 0
        ? `cached answer fetched at ${sec(entry!.fetchedAtMs)}, TTL left ${sec(ttlLeft)}`
        : `cached answer past its TTL by ${sec(-ttlLeft)}: this resolver ignores TTLs`
      : `fresh answer from Route 53 (${dns.config.policy} policy, record ${rec.id} healthy), cached for ${dns.config.ttlSec} s`;
    const target = entry?.targets[entry.answer.indexOf(recordIndex)] ?? dns.targetOf(recordIndex);
    const swapped = target !== dns.targetOf(recordIndex) ? `; the record now points at ${dns.targetOf(recordIndex)} (CNAME swap), but this cached answer still says ${target}` : '';
    this.step(o, s, 'dns', `resolver ${dns.resolvers.resolverOf(client)}`, `${name} → ${target} (record ${rec.id})`, why + swapped);
    o.balancer = s.balancerById.get(target)?.index ?? -1;
  }

  nextAddress(s: SimState, _client: number, refused: number, next: number, tries: boolean): void {
    const o = this.focus;
    if (o === null) return;
    const first = s.balancers[refused];
    const why = !first.available(s.nowMs) ? `${first.id} is down` : `${first.id} passes connections through (layer 4) and no target of its group is up: a reset`;
    o.balancer = next >= 0 ? next : refused;
    if (next >= 0) this.step(o, s, 'dns', `client ${o.client}`, `tries the next address of the answer: ${s.balancers[next].id}`, `${why}, so the connection to ${first.id} was refused at once; clients try the next address of a DNS answer (traffic.clients.triesNextAddressShare)`);
    else if (tries) this.step(o, s, 'dns', `client ${o.client}`, `every address of the answer refuses: back to ${first.id}`, `${why}, and no other address of the answer takes the connection`);
    else this.step(o, s, 'dns', `client ${o.client}`, `stays with ${first.id}`, `${why}, but this client does not try the next address of an answer (traffic.clients.triesNextAddressShare)`);
  }

  routed(s: SimState, slot: number, balancer: number, node: number): void {
    const o = this.focus;
    if (o === null) return;
    const b = s.balancers[balancer];
    o.balancer = balancer;
    const zone = s.zoneNames[b.nodeZones[node]];
    const inZone = zone === undefined ? '' : ` in ${zone}`;
    const nodes = b.nodeZones.length;
    const nodeWhy = nodes === 1 ? 'a single node' : b.clientUntil !== null ? `the node this client resolved, kept until ${sec(b.clientUntil[o.client])} (node TTL ${b.cfg.nodeTtlSec} s)` : `node ${node}`;
    const standby = Number.isFinite(b.takeoverAtMs) ? '; the standby took over' : '';
    this.step(o, s, 'balancer', `${b.id} node ${node}${zone === undefined ? '' : ` (${zone})`}`, `reaches balancer ${b.id} (layer ${b.cfg.layer})${nodes > 1 ? ` at its node${inZone}` : ''}`, `${nodeWhy}${standby}; cross-zone balancing ${b.crossZone ? 'on: any zone' : `off: only targets${inZone}`}`);
    const c = s.pool.cls[slot];
    const cls = s.mix.classes[c];
    const listener = b.listenerOf[c];
    const group = s.groups[s.pool.group[slot]];
    let rule = '';
    for (let k = 0; k < listener.rules.length; k++) {
      const r = listener.rules[k];
      if (!ruleMatches(r.match, cls)) continue;
      if (r.match.cookie !== undefined && s.cookies.value(r.match.cookie.name, o.client) !== r.match.cookie.value) continue;
      rule = `rule ${k + 1} (${describeMatch(r.match)})`;
      break;
    }
    const weighted = b.weights.get(listener.port);
    const why = rule !== '' ? `${rule} is the first rule that matches ${cls.host}${cls.path}` : weighted !== undefined ? `no rule matched; the default action forwards by weight (${weighted.map((w) => `${w.group} ${w.weight}`).join(', ')})` : listener.rules.length === 0 ? 'the listener has no rules: its default action' : 'no rule matched: the default action';
    this.step(o, s, 'route', `${b.id} listener :${listener.port}`, `forwards to target group ${group.id} (${group.algorithmName})`, why);
  }

  inspected(s: SimState, balancer: number, appliance: number, newFlow: boolean, ms: number, waitMs: number, serviceMs: number): void {
    const o = this.focus;
    if (o === null) return;
    const ins = s.inspection?.[balancer] ?? null;
    if (ins === null) return;
    const group = s.groups[ins.group].id;
    const name = appliance < 0 ? 'no appliance' : s.store.ids[appliance];
    const how = newFlow ? `a new flow, hashed by its ${ins.cfg.stickiness} over the appliances in rotation` : `its flow's appliance (${ins.cfg.targetFailover})`;
    if (ms < 0) {
      const q = ins.queues.get(appliance);
      const why = appliance < 0 ? `${group} has no appliance in service` : waitMs < 0 && q !== undefined ? `${name}'s queue is full (${q.queueLimit} waiting for ${workers(q.concurrency)}): the appliance drops the flow` : `${name} is ${TARGET_STATES[s.store.state[appliance]]}: the GWLB drops the flow`;
      this.step(o, s, 'balancer', `GWLB ${group}`, `inspection by ${name} fails: the connection gets no answer`, `${how}; ${why}`);
    } else {
      this.step(o, s, 'balancer', `GWLB ${group}`, `inspected by appliance ${name} (+${num(ms)} ms)`, `${how}; GENEVE to the appliance and back in each direction, plus its inspection (${num(serviceMs)} ms)${waitMs > 0 ? ` after ${num(waitMs)} ms waiting for one of its workers` : ''}`);
    }
  }

  connection(s: SimState, client: number, group: number): void {
    const o = this.focus;
    if (o === null || o.balancer < 0) return;
    const b = s.balancers[o.balancer];
    const l4 = b.l4;
    if (l4 === null) return;
    const t = l4.target[client];
    const idle = s.nowMs - l4.lastUsedMs[client];
    const node = b.clientNode === null ? 0 : b.clientNode[client];
    const why = t < 0 ? 'the client has no open connection' : l4.node[client] !== node ? 'its connection was through another node of the balancer (each node keeps its own flows)' : l4.remaining[client] <= 0 ? `its connection used all ${l4.perConnection} requests` : idle > l4.idleMs ? `its connection was idle ${sec(idle)} (> ${sec(l4.idleMs)})` : s.store.inRotation[t] === 0 ? `its connection's target ${s.store.ids[t]} is out of rotation` : s.store.groupOf[t] !== group ? 'its connection is to another group' : '';
    if (why === '') this.step(o, s, 'choose', `${b.id} (layer 4)`, `keeps the client's open connection to ${s.store.ids[t]}`, `a layer-4 balancer sends every request of a connection to one target; ${l4.remaining[client]} requests left on it, idle ${sec(idle)}`);
    else this.step(o, s, 'choose', `${b.id} (layer 4)`, 'opens a new connection', why);
  }

  sticky(s: SimState, group: number, stuck: number, bound: number): void {
    const o = this.focus;
    if (o === null) return;
    const g = s.groups[group];
    const st = g.cfg.stickiness!;
    const sd = s.sessions!;
    const kind = st.kind === 'source-ip' ? `source-IP affinity (${formatIpv4(s.clients.ip(o.client))})` : `${st.kind} cookie`;
    if (bound >= 0) {
      const until = st.kind === 'source-ip' ? '' : `, expiring in ${sec(sd.stickyFor(group, g.cfg).until(o.client) - s.nowMs)} before this renewal`;
      this.step(o, s, 'choose', `target group ${g.id}`, `sticky: ${s.store.ids[bound]}`, `the ${kind} binds this client to ${s.store.ids[bound]}${until}; stickiness overrides ${g.algorithmName}`);
      return;
    }
    const why = stuck >= 0 ? `the ${kind} binds this client to ${s.store.ids[stuck]}, but it cannot take this request here (zone, passive health or circuit)` : `no live binding (none yet, expired, or its target left rotation)`;
    o.stickyNote = `${why}; the ${kind} now binds the client to the pick${st.kind === 'source-ip' ? '' : ` for ${st.durationSec} s`}`;
  }

  beforePick(s: SimState, group: number): void {
    if (this.focus !== null) this.focus.before = pickBefore(s, s.groups[group]);
  }

  picked(s: SimState, group: number, t: number, passes: number): void {
    const o = this.focus;
    if (o === null || o.before === null) return;
    const g = s.groups[group];
    const e = explainPick(s, g, o.before, t, passes, s.clients.ip(o.client));
    o.before = null;
    const why = o.stickyNote === '' ? e.why : `${e.why}; ${o.stickyNote}`;
    o.stickyNote = '';
    this.step(o, s, 'choose', `target group ${g.id}`, e.what, why);
  }

  sending(s: SimState, slot: number, t: number): void {
    const o = this.of(s, slot);
    if (o === null) return;
    const store = s.store;
    const id = store.ids[t];
    const g = s.groups[s.pool.group[slot]];
    o.sentAtMs = s.nowMs;
    const attempt = s.pool.attempt[slot];
    const zone = s.zoneNames[store.zoneOf[t]];
    const where = `target ${id}${zone === undefined ? '' : ` (${zone})`}`;
    const timeout = s.mix.longLived[s.pool.cls[slot]] === 1 ? 'a long-lived connection: no request timeout' : `request timeout ${sec(g.timeoutMs)}`;
    const label = attempt > 0 ? `attempt ${attempt + 1} is sent to ${id}` : `sent to ${id}`;
    if (store.state[t] === TARGET_CRASHED) this.step(o, s, 'send', where, `${label}: connection refused`, `${id} has crashed (502)`);
    else if (store.busy[t] < store.concurrency[t]) this.step(o, s, 'send', where, `${label}: a free slot`, `${store.busy[t]} of ${store.concurrency[t]} slots busy${store.state[t] === TARGET_HUNG ? `; but ${id} is hung: it takes requests and never answers` : ''}; ${timeout}`);
    else if (store.queued[t] < store.queueLimit[t]) this.step(o, s, 'send', where, `${label}: queued`, `all ${store.concurrency[t]} slots busy; ${store.queued[t]} waiting ahead of it (queue limit ${store.queueLimit[t]}); ${timeout}`);
    else this.step(o, s, 'send', where, `${label}: rejected`, `all ${store.concurrency[t]} slots busy and the queue is full (${store.queueLimit[t]} waiting): 503`);
  }

  serving(s: SimState, slot: number, t: number, serviceMs: number): void {
    const o = this.of(s, slot);
    if (o === null) return;
    const store = s.store;
    const pool = s.pool;
    const where = `target ${store.ids[t]}`;
    if (s.nowMs > o.sentAtMs) {
      o.journey.steps.push({ atMs: o.sentAtMs, untilMs: s.nowMs, where, kind: 'queue', what: `queued ${num(s.nowMs - o.sentAtMs)} ms`, why: 'waited for a free slot (first come, first served)' });
    }
    const c = pool.cls[slot];
    const now = s.nowMs;
    if (s.mix.longLived[c] === 1) {
      this.step(o, s, 'service', where, `a long-lived connection, open ${num(serviceMs)} ms`, 'its lifetime is drawn from the class\'s connection duration', now + serviceMs);
      return;
    }
    const i = t * store.classes + c;
    const base = quantile(store.svcKind[i], store.svcP1[i], store.svcP2[i], pool.serviceU[slot]);
    const appMs = ((base + pool.extraMs[slot]) * store.slowFactor[t]) / store.speed[t];
    const g = s.groups[pool.group[slot]];
    const sessions = s.sessions;
    const storeCfg = g.cfg.sessionStore;
    let sessionMs = 0;
    if (sessions !== null && sessions.enabled) sessionMs = storeCfg.kind === 'shared' ? storeCfg.latencyMs : storeCfg.kind === 'replicated' && s.mix.cartOp[c] !== 0 ? storeCfg.costPerWriteMs * Math.max(0, g.members.length - 1) : 0;
    const dbMs = Math.max(0, serviceMs - appMs - sessionMs);
    const parts = [`quantile u = ${num(pool.serviceU[slot])} of the class's service time = ${num(base)} ms`];
    if (pool.extraMs[slot] > 0) parts.push(`+ TLS passed through ${num(pool.extraMs[slot])} ms`);
    if (store.slowFactor[t] !== 1) parts.push(`× slow factor ${num(store.slowFactor[t])} (degraded)`);
    if (store.speed[t] !== 1) parts.push(`÷ instance speed ${num(store.speed[t])}`);
    const willError = (pool.flags[slot] & FLAG_WILL_ERROR) !== 0;
    let errorWhy = '';
    if (willError) {
      const causes: string[] = [];
      if (store.errorShare[t] > 0) causes.push(`${store.ids[t]} answers ${num(store.errorShare[t] * 100)} % of requests with a 5xx and this one drew it`);
      if (sessions !== null && storeCfg.kind === 'shared' && sessions.storeDown[g.index]) causes.push('the shared session store is down');
      if (g.cfg.database !== undefined && causes.length === 0) causes.push(`database ${g.cfg.database.id} refused the query`);
      errorWhy = `; it will answer with a 5xx: ${causes.join('; ')}`;
    }
    this.step(o, s, 'service', where, `in service ${num(appMs)} ms`, parts.join(' ') + errorWhy, now + appMs);
    if (sessionMs > 0) o.journey.steps.push({ atMs: now + appMs, untilMs: now + appMs + sessionMs, where: `${storeCfg.kind} session store`, kind: 'session-store', what: `session store ${num(sessionMs)} ms`, why: storeCfg.kind === 'shared' ? `a shared store's latency per request` : `a cart write replicated to ${g.members.length - 1} other targets × ${num(storeCfg.kind === 'replicated' ? storeCfg.costPerWriteMs : 0)} ms` });
    if (dbMs > 0) o.journey.steps.push({ atMs: now + appMs + sessionMs, untilMs: now + serviceMs, where: `database ${g.cfg.database?.id ?? ''}`, kind: 'database', what: `database ${num(dbMs)} ms`, why: `${g.cfg.database?.queriesPerRequest ?? 1} quer${(g.cfg.database?.queriesPerRequest ?? 1) === 1 ? 'y' : 'ies'} per request, including any wait for a pooled connection` });
  }

  attemptFailed(s: SimState, slot: number, outcome: number, retry: boolean): void {
    const o = this.of(s, slot);
    this.focus = o;
    if (o === null) return;
    const t = s.pool.target[slot];
    const g = s.groups[s.pool.group[slot]];
    const where = t >= 0 ? `target ${s.store.ids[t]}` : `target group ${g.id}`;
    const name = outcomeName(outcome);
    if (outcome === FAIL.timeout) {
      const queued = s.pool.state[slot] === REQ_QUEUED;
      this.step(o, s, 'timeout', where, `timed out after ${sec(g.timeoutMs)} (504)`, queued ? 'still queued when the request timeout ran out: it is abandoned' : `still in service when the request timeout ran out: ${s.store.ids[t]} keeps working on an orphan`);
    } else if (outcome === FAIL.error) {
      this.step(o, s, 'retry', where, 'answered with a 5xx', 'decided when service started (see above)');
    }
    const retries = g.retries;
    const tries = o.journey.attempts;
    if (retry) {
      o.journey.attempts++;
      this.step(o, s, 'retry', `target group ${g.id}`, `retries on another target (attempt ${tries + 1}${retries!.maxTries > 0 ? ` of at most ${retries!.maxTries}` : ''})`, `the group retries on ${retries!.on.join(', ')} and this attempt failed with ${name}`);
    } else if (retries !== null && outcome !== FAIL.timeout && outcome !== FAIL.error) {
      // the finish step says the rest
    } else if (retries !== null) {
      o.journey.steps.push({ atMs: s.nowMs, where: `target group ${g.id}`, kind: 'retry', what: 'no retry', why: (retries.on as readonly string[]).some((c) => retryCovers(c, outcome)) ? `tries used up (${tries} made, at most ${retries.maxTries === 0 ? g.members.length : retries.maxTries})` : `the group retries only on ${retries.on.join(', ')}` });
    }
  }

  finished(s: SimState, slot: number, outcome: number): void {
    const pool = s.pool;
    const id = pool.id[slot];
    // as the engine records it (request/finish.ts): the network time accounted to the request included
    const latencyMs = s.nowMs - pool.arrivalMs[slot] + pool.netMs[slot];
    this.notable?.add(id, outcome, latencyMs, pool.attempt[slot]);
    const o = this.open.get(id);
    if (o === undefined) return;
    const j = o.journey;
    j.outcome = outcomeName(outcome);
    j.latencyMs = latencyMs;
    const t = pool.target[slot];
    const where = t >= 0 ? `target ${s.store.ids[t]}` : o.balancer >= 0 ? `balancer ${s.balancers[o.balancer].id}` : 'client';
    // a phase the failure cut short (a crash during service, a timeout at the database) ends now
    for (const st of j.steps) {
      if (st.untilMs !== undefined && st.untilMs > s.nowMs) {
        st.untilMs = Math.max(st.atMs, s.nowMs);
        st.what += ' (cut short)';
      }
    }
    const what = outcome === OUTCOME_OK ? `ok in ${num(latencyMs)} ms` : `failed: ${j.outcome} (${STATUS_OF[j.outcome]}) after ${num(latencyMs)} ms`;
    this.step(o, s, 'outcome', where, what, outcomeWhy(s, j, o.balancer, slot, outcome, latencyMs));
    this.open.delete(id);
    this.done.set(id, j);
    if (this.watch.has(id)) this.watchedDone++;
    if (this.all && this.done.size > this.keep) this.done.delete(this.done.keys().next().value!);
    if (this.focus === o) this.focus = null;
  }
}

function describeMatch(m: { pathPrefix?: string; host?: string; header?: { name: string; value: string }; cookie?: { name: string; value: string } }): string {
  const parts: string[] = [];
  if (m.pathPrefix !== undefined) parts.push(`path ${m.pathPrefix}*`);
  if (m.host !== undefined) parts.push(`host ${m.host}`);
  if (m.header !== undefined) parts.push(`header ${m.header.name}: ${m.header.value}`);
  if (m.cookie !== undefined) parts.push(`cookie ${m.cookie.name}=${m.cookie.value}`);
  return parts.join(', ') || 'any request';
}
