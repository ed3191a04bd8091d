// A layer-4 (NLB) connection is with one balancer node, which keeps its own flows: a client whose node fails
// and who then reaches the other node opens a new connection there (a TCP handshake), it does not carry on
// with the old one. Each handshake shows as one client round trip plus the hop more on its request.
import { describe, expect, it } from 'vitest';
import { createSimulation, type TraceRecord } from '../../../src/engine/index.ts';
import { checked } from './support/scenarios.ts';
import type { ScenarioInput } from '../../../src/scenario/schema.ts';

function world(): ScenarioInput {
  // 20 clients at 1 request/s each, long connections; the targets are all in zone b, so zone a's outage
  // takes down only its balancer node
  return {
    schemaVersion: 1,
    name: 'nlb nodes',
    durationSec: 200,
    traffic: { arrival: { kind: 'constant', ratePerSec: 20 }, clients: { count: 20 } },
    balancers: [{ id: 'nlb', layer: 4, zones: ['a', 'b'], crossZone: true, requestsPerConnection: 100_000, listeners: [{ port: 80, protocol: 'tcp', defaultForward: 'app' }] }],
    targetGroups: [{ id: 'app', algorithm: 'flow-hash', targets: [1, 2].map((i) => ({ id: `b${i}`, zone: 'b', concurrency: 100, serviceTimeMs: 10 })) }],
    events: [{ atSec: 30, action: 'zone-outage', zone: 'a' }],
  } as ScenarioInput;
}

describe('NLB connections per node', () => {
  it('clients of the failed node open a new connection through the other one: one handshake each, 20 + those clients in all', () => {
    const out: TraceRecord[] = [];
    const s = createSimulation(checked(world()), { onRequestDone: (r) => out.push(r) });
    s.runUntil(200_000);
    const ok = out.filter((r) => r.outcome === 'ok');
    const fastest = Math.min(...ok.map((r) => r.latencyMs));
    // a request that opened a connection took a client round trip (20 ms) more; the others differ by at most
    // the cross-zone hop (node a to zone b: 1 ms against 0.3 ms)
    const handshakes = ok.filter((r) => r.latencyMs > fastest + 10);
    for (const r of ok) if (r.latencyMs <= fastest + 10) expect(r.latencyMs - fastest).toBeLessThanOrEqual(0.7 + 1e-9);
    const movedClients = new Set(out.filter((r) => r.outcome === 'unreachable').map((r) => r.client));
    expect(movedClients.size).toBeGreaterThan(0);
    expect(handshakes.length).toBe(20 + movedClients.size);
    // each moved client's handshake is its first good request after its failures
    for (const c of movedClients) {
      const lastFail = Math.max(...out.filter((r) => r.client === c && r.outcome === 'unreachable').map((r) => r.arrivalMs));
      const next = ok.filter((r) => r.client === c && r.arrivalMs > lastFail).sort((a, b) => a.arrivalMs - b.arrivalMs)[0];
      expect(handshakes).toContain(next);
    }
  });
});
