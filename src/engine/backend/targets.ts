/**
 * The targets (servers) as struct-of-arrays: `concurrency` service slots and a FIFO queue of at
 * most `queueLimit` waiting requests each (beyond it: 503, like HAProxy's maxqueue or a full accept
 * backlog), service times by request class, busy-time accounting for slot utilisation, and CPU-time
 * accounting apart from it (a request waiting on a database holds a slot but burns no CPU).
 * Targets are never deleted: one that leaves its group is only unregistered, so indices stay stable.
 */
import { IntQueue } from '../core/int-queue.ts';
import { distParams } from '../core/distributions.ts';
import type { Distribution, TargetConfig } from '../../scenario/schema.ts';
import { FAILURE_REASONS, LIFECYCLES, TARGET_STATES } from '../types.ts';

/** Values of `state`: indices into TARGET_STATES. */
export const TARGET_UP = TARGET_STATES.indexOf('up');
export const TARGET_CRASHED = TARGET_STATES.indexOf('crashed');
export const TARGET_HUNG = TARGET_STATES.indexOf('hung');
export const TARGET_DEGRADED = TARGET_STATES.indexOf('degraded');

/** Values of `lifecycle`: indices into LIFECYCLES. */
export const LC_IN_SERVICE = LIFECYCLES.indexOf('in-service');
export const LC_DRAINING = LIFECYCLES.indexOf('draining');
export const LC_UNUSED = LIFECYCLES.indexOf('unused');
/** Launched by a scaling group and still booting: not registered yet. */
export const LC_PENDING = LIFECYCLES.indexOf('pending');

/** Values of `admin`: HAProxy's administrative state (`set server … state ready|drain|maint`). */
export const ADMIN_READY = 0;
/** Takes no new load-balanced requests; cookie persistence still reaches it; health checks go on. */
export const ADMIN_DRAIN = 1;
/** Takes nothing; health checks pause. */
export const ADMIN_MAINT = 2;

export class TargetStore {
  count = 0;
  private cap = 0;
  /** Request classes in the service-time table (a live change of the mix re-lays it: setClasses). */
  declare classes: number;
  ids: string[] = [];
  addresses: string[] = [];
  groupOf = new Int32Array(0);
  /** Zone index of each target (see Engine.zoneNames), -1 when zones are not used. */
  zoneOf = new Int32Array(0);
  configs: TargetConfig[] = [];

  state = new Uint8Array(0);
  lifecycle = new Uint8Array(0);
  /** Service-time multiplier while slow (1 = normal). */
  slowFactor = new Float64Array(0);
  /** Share of requests answered with a 5xx (0 = none). */
  errorShare = new Float64Array(0);
  /** CPU speed of the instance type (1 = m5): service times are divided by it. */
  speed = new Float64Array(0);
  /** 1 when the target holds no database connection (its pool was refused). */
  dbDown = new Uint8Array(0);
  /** Bumped on every deregister/register, so a stale end-of-draining event is ignored. */
  drainToken = new Int32Array(0);
  registered = new Uint8Array(0);
  /** In the balancer's rotation (registered, and not taken out by health or draining). */
  inRotation = new Uint8Array(0);
  /** Position of the target among its group's registered members, -1 when unregistered. */
  memberIndex = new Int32Array(0);
  /** Administrative state (ADMIN_READY, ADMIN_DRAIN, ADMIN_MAINT), apart from health. */
  admin = new Uint8Array(0);
  /** HAProxy server id (puid), fixed for the target's life; 0 until its group numbers it. */
  serverId = new Int32Array(0);
  weight = new Float64Array(0);
  concurrency = new Int32Array(0);
  queueLimit = new Float64Array(0);
  busy = new Int32Array(0);
  queued = new Int32Array(0);
  /** Event-loop servers (1) hold long-lived connections without a slot; thread-per-connection ones (0) give each a slot. */
  eventLoop = new Uint8Array(0);
  /** Long-lived connections an event-loop server holds open (they take no slot). */
  connections = new Int32Array(0);
  /** How many such connections its memory holds; beyond, new ones are refused with 503. */
  maxConnections = new Float64Array(0);
  queues: IntQueue[] = [];

