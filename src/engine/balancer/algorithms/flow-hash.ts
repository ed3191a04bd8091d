/**
 * AWS Network Load Balancer's flow hash (real-systems §4.1, §4.6; NLB user guide, "How Elastic Load
 * Balancing works": "selects a target … using a flow hash algorithm based on the protocol, source IP
 * address, source port, destination IP address, destination port, and TCP sequence number"). The
 * target is fixed for the life of a connection (the layer-4 balancer keeps it, balancer.ts); each new
 * connection comes from a fresh ephemeral source port, so one client's new connections spread over the
 * targets. The port is drawn from the balancer's random stream (Linux ip_local_port_range, 32768–60999);
 * the hash of (TCP, client IP, port, the listener's address and port) picks among the usable members.
 * Simplifies: AWS does not publish its hash: this one is murmur3's 32-bit finaliser over the tuple, and the
 * sequence number is folded into the random port. Weights are ignored (NLB has none). Source-IP affinity
 * is the group's `stickiness: { kind: "source-ip" }` (NLB `stickiness.type = source_ip`), not this.
 */
import type { AlgorithmFactory, GroupView } from '../algorithm.ts';
import { usable } from './smooth-wrr.ts';

const PORT_LOW = 32768;
const PORTS = 60999 - 32768 + 1;
const TCP = 6;
/** The balancer's listener address and port, fixed (they do not vary between flows of one listener). */
const LISTENER_IP = 0x0a000001;
const LISTENER_PORT = 443;

function fmix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** The flow hash of one connection's 5-tuple. */
export function flowHash(clientIp: number, sourcePort: number): number {
  let h = fmix(TCP ^ 0x9e3779b9);
  h = fmix(h ^ (clientIp >>> 0));
  h = fmix(h ^ sourcePort);
  h = fmix(h ^ LISTENER_IP);
  return fmix(h ^ LISTENER_PORT);
}

function usableCount(view: GroupView): number {
  let n = 0;
  for (let i = 0; i < view.size; i++) if (usable(view, i)) n++;
  return n;
}

export const create: AlgorithmFactory = () => ({
  rebuild() {},
  pick(view, request) {
    const n = usableCount(view);
    if (n === 0) return -1;
    const port = PORT_LOW + Math.floor(view.random() * PORTS);
    let rank = flowHash(request.clientIp, port) % n;
    for (let i = 0; i < view.size; i++) if (usable(view, i) && rank-- === 0) return i;
    return -1;
  },
});
