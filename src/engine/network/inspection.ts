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
 *   processing) plus `applianceMs` (× the appliance's slow factor when degraded). Defaults: 2 × (0.3 + 0.3 +
 *   0.05) + 1 = 2.3 ms.
 * - Bill: $0.0125 per GWLB hour + $0.004 per GLCU-hour (600 new flows per second or 1 GB per hour each).
 * Simplifies: appliances have no capacity limit or queue (they add a fixed time); the GWLB node sits in the
 * balancer node's zone and balances across zones (AWS's default has cross-zone off: place appliances in every
 * zone); a flow ends after its requests, never by the 350 s idle timeout; GWLB endpoints ($0.01/h and
 * $0.0035/GB each) and the active-flows GLCU dimension are left out.
 */
import type { SimState } from '../state.ts';
import type { Inspection } from './inspection-state.ts';
import { TARGET_CRASHED, TARGET_HUNG } from '../backend/targets.ts';
import { flowHash } from '../balancer/algorithms/flow-hash.ts';
import { PROCESSING_MS } from './network-state.ts';

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
    if (s.explain !== null) s.explain.inspected(s, b, t, fresh, -1);
    return -1;
  }
  const to = store.zoneOf[t];
  const hop = zone < 0 || to < 0 || zone === to ? net.sameZoneRttMs : net.crossZoneRttMs;
  const ms = 2 * (net.sameZoneRttMs + hop + PROCESSING_MS[4]) + ins.cfg.applianceMs * store.slowFactor[t];
  s.pool.netMs[slot] += ms;
  if (s.explain !== null) s.explain.inspected(s, b, t, fresh, ms);
  return ms;
}
