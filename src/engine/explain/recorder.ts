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
import { STATUS_OF, type Journey, type JourneyStep, type StepKind } from './journey.ts';
import { english, list, say, type Phrase, type Words } from './phrase.ts';
import { outcomeWords } from './explain-templates.ts';
import { NotableRequests } from './notable.ts';
import { outcomeWhy, retryCovers } from './outcome-why.ts';
import { describeMatch } from './rule-match.ts';

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
  stickyNote: Phrase | null;
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

  private step(o: Open, s: SimState, kind: StepKind, where: Words, what: Words, why: Words, untilMs?: number): void {
    this.stepAt(o, s.nowMs, kind, where, what, why, untilMs);
  }

  private stepAt(o: Open, atMs: number, kind: StepKind, where: Words, what: Words, why: Words, untilMs?: number): void {
    const st: JourneyStep = { atMs, where: english(where), what: english(what), why: english(why), kind, say: { where, what, why } };
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
    const o: Open = { journey: { id, outcome: 'in-flight', latencyMs: null, arrivalMs: s.nowMs, attempts: 1, steps: [] }, client, balancer: -1, sentAtMs: s.nowMs, before: null, stickyNote: null };
    this.open.set(id, o);
    this.focus = o;
    const attack = (s.pool.flags[slot] & FLAG_ATTACK) !== 0;
    const how = say(attack ? 'explain_step_how_bot' : s.traffic.think !== null ? 'explain_step_how_closed' : s.traffic.poisson ? 'explain_step_how_poisson' : 'explain_step_how_even');
    const where = say('explain_step_client_ip', { client: String(client), ip: formatIpv4(s.clients.ip(client)) });
    this.step(o, s, 'arrive', where, say('explain_step_arrives', { id: String(id), cls: cls.name, request: `${cls.host}${cls.path}` }), say('explain_step_arrive_why', { how, u: s.pool.serviceU[slot] }));
  }

  dnsAnswered(s: SimState, client: number, recordIndex: number, fromCache: boolean): void {
    const o = this.focus;
    const dns = s.dns;
    if (o === null || dns === null) return;
    const name = dns.config.name;
    if (recordIndex < 0) {
      this.step(o, s, 'dns', say('explain_step_resolver', { n: String(dns.resolvers.resolverOf(client)) }), say('explain_step_nodata', { name }), fromCache ? say('explain_step_cached_empty') : say('explain_step_no_record', { policy: dns.config.policy }));
      return;
    }
    const rec = dns.config.records[recordIndex];
    const entry = dns.cachedFor(client, s.nowMs);
    const ttlLeft = entry === null ? 0 : entry.expiresAtMs - s.nowMs;
    const why = fromCache
      ? ttlLeft >= 0
        ? say('explain_step_dns_cached', { at: entry!.fetchedAtMs / 1000, left: ttlLeft / 1000 })
        : say('explain_step_dns_stale', { by: -ttlLeft / 1000 })
      : say('explain_step_dns_fresh', { policy: dns.config.policy, record: rec.id, ttl: String(dns.config.ttlSec) });
    const target = entry?.targets[entry.answer.indexOf(recordIndex)] ?? dns.targetOf(recordIndex);
    const swapped = target !== dns.targetOf(recordIndex) ? say('explain_step_dns_swapped', { now: dns.targetOf(recordIndex), cached: target }) : '';
    this.step(o, s, 'dns', say('explain_step_resolver', { n: String(dns.resolvers.resolverOf(client)) }), say('explain_step_dns_answer', { name, target, record: rec.id }), list([why, swapped]));
    o.balancer = s.balancerById.get(target)?.index ?? -1;
  }

  nextAddress(s: SimState, _client: number, refused: number, next: number, tries: boolean): void {
    const o = this.focus;
    if (o === null) return;
    const first = s.balancers[refused];
    const why = say(!first.available(s.nowMs) ? 'explain_step_lb_down' : 'explain_step_lb_reset', { id: first.id });
    o.balancer = next >= 0 ? next : refused;
    const where = say('explain_step_client', { client: String(o.client) });
    if (next >= 0) this.step(o, s, 'dns', where, say('explain_step_next_address', { id: s.balancers[next].id }), say('explain_step_next_address_why', { why, id: first.id }));
    else if (tries) this.step(o, s, 'dns', where, say('explain_step_all_refuse', { id: first.id }), say('explain_step_all_refuse_why', { why }));
    else this.step(o, s, 'dns', where, say('explain_step_stays', { id: first.id }), say('explain_step_stays_why', { why }));
  }

  routed(s: SimState, slot: number, balancer: number, node: number): void {
    const o = this.focus;
    if (o === null) return;
    const b = s.balancers[balancer];
    o.balancer = balancer;
    const zone = s.zoneNames[b.nodeZones[node]];
    const inZone = zone === undefined ? '' : say('explain_step_in_zone', { zone });
    const nodes = b.nodeZones.length;
    const nodeWhy = nodes === 1 ? say('explain_step_single_node') : b.clientUntil !== null ? say('explain_step_node_kept', { until: b.clientUntil[o.client] / 1000, ttl: String(b.cfg.nodeTtlSec) }) : say('explain_step_node', { node: String(node) });
    const standby = Number.isFinite(b.takeoverAtMs) ? say('explain_step_standby') : '';
    const where = say('explain_step_lb_node', { id: b.id, node: String(node), zone: zone === undefined ? '' : ` (${zone})` });
    const what = say('explain_step_reaches', { id: b.id, layer: String(b.cfg.layer), node: nodes > 1 ? say('explain_step_at_node', { inZone }) : '' });
    this.step(o, s, 'balancer', where, what, list([nodeWhy, standby, b.crossZone ? say('explain_step_cross_on') : say('explain_step_cross_off', { inZone })]));
    const c = s.pool.cls[slot];
    const cls = s.mix.classes[c];
    const listener = b.listenerOf[c];
    const group = s.groups[s.pool.group[slot]];
    let rule: Phrase | null = null;
    for (let k = 0; k < listener.rules.length; k++) {
      const r = listener.rules[k];
      if (!ruleMatches(r.match, cls)) continue;
      if (r.match.cookie !== undefined && s.cookies.value(r.match.cookie.name, o.client) !== r.match.cookie.value) continue;
      rule = say('explain_step_rule', { n: String(k + 1), match: describeMatch(r.match) });
      break;
    }
    const weighted = b.weights.get(listener.port);
    const why =
      rule !== null
        ? say('explain_step_rule_first', { rule, request: `${cls.host}${cls.path}` })
        : weighted !== undefined
          ? say('explain_step_default_weights', { weights: weighted.map((w) => `${w.group} ${w.weight}`).join(', ') })
          : say(listener.rules.length === 0 ? 'explain_step_no_rules' : 'explain_step_default');
    this.step(o, s, 'route', say('explain_step_listener', { id: b.id, port: String(listener.port) }), say('explain_step_forwards', { group: group.id, algorithm: group.algorithmName }), why);
  }

  inspected(s: SimState, balancer: number, appliance: number, newFlow: boolean, ms: number, waitMs: number, serviceMs: number): void {
    const o = this.focus;
    if (o === null) return;
    const ins = s.inspection?.[balancer] ?? null;
    if (ins === null) return;
    const group = s.groups[ins.group].id;
    const name = appliance < 0 ? say('explain_step_no_appliance') : s.store.ids[appliance];
    const how = newFlow ? say('explain_step_flow_new', { stickiness: ins.cfg.stickiness }) : say('explain_step_flow_same', { failover: ins.cfg.targetFailover });
    if (ms < 0) {
      const q = ins.queues.get(appliance);
      const why =
        appliance < 0
          ? say('explain_step_gw_none', { group })
          : waitMs < 0 && q !== undefined
            ? say('explain_step_gw_full', { name, limit: String(q.queueLimit), workers: say(q.concurrency === 1 ? 'explain_step_worker_one' : 'explain_step_workers', { count: String(q.concurrency) }) })
            : say('explain_step_gw_state', { name, state: TARGET_STATES[s.store.state[appliance]] });
      this.step(o, s, 'balancer', `GWLB ${group}`, say('explain_step_gw_fails', { name }), list([how, why]));
    } else {
      const wait = waitMs > 0 ? say('explain_step_gw_wait', { ms: waitMs }) : '';
      this.step(o, s, 'balancer', `GWLB ${group}`, say('explain_step_gw_ok', { name, ms }), list([how, say('explain_step_geneve', { ms: serviceMs, wait })]));
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
    const why =
      t < 0
        ? say('explain_step_l4_none')
        : l4.node[client] !== node
          ? say('explain_step_l4_other_node')
          : l4.remaining[client] <= 0
            ? say('explain_step_l4_used', { count: String(l4.perConnection) })
            : idle > l4.idleMs
              ? say('explain_step_l4_idle', { idle: idle / 1000, limit: l4.idleMs / 1000 })
              : s.store.inRotation[t] === 0
                ? say('explain_step_l4_out', { id: s.store.ids[t] })
                : s.store.groupOf[t] !== group
                  ? say('explain_step_l4_group')
                  : null;
    const where = say('explain_step_l4_where', { id: b.id });
    if (why === null) this.step(o, s, 'choose', where, say('explain_step_l4_keeps', { id: s.store.ids[t] }), say('explain_step_l4_keeps_why', { left: String(l4.remaining[client]), idle: idle / 1000 }));
    else this.step(o, s, 'choose', where, say('explain_step_l4_new'), why);
  }

  sticky(s: SimState, group: number, stuck: number, bound: number): void {
    const o = this.focus;
    if (o === null) return;
    const g = s.groups[group];
    const st = g.cfg.stickiness!;
    const sd = s.sessions!;
    const kind = st.kind === 'source-ip' ? say('explain_step_sticky_ip', { ip: formatIpv4(s.clients.ip(o.client)) }) : say('explain_step_sticky_cookie', { kind: st.kind });
    if (bound >= 0) {
      const until = st.kind === 'source-ip' ? '' : say('explain_step_sticky_until', { s: (sd.stickyFor(group, g.cfg).until(o.client) - s.nowMs) / 1000 });
      const why = say('explain_step_sticky_why', { kind, id: s.store.ids[bound], until, algorithm: g.algorithmName });
      this.step(o, s, 'choose', say('explain_step_group', { id: g.id }), say('explain_step_sticky', { id: s.store.ids[bound] }), why);
      return;
    }
    const why = stuck >= 0 ? say('explain_step_sticky_cannot', { kind, id: s.store.ids[stuck] }) : say('explain_step_sticky_none');
    o.stickyNote = list([why, say('explain_step_sticky_binds', { kind, for: st.kind === 'source-ip' ? '' : say('explain_step_for_s', { s: String(st.durationSec) }) })]);
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
    const why = o.stickyNote === null ? e.why : list([e.why, o.stickyNote]);
    o.stickyNote = null;
    this.step(o, s, 'choose', say('explain_step_group', { id: g.id }), e.what, why);
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
    const where = say('explain_step_target', { id, zone: zone === undefined ? '' : ` (${zone})` });
    const timeout = s.mix.longLived[s.pool.cls[slot]] === 1 ? say('explain_step_long_lived') : g.timeoutMs === 0 ? say('explain_step_no_request_timeout') : say('explain_step_request_timeout', { s: g.timeoutMs / 1000 });
    const label = attempt > 0 ? say('explain_step_attempt_sent', { n: String(attempt + 1), id }) : say('explain_step_sent', { id });
    const slots = String(store.concurrency[t]);
    if (store.state[t] === TARGET_CRASHED) this.step(o, s, 'send', where, say('explain_step_send_refused', { label }), say('explain_step_send_crashed', { id }));
    else if (store.busy[t] < store.concurrency[t]) {
      const hung = store.state[t] === TARGET_HUNG ? say('explain_step_hung_note', { id }) : '';
      this.step(o, s, 'send', where, say('explain_step_send_free', { label }), list([say('explain_step_slots_busy', { busy: String(store.busy[t]), slots, hung }), timeout]));
    } else if (store.queued[t] < store.queueLimit[t]) {
      const ahead = say('explain_step_waiting_ahead', { count: String(store.queued[t]), limit: String(store.queueLimit[t]) });
      this.step(o, s, 'send', where, say('explain_step_send_queued', { label }), list([say('explain_step_all_busy', { slots }), ahead, timeout]));
    } else this.step(o, s, 'send', where, say('explain_step_send_rejected', { label }), say('explain_step_queue_full', { slots, limit: String(store.queueLimit[t]) }));
  }

  serving(s: SimState, slot: number, t: number, serviceMs: number): void {
    const o = this.of(s, slot);
    if (o === null) return;
    const store = s.store;
    const pool = s.pool;
    const where = say('explain_step_target', { id: store.ids[t], zone: '' });
    if (s.nowMs > o.sentAtMs) this.stepAt(o, o.sentAtMs, 'queue', where, say('explain_step_queued_ms', { ms: s.nowMs - o.sentAtMs }), say('explain_step_queued_why'), s.nowMs);
    const c = pool.cls[slot];
    const now = s.nowMs;
    if (s.mix.longLived[c] === 1) {
      this.step(o, s, 'service', where, say('explain_step_long_open', { ms: serviceMs }), say('explain_step_long_why'), now + serviceMs);
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
    const parts: Phrase[] = [say('explain_step_svc_quantile', { u: pool.serviceU[slot], ms: base })];
    if (pool.extraMs[slot] > 0) parts.push(say('explain_step_svc_tls', { ms: pool.extraMs[slot] }));
    if (store.slowFactor[t] !== 1) parts.push(say('explain_step_svc_slow', { factor: store.slowFactor[t] }));
    if (store.speed[t] !== 1) parts.push(say('explain_step_svc_speed', { speed: store.speed[t] }));
    const willError = (pool.flags[slot] & FLAG_WILL_ERROR) !== 0;
    let errorWhy: Words = '';
    if (willError) {
      const causes: Phrase[] = [];
      if (store.errorShare[t] > 0) causes.push(say('explain_step_err_share', { id: store.ids[t], percent: store.errorShare[t] * 100 }));
      if (sessions !== null && storeCfg.kind === 'shared' && sessions.storeDown[g.index]) causes.push(say('explain_step_err_store'));
      if (g.cfg.database !== undefined && causes.length === 0) causes.push(say('explain_step_err_db', { id: g.cfg.database.id }));
      errorWhy = say('explain_step_will_error', { causes: list(causes) });
    }
    this.step(o, s, 'service', where, say('explain_step_in_service', { ms: appMs }), list([list(parts, ' '), errorWhy], ''), now + appMs);
    if (sessionMs > 0) {
      const why = storeCfg.kind === 'shared' ? say('explain_step_store_shared') : say('explain_step_store_replicated', { count: String(g.members.length - 1), ms: storeCfg.kind === 'replicated' ? storeCfg.costPerWriteMs : 0 });
      this.stepAt(o, now + appMs, 'session-store', say('explain_step_store_where', { kind: storeCfg.kind }), say('explain_step_store_ms', { ms: sessionMs }), why, now + appMs + sessionMs);
    }
    if (dbMs > 0) {
      const queries = g.cfg.database?.queriesPerRequest ?? 1;
      const why = say(queries === 1 ? 'explain_step_db_one' : 'explain_step_db_many', { count: String(queries) });
      this.stepAt(o, now + appMs + sessionMs, 'database', say('explain_step_database', { id: g.cfg.database?.id ?? '' }), say('explain_step_db_ms', { ms: dbMs }), why, now + serviceMs);
    }
  }

  attemptFailed(s: SimState, slot: number, outcome: number, retry: boolean): void {
    const o = this.of(s, slot);
    this.focus = o;
    if (o === null) return;
    const t = s.pool.target[slot];
    const g = s.groups[s.pool.group[slot]];
    const where = t >= 0 ? say('explain_step_target', { id: s.store.ids[t], zone: '' }) : say('explain_step_group', { id: g.id });
    const name = outcomeWords(outcomeName(outcome));
    if (outcome === FAIL.timeout) {
      const queued = s.pool.state[slot] === REQ_QUEUED;
      this.step(o, s, 'timeout', where, say('explain_step_timed_out', { s: g.timeoutMs / 1000 }), queued ? say('explain_step_timeout_queued') : say('explain_step_timeout_service', { id: s.store.ids[t] }));
    } else if (outcome === FAIL.error) {
      this.step(o, s, 'retry', where, say('explain_step_answered_5xx'), say('explain_step_decided'));
    }
    const retries = g.retries;
    const tries = o.journey.attempts;
    if (retry) {
      o.journey.attempts++;
      const most = retries!.maxTries > 0 ? say('explain_step_at_most', { max: String(retries!.maxTries) }) : '';
      this.step(o, s, 'retry', say('explain_step_group', { id: g.id }), say('explain_step_retries', { n: String(tries + 1), most }), say('explain_step_retry_why', { on: retries!.on.join(', '), outcome: name }));
    } else if (retries !== null && outcome !== FAIL.timeout && outcome !== FAIL.error) {
      // the finish step says the rest
    } else if (retries !== null) {
      const why = (retries.on as readonly string[]).some((c) => retryCovers(c, outcome))
        ? say('explain_step_tries_used', { made: String(tries), max: String(retries.maxTries === 0 ? g.members.length : retries.maxTries) })
        : say('explain_step_retries_only', { on: retries.on.join(', ') });
      this.step(o, s, 'retry', say('explain_step_group', { id: g.id }), say('explain_step_no_retry'), why);
    }
  }

  finished(s: SimState, slot: number, outcome: number): void {
    const pool = s.pool;
    const id = pool.id[slot];
    // as the engine records it (request/finish.ts): the network time accounted to the request included
    const latencyMs = s.nowMs - pool.arrivalMs[slot] + pool.netMs[slot];
    this.notable?.add(id, outcome, latencyMs, pool.attempt[slot]);
    if (this.recordsJourneys === false) return; // no journey open (the live lab's recorder: every request passes here)
    const o = this.open.get(id);
    if (o === undefined) return;
    const j = o.journey;
    j.outcome = outcomeName(outcome);
    j.latencyMs = latencyMs;
    const t = pool.target[slot];
    const where = t >= 0 ? say('explain_step_target', { id: s.store.ids[t], zone: '' }) : o.balancer >= 0 ? say('explain_step_balancer', { id: s.balancers[o.balancer].id }) : say('explain_step_client_only');
    // a phase the failure cut short (a crash during service, a timeout at the database) ends now
    for (const st of j.steps) {
      if (st.untilMs !== undefined && st.untilMs > s.nowMs) {
        st.untilMs = Math.max(st.atMs, s.nowMs);
        st.say = { ...st.say, what: say('explain_step_cut_short', { what: st.say.what }) };
        st.what = english(st.say.what);
      }
    }
    const status = j.outcome === 'unreachable' ? say('explain_step_connection_failed') : STATUS_OF[j.outcome];
    const what = outcome === OUTCOME_OK ? say('explain_step_ok_in', { ms: latencyMs }) : say('explain_step_failed_after', { outcome: outcomeWords(j.outcome), status, ms: latencyMs });
    this.step(o, s, 'outcome', where, what, outcomeWhy(s, o.journey, o.balancer, slot, outcome, latencyMs));
    this.open.delete(id);
    this.done.set(id, j);
    if (this.watch.has(id)) this.watchedDone++;
    if (this.all && this.done.size > this.keep) this.done.delete(this.done.keys().next().value!);
    if (this.focus === o) this.focus = null;
  }
}
