// Gateway Load Balancer inspection (network/inspection.ts): every flow passes an appliance picked by a flow
// hash and kept for the flow; the appliances' checks are GWLB's (10 s, 5 s, 5 / 2); the group fails open;
// a flow on a crashed appliance is dropped (no_rebalance) or rehashed once it leaves rotation (rebalance);
// the GWLB adds its round trips and the appliance's time to each request, and its bill to the balancers'.
import { describe, expect, it } from 'vitest';
import { createSimulation } from '../../../src/engine/index.ts';
import { validateScenario } from '../../../src/scenario/validate.ts';
import { resolveHealthCheck } from '../../../src/scenario/health-presets.ts';
import type { Change, ScenarioInput } from '../../../src/scenario/schema.ts';
import { checked } from './support/scenarios.ts';
import type { TraceRecord } from '../../../src/engine/types.ts';
import { explainRequest } from '../../../src/engine/explain/index.ts';

const SERVICE_MS = 10;
/** Network of an uncongested request without inspection (network.test.ts): client RTT 20 + L7 0.5 + hop 0.3 ms. */
const BASE_MS = 20 + 0.5 + 0.3;
/** The inspection's time: 2 × (endpoint–GWLB 0.3 + GWLB–appliance 0.3 + GWLB 0.05) + appliance 1 ms. */
const INSPECTION_MS = 2 * (0.3 + 0.3 + 0.05) + 1;

interface Opts {
  clients?: number;
  inspection?: Record<string, unknown>;
  appliances?: number;
  fw?: Record<string, unknown>;
  events?: unknown[];
  durationSec?: number;
}

function world(o: Opts = {}): ScenarioInput {
  return {
    schemaVersion: 1,
    name: 'gwlb',
    durationSec: o.durationSec ?? 20,
    traffic: { arrival: { kind: 'constant', ratePerSec: 100 }, clients: { count: o.clients ?? 1 } },
    balancers: [{ id: 'lb', listeners: [{ port: 80, defaultForward: 'app' }], inspection: { targetGroup: 'fw', ...(o.inspection ?? {}) } }],
    targetGroups: [
      { id: 'app', algorithm: 'round-robin', targets: [{ id: 'a', concurrency: 100, serviceTimeMs: SERVICE_MS }, { id: 'b', concurrency: 100, serviceTimeMs: SERVICE_MS }] },
      { id: 'fw', algorithm: 'round-robin', healthCheck: { preset: 'aws-gwlb' }, targets: Array.from({ length: o.appliances ?? 3 }, (_, i) => ({ id: `fw${i + 1}`, serviceTimeMs: 1 })), ...(o.fw ?? {}) },
    ],
    events: o.events ?? [],
  } as ScenarioInput;
}

function run(doc: ScenarioInput, ms?: number) {
  const s = createSimulation(checked(doc));
  s.runUntil(ms ?? (doc.durationSec as number) * 1000);
  return s;
}