  requests = new Float64Array(0);
  ok = new Float64Array(0);
  failed = new Float64Array(0);
  /** Failures by reason, [target * FAILURE_REASONS.length + reason]. */
  failuresBy = new Float64Array(0);
  latencySum = new Float64Array(0);
  /**
   * Each target's time integrals and its requests this second, side by side (8 numbers a target, at t × 8):
   * +0 when they were last brought up to date (ms), +1 busy slot-time, +2 slot-time available (concurrency ×
   * time, integrated like busy-time so utilisation survives slot changes), +3 CPU-time (slot-ms of compute),
   * +4 … +6 those three as the last closed second ended, +7 requests sent this second. Every start and end
   * of service and the per-second roll-up touch them together: one array instead of eight. Only this class
   * reads the layout (the offsets are literals: a module constant would be loaded at every use; t << 3 | k
   * rather than t * 8 + k, which the optimizing compiler would check for overflow).
   */
  private acc = new Float64Array(0);
  /** CPU in use now, in slots' worth: each request in service adds the share of its time that is compute. */
  cpuRate = new Float64Array(0);
  rejecting = new Uint8Array(0);

  /** Service-time table, [target * classes + class]: kind (255 = use the target's default), p1, p2. */
  svcKind = new Uint8Array(0);
  svcP1 = new Float64Array(0);
  svcP2 = new Float64Array(0);

  constructor(classes: number, capacity = 16) {
    this.classes = Math.max(1, classes);
    this.grow(capacity);
  }

  /** Adds a target and returns its index. `classNames` maps class index → mix entry name. */
  add(cfg: TargetConfig, group: number, address: string, classNames: readonly string[]): number {
    if (this.count === this.cap) this.grow(this.cap * 2);
    const t = this.count++;
    this.ids[t] = cfg.id;
    this.addresses[t] = address;
    this.configs[t] = cfg;
    this.groupOf[t] = group;
    this.zoneOf[t] = -1;
    this.state[t] = TARGET_UP;
    this.lifecycle[t] = LC_IN_SERVICE;
    this.slowFactor[t] = 1;
    this.speed[t] = 1;
    this.errorShare[t] = cfg.errorShare;
    if (cfg.errorShare > 0) this.state[t] = TARGET_DEGRADED;
    this.registered[t] = 1;
    // nginx `down`: never in rotation, though it keeps its place among the members
    this.inRotation[t] = cfg.down === true ? 0 : 1;
    this.weight[t] = cfg.weight;
    this.concurrency[t] = cfg.concurrency;
    this.queueLimit[t] = cfg.queueLimit ?? Infinity;
    this.eventLoop[t] = cfg.connectionModel === 'event-loop' ? 1 : 0;
    this.queues[t] = new IntQueue();
    this.setServiceTime(t, cfg.serviceTimeMs, cfg.serviceTimeByClass, classNames);
    return t;
  }

  setServiceTime(t: number, base: Distribution, byClass: Record<string, Distribution>, classNames: readonly string[]): void {
    for (let c = 0; c < this.classes; c++) {
      const d = byClass[classNames[c]] ?? base;
      const p = distParams(d);
      const i = t * this.classes + c;
      this.svcKind[i] = p.kind;
      this.svcP1[i] = p.p1;
      this.svcP2[i] = p.p2;
    }
  }

  /** Re-lays the service-time table for a new list of request classes, from each target's configuration. */
  setClasses(classNames: readonly string[]): void {
    this.classes = Math.max(1, classNames.length);
    const n = this.cap * this.classes;
    this.svcKind = new Uint8Array(n);
    this.svcP1 = new Float64Array(n);
    this.svcP2 = new Float64Array(n);
    for (let t = 0; t < this.count; t++) this.setServiceTime(t, this.configs[t].serviceTimeMs, this.configs[t].serviceTimeByClass, classNames);
  }

  /** Brings the busy-time integral of target t up to `nowMs`; call before `busy` changes. */
  accrue(t: number, nowMs: number): void {
    const acc = this.acc;
    const i = t << 3;
    const dt = nowMs - acc[i];
    acc[i | 1] += this.busy[t] * dt;
    acc[i | 2] += this.concurrency[t] * dt;
    acc[i | 3] += this.cpuRate[t] * dt;
    acc[i] = nowMs;
  }

  /** Counts a request sent to target t in the current second. */
  countSent(t: number): void {
    this.acc[(t << 3) | 7]++;
  }

  /**
   * Closes the second ending at `boundaryMs` for targets 0 … n−1: brings every integral up to it and writes
   * each target's slot utilisation (`util[base + t]`), requests (`req[base + t]`: the series' row, written in
   * place) and CPU (`cpu[t]`, compute over the same slot-time) in that second.
   */
  closeSecond(boundaryMs: number, n: number, base: number, util: Float64Array, req: Float64Array, cpu: Float64Array): void {
    // two targets a turn: a loop's every turn checks each array it touches again, its body does not (this
    // loop visits every target every simulated second)
    let t = 0;
    for (; t + 1 < n; t += 2) {
      this.closeTarget(t, boundaryMs, base, util, req, cpu);
      this.closeTarget(t + 1, boundaryMs, base, util, req, cpu);
    }
    if (t < n) this.closeTarget(t, boundaryMs, base, util, req, cpu);
  }

