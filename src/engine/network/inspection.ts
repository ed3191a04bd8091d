/**
 * Inspection by a Gateway Load Balancer (AWS GWLB; real-systems §4.1; GWLB user guide "Target groups",
 * "Edit target group attributes", "Health checks"; pricing aws.amazon.com/elasticloadbalancing/pricing,
 * us-east-1, read November 2026). A balancer with `inspection` has every flow pass through one appliance of
 * the named target group before it forwards the request:
 * - A flow is a client's connection: it lasts as many requests as the client sends per connection
 *   (network-state's perConnection). A new flow is hashed to an appliance in the group's rotation: by the
 *   5-tuple (client address and a source port that changes per connection; GWLB's default) or by the client
 *   address alone (3-tuple, 2-tuple: protocol and destination are fixed here). The flow keeps its appliance.
 * - Target failover (`target_failover.on_unhealthy` / `on_deregistration`): `no_rebalance` (default) keeps an
 *   existing flow on its appliance even after it fails its checks or is deregistered; `rebalance` rehashes
 *   it as soon as the appliance leaves rotation. A flow on a crashed or hung appliance is dropped: the
 *   request fails as `unreachable` (the client's connection gets no answer).
 * - Appliances are targets with active health checks (preset `aws-gwlb`: TCP, 10 s, timeout 5 s, healthy 5,
 *   unhealthy 2) and the group's `whenAllUnhealthy` rule: `fail-open` by default, as GWLB does ("if all
 *   targets are unhealthy, the load balancer sends traffic to all targets").
 * - Time: each direction goes GWLB endpoint → GWLB → appliance → GWLB → endpoint, so a request and its
 *   answer add 2 × (same-zone round trip + the GWLB node's round trip to the appliance's zone + 0.05 ms GWLB
 *   processing) plus the appliance's time: its wait for a free worker and its inspection, drawn from
 *   `applianceMs` (own random stream, `appliance`) × the appliance's slow factor when degraded. Uncongested
 *   defaults: 2 × (0.3 + 0.3 + 0.05) + 1 = 2.3 ms.
 * - Capacity (network/appliance-queue.ts): each appliance inspects as many requests at once as its vCPUs
 *   (`applianceConcurrency` overrides), queues up to `applianceQueueLimit` (1,024) more, and drops the rest:
 *   the request fails as `unreachable`, counted, and the event log says when an appliance starts and stops
 *   dropping.
 * - Bill: $0.0125 per GWLB hour + $0.004 per GLCU-hour (600 new flows per second or 1 GB per hour each).
 * Simplifies: the wait and inspection add to the request's time but the target sees the request at once
 * (as every network hop here, network/hops.ts); the GWLB node sits in the
 * balancer node's zone and balances across zones (AWS's default has cross-zone off: place appliances in every
 * zone); a flow ends after its requests, never by the 350 s idle timeout; GWLB endpoints ($0.01/h and
 * $0.0035/GB each) and the active-flows GLCU dimension are left out.
 */
import type { SimState } from '../state.ts';
import type { Inspection } from './inspection-state.ts';
import { TARGET_CRASHED, TARGET_HUNG } from '../backend/targets.ts';
import { flowHash } from '../balancer/algorithms/flow-hash.ts';
import { PROCESSING_MS } from './network-state.ts';
import { ApplianceQueue } from './appliance-queue.ts';
import { DIST_CONSTANT, quantile } from '../core/distributions.ts';
import { DEFAULT_INSTANCE_TYPES } from '../../scenario/instance-types.ts';

const PORT_LOW = 32768;
const PORTS = 60999 - 32768 + 1;

/** Hashes a new flow of client c to an appliance in rotation; -1 when the group has none in service. */
function hashFlow(s: SimState, ins: Inspection, c: number, flow: number): number {
  const group = s.groups[ins.group];
  const inRotation = s.store.inRotation;
  let n = 0;
  for (const t of group.members) if (inRotation[t] === 1) n++;
  if (n === 0) return -1;
  const ip = s.clients.ip(c);
  const key = ins.cfg.stickiness === '5-tuple' ? flowHash(ip, PORT_LOW + (flowHash(ip, flow) % PORTS)) : flowHash(ip, 0);
  let rank = key % n;
  for (const t of group.members) if (inRotation[t] === 1 && rank-- === 0) return t;
  return -1;
}

