/**
 * Requests in flight as a struct-of-arrays pool: numeric slots reused through a free list, so the
 * hot path allocates nothing. A slot is held from arrival until the request has both been answered
 * (or failed) and left the target's service slot.
 */
export const REQ_FREE = 0;
export const REQ_QUEUED = 1; // waiting in a target's queue
export const REQ_SERVING = 2; // occupying a service slot
export const REQ_ORPHANED = 3; // the client gave up (timeout), but the target is still working on it
export const REQ_ABANDONED = 4; // the client gave up while it was still queued; skipped when dequeued
export const REQ_WAITING = 5; // between two attempts: HAProxy's turnaround before a retry (no target holds it)

export const FLAG_SAMPLED = 1;
export const FLAG_WILL_ERROR = 2;
/** Sent by an attacking bot. */
export const FLAG_ATTACK = 4;
/** The balancer sent it straight to the server its persistence cookie names (HAProxy's SF_DIRECT). */
export const FLAG_DIRECT = 8;
/** A long-lived connection an event-loop server holds without giving it a service slot. */
export const FLAG_NO_SLOT = 16;
/** The attempt counts among its group's requests in flight for a retry budget (request/retry-budget.ts). */
export const FLAG_BUDGET_ACTIVE = 32;
/** The attempt is a retry in flight that the group's retry budget counts. */
export const FLAG_BUDGET_RETRY = 64;

/**
 * A request id's low 32 bits, as an event's int32 payload: an event for a slot checks it to tell its request
 * from a later one that reuses the slot (`| 0` keeps the low bits of an id below 2^53 exactly, inline).
 */
export function idTag(id: number): number {
  return id | 0;
}

export class RequestPool {
  cap = 0;
  id = new Float64Array(0);
  arrivalMs = new Float64Array(0);
  startMs = new Float64Array(0);
  /** When the balancer sent the current attempt to its target (send.ts), ms. */
  sentMs = new Float64Array(0);
  serviceU = new Float64Array(0);
  /** −ln(1 − serviceU): the Exp(1) area at the request's quantile, which an exponential service time scales. */
  serviceArea = new Float64Array(0);
  client = new Int32Array(0);
  cls = new Int32Array(0);
  /** What routing and hashing see of it (RequestMix.forms): its class, or a replayed request's own form. */
  form = new Int32Array(0);
  target = new Int32Array(0);
  group = new Int32Array(0);
  /** Extra work the target does for this request (TLS passed through to it), ms. */
  extraMs = new Float64Array(0);
  /** While in service: the share of its time the request computes (the rest it waits), added to its target's CPU. */
  cpuShare = new Float64Array(0);
  /** Network time accounted to the request, not scheduled (network/): client round trips, balancer processing, handshakes, hops, ms. */
  netMs = new Float64Array(0);
  /** Index of the balancer that took the request (-1 before routing). */
  lb = new Int32Array(0);
  /** Zone the request's balancer node is confined to (cross-zone off), -1 for any. */
  zone = new Int32Array(0);
  state = new Uint8Array(0);
  /** FLAG_SAMPLED, FLAG_WILL_ERROR, FLAG_ATTACK, FLAG_DIRECT, FLAG_NO_SLOT, FLAG_BUDGET_ACTIVE, FLAG_BUDGET_RETRY. */
  flags = new Uint8Array(0);
  /** Which attempt this is (0 = first); retries move a request to another target. */
  attempt = new Uint8Array(0);
  private free = new Int32Array(0);
  private freeTop = 0;

  constructor(capacity = 1024) {
    this.grow(capacity);
  }

  alloc(): number {
    if (this.freeTop === 0) this.grow(this.cap * 2);
    return this.free[--this.freeTop];
  }

  release(slot: number): void {
    this.state[slot] = REQ_FREE;
    this.free[this.freeTop++] = slot;
  }

  private grow(capacity: number): void {
    const old = this.cap;
    const f64 = (a: Float64Array) => { const b = new Float64Array(capacity); b.set(a); return b; };
    const i32 = (a: Int32Array) => { const b = new Int32Array(capacity); b.set(a); return b; };
    this.id = f64(this.id);
    this.arrivalMs = f64(this.arrivalMs);
    this.startMs = f64(this.startMs);
    this.sentMs = f64(this.sentMs);
    this.serviceU = f64(this.serviceU);
    this.serviceArea = f64(this.serviceArea);
    this.extraMs = f64(this.extraMs);
    this.cpuShare = f64(this.cpuShare);
    this.netMs = f64(this.netMs);
    this.lb = i32(this.lb);
    this.client = i32(this.client);
    this.cls = i32(this.cls);
    this.form = i32(this.form);
    this.target = i32(this.target);
    this.group = i32(this.group);
    this.zone = i32(this.zone);
    const st = new Uint8Array(capacity);
    st.set(this.state);
    this.state = st;
    const fl = new Uint8Array(capacity);
    fl.set(this.flags);
    this.flags = fl;
    const at = new Uint8Array(capacity);
    at.set(this.attempt);
    this.attempt = at;
    const free = new Int32Array(capacity);
    free.set(this.free.subarray(0, this.freeTop));
    for (let s = capacity - 1; s >= old; s--) free[this.freeTop++] = s;
    this.free = free;
    this.cap = capacity;
  }
}