  /** closeSecond for target t: accrue(t, boundaryMs), the same sums, with each total kept at hand for the rates. */
  private closeTarget(t: number, boundaryMs: number, base: number, util: Float64Array, req: Float64Array, cpu: Float64Array): void {
    const acc = this.acc;
    const i = t << 3;
    const o = base + t;
    const dt = boundaryMs - acc[i];
    const busyTotal = (acc[i | 1] += this.busy[t] * dt);
    const capTotal = (acc[i | 2] += this.concurrency[t] * dt);
    const cpuTotal = (acc[i | 3] += this.cpuRate[t] * dt);
    acc[i] = boundaryMs;
    const capacity = capTotal - acc[i | 5];
    util[o] = capacity > 0 ? (busyTotal - acc[i | 4]) / capacity : 0;
    cpu[t] = capacity > 0 ? (cpuTotal - acc[i | 6]) / capacity : 0;
    acc[i | 4] = busyTotal;
    acc[i | 6] = cpuTotal;
    acc[i | 5] = capTotal;
    req[o] = acc[i | 7];
    acc[i | 7] = 0;
  }

  /** Slot utilisation of target t from time 0 to `nowMs` (busy slot-time / slot-time). */
  utilizationTotal(t: number, nowMs: number): number {
    const i = t << 3;
    const dt = nowMs - this.acc[i];
    const capacity = this.acc[i | 2] + this.concurrency[t] * dt;
    return capacity > 0 ? (this.acc[i | 1] + this.busy[t] * dt) / capacity : 0;
  }

  /** CPU of target t from time 0 to `nowMs` (compute time / slot-time). */
  cpuTotal(t: number, nowMs: number): number {
    const i = t << 3;
    const dt = nowMs - this.acc[i];
    const capacity = this.acc[i | 2] + this.concurrency[t] * dt;
    return capacity > 0 ? (this.acc[i | 3] + this.cpuRate[t] * dt) / capacity : 0;
  }

  private grow(capacity: number): void {
    const f64 = (a: Float64Array) => { const b = new Float64Array(capacity); b.set(a); return b; };
    const i32 = (a: Int32Array) => { const b = new Int32Array(capacity); b.set(a); return b; };
    const u8 = (a: Uint8Array) => { const b = new Uint8Array(capacity); b.set(a); return b; };
    this.groupOf = i32(this.groupOf);
    this.zoneOf = i32(this.zoneOf);
    this.state = u8(this.state);
    this.lifecycle = u8(this.lifecycle);
    this.slowFactor = f64(this.slowFactor);
    this.errorShare = f64(this.errorShare);
    this.speed = f64(this.speed);
    this.drainToken = i32(this.drainToken);
    this.dbDown = u8(this.dbDown);
    this.registered = u8(this.registered);
    this.inRotation = u8(this.inRotation);
    this.memberIndex = i32(this.memberIndex);
    this.admin = u8(this.admin);
    this.serverId = i32(this.serverId);
    this.weight = f64(this.weight);
    this.concurrency = i32(this.concurrency);
    this.queueLimit = f64(this.queueLimit);
    this.busy = i32(this.busy);
    this.queued = i32(this.queued);
    this.eventLoop = u8(this.eventLoop);
    this.connections = i32(this.connections);
    this.maxConnections = f64(this.maxConnections);
    this.requests = f64(this.requests);
    this.ok = f64(this.ok);
    this.failed = f64(this.failed);
    const fb = new Float64Array(capacity * FAILURE_REASONS.length);
    fb.set(this.failuresBy);
    this.failuresBy = fb;
    this.latencySum = f64(this.latencySum);
    const acc = new Float64Array(capacity * 8);
    acc.set(this.acc);
    this.acc = acc;
    this.cpuRate = f64(this.cpuRate);
    this.rejecting = u8(this.rejecting);
    const n = capacity * this.classes;
    const k = new Uint8Array(n); k.set(this.svcKind); this.svcKind = k;
    const p1 = new Float64Array(n); p1.set(this.svcP1); this.svcP1 = p1;
    const p2 = new Float64Array(n); p2.set(this.svcP2); this.svcP2 = p2;
    this.cap = capacity;
  }
}