/**
 * The request in `slot` from client c (class cls) passes balancer b's inspection at the node in zone
 * `zone`: returns the time the inspection adds, ms (also added to the request's network time), or -1 when
 * its flow is dropped.
 */
export function inspect(s: SimState, ins: Inspection, slot: number, b: number, c: number, cls: number, zone: number): number {
  const net = s.network;
  const k = net.balancers[b].perConnection[cls];
  const n = ins.requests[c]++;
  const flow = Math.floor(n / k);
  let t = ins.appliance[c];
  const fresh = ins.flow[c] !== flow;
  if (fresh || t < 0 || (ins.cfg.targetFailover === 'rebalance' && s.store.inRotation[t] === 0)) {
    t = hashFlow(s, ins, c, flow);
    ins.flow[c] = flow;
    ins.appliance[c] = t;
    if (fresh) {
      ins.newFlows++;
      if (t >= 0) ins.flowsTo.set(t, (ins.flowsTo.get(t) ?? 0) + 1);
    }
  }
  ins.bill.count(s.nowMs, fresh ? 1 : 0, net.bytesPerRequest, 0);
  const store = s.store;
  if (t < 0 || store.state[t] === TARGET_CRASHED || store.state[t] === TARGET_HUNG) {
    ins.dropped++;
    if (s.explain !== null) s.explain.inspected(s, b, t, fresh, -1, 0, 0);
    return -1;
  }
  const q = applianceQueue(s, ins, t);
  const time = ins.time;
  const serviceMs = (time.kind === DIST_CONSTANT ? time.p1 : quantile(time.kind, time.p1, time.p2, s.rng.appliance.next())) * store.slowFactor[t];
  const waitMs = q.admit(s.nowMs, serviceMs);
  if (waitMs < 0) {
    ins.dropped++;
    ins.droppedFull++;
    if (!q.dropping) {
      q.dropping = true;
      s.log.add(s.nowMs, 'appliance-full', store.ids[t], `${store.ids[t]} is dropping flows: its queue is full (${q.queueLimit} waiting for ${workers(q.concurrency)})`);
    }
    if (s.explain !== null) s.explain.inspected(s, b, t, fresh, -1, -1, serviceMs);
    return -1;
  }
  if (q.dropping && q.queued(s.nowMs) <= q.queueLimit / 2) {
    q.dropping = false;
    s.log.add(s.nowMs, 'appliance-ok', store.ids[t], `${store.ids[t]} is inspecting flows again: its queue has room`);
  }
  const to = store.zoneOf[t];
  const hop = zone < 0 || to < 0 || zone === to ? net.sameZoneRttMs : net.crossZoneRttMs;
  const ms = 2 * (net.sameZoneRttMs + hop + PROCESSING_MS[4]) + waitMs + serviceMs;
  s.pool.netMs[slot] += ms;
  if (s.explain !== null) s.explain.inspected(s, b, t, fresh, ms, waitMs, serviceMs);
  return ms;
}

/** "1 worker", "2 workers". */
export function workers(n: number): string {
  return n === 1 ? '1 worker' : `${n} workers`;
}

/** Appliance t's workers and queue, made at its first request: concurrency from the scenario or its instance type's vCPUs. */
export function applianceQueue(s: SimState, ins: Inspection, t: number): ApplianceQueue {
  let q = ins.queues.get(t);
  if (q === undefined) {
    const type = s.instanceTypes[s.store.configs[t].instanceType] ?? DEFAULT_INSTANCE_TYPES['m5.large'];
    q = new ApplianceQueue(ins.cfg.applianceConcurrency ?? type.vcpu, ins.cfg.applianceQueueLimit);
    ins.queues.set(t, q);
  }
  return q;
}