describe('GWLB inspection', () => {
  it('the aws-gwlb preset has GWLB’s defaults: TCP every 10 s, timeout 5 s, healthy 5, unhealthy 2', () => {
    const hc = resolveHealthCheck({ preset: 'aws-gwlb' } as never);
    expect([hc.protocol, hc.intervalSec, hc.timeoutSec, hc.healthyThreshold, hc.unhealthyThreshold, hc.successCodes]).toEqual(['tcp', 10, 5, 5, 2, '200-399']);
    const r = validateScenario(world({ fw: { healthCheck: { preset: 'aws-gwlb', intervalSec: 2 } } }));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[0]).toMatchObject({ path: 'targetGroups[1].healthCheck.intervalSec', message: 'a GWLB checks every 5–300 s, not 2 s (for faster checks use a self-run balancer, e.g. the haproxy preset)' });
  });

  it('adds 2 × (endpoint hop + appliance hop + GWLB processing) + the appliance’s time to every request', () => {
    const plain = world();
    delete (plain.balancers[0] as { inspection?: unknown }).inspection;
    plain.targetGroups = plain.targetGroups.slice(0, 1);
    const without = run(plain).metrics();
    const m = run(world()).metrics();
    expect(m.requests.ok).toBe(without.requests.ok);
    // the same requests, each later by exactly the inspection's time (TCP handshakes every 100 requests alike)
    expect(m.latencyMs.mean - without.latencyMs.mean).toBeCloseTo(INSPECTION_MS, 9);
    expect(without.latencyMs.mean).toBeCloseTo(SERVICE_MS + BASE_MS + (Math.ceil(without.requests.ok / 100) * 20) / without.requests.ok, 9);
    // a slower appliance adds its own time
    const slow = run(world({ inspection: { applianceMs: 5 } })).metrics();
    expect(slow.latencyMs.mean - m.latencyMs.mean).toBeCloseTo(4, 9);
  });

  it('bills the GWLB: $0.0125 an hour plus $0.004 per GLCU-hour (600 new flows/s or 1 GB/h)', () => {
    const plain = world();
    delete (plain.balancers[0] as { inspection?: unknown }).inspection;
    plain.targetGroups = plain.targetGroups.slice(0, 1);
    const without = run(plain).metrics();
    const m = run(world()).metrics();
    const gb = (m.requests.total * 22_000) / 1e9; // 2 KB request + 20 KB answer, all through the GWLB
    const flowsUnits = m.inspection!.lb.newFlows / (600 * 3600);
    expect(gb).toBeGreaterThan(flowsUnits); // bytes are the dimension that counts here
    expect(m.cost.balancerUsd - without.cost.balancerUsd).toBeCloseTo((20 / 3600) * 0.0125 + gb * 0.004, 12);
    // the appliances are instances: three more than without
    expect(m.cost.instanceUsd).toBeCloseTo(without.cost.instanceUsd * (5 / 2), 12);
  });

  it('one flow per client connection, hashed by the 5-tuple: one client’s flows spread over the appliances; 2-tuple keeps them on one', () => {
    const five = run(world()).metrics().inspection!.lb;
    // 2,000 requests, 100 per connection (the balancer's requestsPerConnection): 20 flows
    expect(five.newFlows).toBe(20);
    expect(five.dropped).toBe(0);
    expect(Object.values(five.flows).reduce((a, b) => a + b, 0)).toBe(20);
    expect(Object.values(five.flows).filter((n) => n > 0)).toHaveLength(3);
    const two = run(world({ inspection: { stickiness: '2-tuple' } })).metrics().inspection!.lb;
    expect(two.newFlows).toBe(20);
    expect(Object.values(two.flows).filter((n) => n > 0)).toEqual([20]);
  });
});

describe('GWLB appliance failures', () => {
  // one client at 100 req/s, 100 requests per connection: flow f is requests 100f … 100f + 99, arriving at
  // (n + 1) × 10 ms; by its 2-tuple the client hashes to fw1 while all three appliances are in rotation
  const crashFw1 = [{ atSec: 10.005, action: 'crash', target: 'fw1' }];
  const longer = (o: Opts) => world({ durationSec: 60, inspection: { stickiness: '2-tuple', ...(o.inspection ?? {}) }, events: o.events, fw: o.fw });
  const arrivalsBy = (ms: number) => Math.floor(ms / 10); // requests arrived by time ms (arrivals at 10, 20, … ms)
  const detectedAt = (s: ReturnType<typeof run>, subject: string, kind: string) => s.events().find((e) => e.subject === subject && e.kind === kind)!.timeMs;

  it('the client’s flows start on fw1', () => {
    expect(run(longer({})).metrics().inspection!.lb.flows).toEqual({ fw1: 60, fw2: 0, fw3: 0 });
  });

  it('no_rebalance (default): the flow in progress stays on the crashed fw1 until it ends; new flows go to healthy appliances', () => {
    const s = run(longer({ events: crashFw1 }));
    const out = detectedAt(s, 'fw1', 'unhealthy');
    // GWLB checks every 10 s and needs 2 failures: out between 10 and 30 s after the crash
    expect(out).toBeGreaterThan(10_005 + 10_000);
    expect(out).toBeLessThan(10_005 + 30_000);
    const flowEnd = Math.ceil(arrivalsBy(out) / 100) * 100; // the flow in progress at `out` ends after this many requests
    const m = s.metrics();
    expect(m.failures.unreachable).toBe(flowEnd - arrivalsBy(10_005));
    expect(m.inspection!.lb.dropped).toBe(m.failures.unreachable);
    expect(m.requests.failed).toBe(m.failures.unreachable);
  });

  it('rebalance: the flow is rehashed to a healthy appliance as soon as fw1 leaves rotation', () => {
    const s = run(longer({ events: crashFw1, inspection: { targetFailover: 'rebalance' } }));
    const out = detectedAt(s, 'fw1', 'unhealthy');
    expect(s.metrics().failures.unreachable).toBe(arrivalsBy(out) - arrivalsBy(10_005));
  });

  it('a hung appliance passes GWLB’s TCP check (the kernel still accepts), so its flows are dropped until the end of the run', () => {
    const m = run(longer({ events: [{ atSec: 10.005, action: 'hang', target: 'fw1' }] })).metrics();
    expect(m.failures.unreachable).toBe(6000 - arrivalsBy(10_005));
  });

  it('fails open when no appliance passes its checks (as GWLB does); a group that refuses drops every new flow instead', () => {
    // appliances whose health endpoint answers 500 (a deep HTTP check) but which still forward packets
    const broken = ['fw1', 'fw2', 'fw3'].map((target) => ({ atSec: 5, action: 'errors', target, share: 1 }));
    const fw = { healthCheck: { preset: 'aws-gwlb', protocol: 'http', deep: true } };
    const open = run(longer({ events: broken, fw }));
    expect(open.events().some((e) => e.kind === 'group-mode' && e.subject === 'fw' && e.message.includes('fails open'))).toBe(true);
    expect(open.metrics().failures.unreachable).toBe(0);
    const closed = run(longer({ events: broken, fw: { ...fw, whenAllUnhealthy: 'refuse' } }));
    const allOut = closed.events().find((e) => e.kind === 'group-mode' && e.subject === 'fw')!.timeMs;
    // the flow in progress keeps its appliance (no_rebalance); every flow after it finds none in rotation
    expect(closed.metrics().failures.unreachable).toBe(6000 - Math.ceil(arrivalsBy(allOut) / 100) * 100);
  });

  it('refuses an appliance group that a listener forwards to, with the JSON path', () => {
    const doc = world({ inspection: { targetGroup: 'app' } });
    const r = validateScenario(doc);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors).toContainEqual(expect.objectContaining({ path: 'balancers[0].inspection.targetGroup', message: '"app" receives requests from a listener or a deployment; inspection appliances need a target group of their own' }));
    const missing = validateScenario(world({ inspection: { targetGroup: 'nope' } }));
    if (!missing.ok) expect(missing.errors).toContainEqual(expect.objectContaining({ path: 'balancers[0].inspection.targetGroup', message: 'no target group with id "nope"' }));
    else expect.unreachable();
  });
});

describe('GWLB inspection live and explained', () => {
  it('added by a live patch at 5 s: requests from then on take exactly the inspection’s time more', () => {
    const doc = world();
    delete (doc.balancers[0] as { inspection?: unknown }).inspection;
    const done: TraceRecord[] = [];
    const s = createSimulation(checked(doc), { onRequestDone: (r) => done.push(r) });
    s.runUntil(5000);
    expect(s.apply({ action: 'patch', op: 'add', path: '/balancers/0/inspection', value: { targetGroup: 'fw' } } as Change)).toBeNull();
    s.runUntil(10_000);
    const lat = (after: boolean) => done.filter((r) => r.arrivalMs > 5000 === after && r.id % 100 !== 0).map((r) => r.latencyMs); // no handshake (every 100th opens)
    const before = lat(false);
    const after = lat(true);
    expect(new Set(before.map((x) => x.toFixed(9))).size).toBe(1);
    for (const x of after) expect(x - before[0]).toBeCloseTo(INSPECTION_MS, 9);
    expect(s.metrics().inspection!.lb.newFlows).toBe(5); // 500 requests after the patch, 100 per flow
  });

  it('a journey names the appliance, the flow and the time', () => {
    const j = explainRequest(checked(world()), 150, [], 20_000)!;
    const step = j.steps.find((x) => x.where === 'GWLB fw')!;
    expect(step.what).toBe(`inspected by appliance ${step.what.match(/fw\d/)![0]} (+${INSPECTION_MS.toFixed(1)} ms)`);
    expect(step.why).toContain("its flow's appliance (no_rebalance)");
  });
});
