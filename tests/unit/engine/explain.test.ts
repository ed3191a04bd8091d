// A request's journey (src/engine/explain/): the numbers each algorithm family compared, stickiness,
// retries, timeouts and every failure reason; a replayed explanation equals the journey recorded live;
// and recording changes nothing in the run. Expected values are derived in the comments from the
// algorithms' documented rules (real-systems.md), not copied from the output.
import { describe, expect, it } from 'vitest';
import { createSimulation } from '../../../src/engine/index.ts';
import { explainRequest, JourneyRecorder, JourneyCache, type Journey } from '../../../src/engine/explain/index.ts';
import { CRC32_INIT, crc32Final, crc32Text } from '../../../src/engine/core/hash/crc32.ts';
import type { Scenario, ScenarioInput } from '../../../src/scenario/schema.ts';
import { NETWORK_MS, NO_NETWORK, checked, simple } from './support/scenarios.ts';

const choice = (j: Journey) => j.steps.filter((s) => s.kind === 'choose');
const last = (j: Journey) => j.steps[j.steps.length - 1];

function explain(scenario: Scenario, id: number): Journey {
  const j = explainRequest(scenario, id);
  expect(j, `request ${id}`).not.toBeNull();
  return j!;
}

/** One balancer, one group; `group` and `extra` override fields of the group and the document. */
function doc(group: Record<string, unknown>, extra: Partial<ScenarioInput> = {}): Scenario {
  return checked({
    schemaVersion: 1,
    name: 'explain',
    seed: 3,
    durationSec: 20,
    traffic: { arrival: { kind: 'constant', ratePerSec: 10 }, clients: { count: 50 } },
    balancers: [{ id: 'lb', listeners: [{ port: 80, defaultForward: 'web' }] }],
    targetGroups: [
      {
        id: 'web',
        algorithm: 'round-robin',
        targets: ['a', 'b', 'c'].map((id) => ({ id, concurrency: 1, serviceTimeMs: { dist: 'constant' as const, valueMs: 50 } })),
        ...group,
      } as ScenarioInput['targetGroups'][number],
    ],
    ...extra,
  } as ScenarioInput);
}

/** Every request's journey of a run, recorded live. */
function recordAll(scenario: Scenario, untilMs = scenario.durationSec * 1000): { rec: JourneyRecorder; total: number } {
  const rec = new JourneyRecorder({ all: true, keep: 1_000_000 });
  const sim = createSimulation(scenario, { recorder: rec });
  sim.runUntil(untilMs);
  return { rec, total: sim.metrics().requests.total };
}

describe('the journey of one request', () => {
  it('has the shape the CLI prints: arrival, balancer, rule, choice, send, service, outcome, in time order', () => {
    const j = explain(simple({ ratePerSec: 10, exponential: false, serviceMs: 50, arrival: 'constant' }), 5);
    expect(j.id).toBe(5);
    expect(j.outcome).toBe('ok');
    // constant service 50 ms, one request at a time: no queue, latency is the service time plus the network
    // (client round trip 20 + balancer processing 0.5 + hop 0.3 ms; request 5 reuses its client's connection)
    expect(j.latencyMs).toBeCloseTo(50 + NETWORK_MS, 6);
    expect(j.steps.map((s) => s.kind)).toEqual(['arrive', 'balancer', 'route', 'choose', 'send', 'service', 'outcome']);
    for (let i = 1; i < j.steps.length; i++) expect(j.steps[i].atMs).toBeGreaterThanOrEqual(j.steps[i - 1].atMs);
    expect(j.steps[2].what).toContain('target group web');
    expect(last(j).what).toBe('ok in 70.8 ms');
  });

  it('smooth WRR 5-1-1: current + effective weights, the highest wins and gives back the total', () => {
    // nginx: cw starts at 0. Pick 1: a 0+5=5, b 0+1=1, c 0+1=1 → a, a −= 7 → −2.
    // Pick 2: a −2+5=3, b 1+1=2, c 1+1=2 → a (→ −4). Pick 3: a −4+5=1, b 2+1=3, c 2+1=3 → b (earliest of the tie), b → −4.
    const s = doc({ algorithm: 'weighted-round-robin', targets: [5, 1, 1].map((w, i) => ({ id: 'abc'[i], weight: w, concurrency: 8, serviceTimeMs: { dist: 'constant', valueMs: 50 } })) });
    expect(choice(explain(s, 0))[0].why).toContain('a 0+5=5, b 0+1=1, c 0+1=1 → a is highest; it gives back the total 7 (→ -2)');
    expect(choice(explain(s, 1))[0].why).toContain('a -2+5=3, b 1+1=2, c 1+1=2 → a');
    expect(choice(explain(s, 2))[0].why).toContain('a -4+5=1, b 2+1=3, c 2+1=3 → b');
  });

  it('least connections: the counts, the tie, and smooth WRR over the tied', () => {
    // 1 s constant service, 10 req/s evenly spaced. Request 0: all hold 0, smooth WRR over a, b, c (each cw 0+1) picks a,
    // which gives back 3 (cw a −2, b 1, c 1). Request 1 sees a 1, b 0, c 0: b and c tie; b 1+1=2, c 1+1=2 → b, the earlier.
    const s = doc({ algorithm: 'least-connections', targets: ['a', 'b', 'c'].map((id) => ({ id, concurrency: 4, serviceTimeMs: { dist: 'constant', valueMs: 1000 } })) });
    const why = choice(explain(s, 1))[0].why;
    expect(why).toContain('a 1, b 0, c 0 active → fewest: b, c tie');
    expect(why).toContain('b 1+1=2, c 1+1=2 → b is highest; it gives back the total 2 (→ 0)');
  });

  it("HAProxy roundrobin (FWRR) 5-1-1: the trees and the window, a a a b a a c", () => {
    const s = doc({ algorithm: 'haproxy-roundrobin', targets: [5, 1, 1].map((weight, i) => ({ id: 'abc'[i], weight, concurrency: 1, serviceTimeMs: { dist: 'constant', valueMs: 50 } })) });
    const { rec } = recordAll(s, 1000);
    const picks = [0, 1, 2, 3, 4, 5, 6].map((id) => choice(rec.journey(id)!)[0]);
    // HAProxy 2.6's recorded order for weights 5, 1, 1 (real-systems §2.3)
    expect(picks.map((p) => p.what)).toEqual(['a', 'a', 'a', 'b', 'a', 'a', 'c'].map((t) => `haproxy-roundrobin picks ${t}`));
    // weights × 16: a 80, b 16, c 16, window 112. First pick: curr is empty, so init's heaviest (a) starts;
    // it moves to 112 + ⌊112 / 80⌋ = 113, so the second pick finds it at the head of curr with 113 ≤ 113
    expect(picks[0].why).toContain('window position 112 of 112; curr tree: empty; init: a weight 80, b weight 16, c weight 16');
    expect(picks[0].why).toContain('so the heaviest of init, a, starts its round');
    expect(picks[1].why).toContain('window position 113 of 112; curr tree: a at 113; init: b weight 16, c weight 16');
    expect(picks[1].why).toContain('a, the head of curr, whose turn has come (113 ≤ 113)');
  });

  it("the internals panel's data shows FWRR's trees and window after the first pick", () => {
    const s = doc({ algorithm: 'haproxy-roundrobin', targets: [5, 1, 1].map((weight, i) => ({ id: 'abc'[i], weight, concurrency: 1, serviceTimeMs: { dist: 'constant', valueMs: 50 } })) });
    const sim = createSimulation(s);
    const first = explain(s, 0).arrivalMs;
    sim.runUntil(first + 1);
    const ins = sim.internals('web')!;
    // as the second pick's explanation reads it: a at 113 in curr, b and c waiting in init, position 113 of 112
    expect(ins.window).toEqual({ position: 113, weight: 112 });
    expect(ins.trees).toEqual([
      { name: 'curr', keyName: 'next position', order: [{ id: 'a', key: 113 }] },
      { name: 'init', keyName: 'weight', order: [{ id: 'b', key: 16 }, { id: 'c', key: 16 }] },
      { name: 'next', keyName: 'weight', order: [] },
    ]);
  });

  it('HAProxy leastconn: the load tree in order, idle servers keyed 0 and taken in turn', () => {
    const s = doc({ algorithm: 'haproxy-leastconn', targets: [5, 1, 1].map((weight, i) => ({ id: 'abc'[i], weight, concurrency: 1, serviceTimeMs: { dist: 'constant', valueMs: 50 } })) });
    const { rec } = recordAll(s, 1000);
    const picks = [0, 1, 2].map((id) => choice(rec.journey(id)!)[0]);
    // every server idle at each arrival (50 ms of service, 100 ms apart): key 0 for all; the one picked
    // goes behind the others of its key, so they take turns whatever their weights: a b c
    expect(picks.map((p) => p.what)).toEqual(['a', 'b', 'c'].map((t) => `haproxy-leastconn picks ${t}`));
    expect(picks[0].why).toContain("HAProxy's leastconn tree, key (held + 1) × 4096 / weight (0 when idle), equal keys in the order they were queued: a 0, b 0, c 0 → the first usable: a");
    expect(picks[1].why).toContain('b 0, c 0, a 0 → the first usable: b');
  });

  it('power of two choices: names both candidates with their counts, and the winner is the less loaded', () => {
    const s = doc({ algorithm: 'power-of-two-choices', targets: ['a', 'b', 'c', 'd'].map((id) => ({ id, concurrency: 8, serviceTimeMs: { dist: 'constant', valueMs: 700 } })) });
    for (const id of [7, 8, 9, 10]) {
      const step = choice(explain(s, id))[0];
      const m = /draws (\w) \((\d+) active\) and (\w) \((\d+) active\) → (\w)/.exec(step.why);
      expect(m, step.why).not.toBeNull();
      const [, x, ax, y, ay, winner] = m!;
      // Envoy: fewer active wins; a tie keeps the first draw
      expect(winner).toBe(Number(ay) < Number(ax) ? y : x);
      expect(step.what).toBe(`power-of-two-choices picks ${winner}`);
    }
  });

  it('consistent hashing: the key, its crc32 and the ring point it lands on', () => {
    const s = doc({ algorithm: 'consistent-hash', hashKey: 'cookie:session' });
    const j = explain(s, 4);
    // hashKey cookie:<name>: the key is the client's cookie value "c<client>"; crc32 as nginx ketama hashes it
    const client = Number(/client (\d+)/.exec(j.steps[0].where)![1]);
    const key = `c${client}`;
    const why = choice(j)[0].why;
    expect(why).toContain(`key "${key}": crc32 ${crc32Final(crc32Text(CRC32_INIT, key))}`);
    // 3 members × weight 1 × 160 points = up to 480 points on the ring
    expect(why).toMatch(/first ring point ≥ it is #\d+ of 4\d\d/);
  });

  it('maglev: the key, its hash and its slot in the 65537-entry table', () => {
    const s = doc({ algorithm: 'maglev', hashKey: 'cookie:session' });
    const j = explain(s, 2);
    const client = Number(/client (\d+)/.exec(j.steps[0].where)![1]);
    const hash = crc32Final(crc32Text(CRC32_INIT, `c${client}`));
    expect(choice(j)[0].why).toContain(`hash ${hash}; slot ${hash % 65537} of the 65537-entry table`);
  });

  it('stickiness: a client\'s later request follows its lb-cookie, with the time left', () => {
    // one client only: every request after the first is bound by the cookie set on the first
    const s = doc({ algorithm: 'round-robin', stickiness: { kind: 'lb-cookie', durationSec: 60 } }, { traffic: { arrival: { kind: 'constant', ratePerSec: 10 }, clients: { count: 1 } } });
    const first = explain(s, 0);
    expect(choice(first)[0].why).toContain('no live binding');
    expect(choice(first)[0].why).toContain('now binds the client to the pick for 60 s');
    const second = choice(explain(s, 1))[0];
    // the binding was renewed at 0 s for 60 s; request 1 comes 100 ms later: 59.9 s left
    expect(second.what).toBe('sticky: a');
    expect(second.why).toContain('lb-cookie cookie binds this client to a, expiring in 59.9 s');
  });

  it('a retry after a refused connection, then success elsewhere', () => {
    // b crashed at 0 s; round robin sends request 1 to b (refused) and nginx retries on error → c
    const s = doc({ retries: { style: 'nginx', on: ['error'] } }, { events: [{ atSec: 0, action: 'crash', target: 'b' }] } as Partial<ScenarioInput>);
    const j = explain(s, 1);
    expect(j.outcome).toBe('ok');
    expect(j.attempts).toBe(2);
    const kinds = j.steps.map((x) => `${x.kind}:${x.what}`);
    expect(kinds).toContain('send:sent to b: connection refused');
    expect(kinds.some((k) => k.startsWith('retry:retries on another target (attempt 2'))).toBe(true);
    expect(kinds).toContain('send:attempt 2 is sent to c: a free slot');
    expect(choice(j)[1].why).toContain('already tried: b');
  });

  it('a timeout on a hung target, queued or in service', () => {
    // no network time, so the latency is exactly the timeout
    const s = doc({ requestTimeoutMs: 300 }, { events: [{ atSec: 0, action: 'hang', target: 'a' }], network: NO_NETWORK, balancers: [{ id: 'lb', processingMs: 0, listeners: [{ port: 80, defaultForward: 'web' }] }] } as Partial<ScenarioInput>);
    const j = explain(s, 0);
    expect(j.outcome).toBe('timeout');
    expect(j.latencyMs).toBeCloseTo(300, 6);
    const timeout = j.steps.find((x) => x.kind === 'timeout')!;
    expect(timeout.what).toBe('timed out after 0.3 s (504)');
    expect(timeout.why).toContain('still in service');
    expect(j.steps.find((x) => x.kind === 'send')!.why).toContain('a is hung');
    expect(last(j).why).toBe("no answer within the target group's request timeout");
  });
});

describe('each failure reason is explained', () => {
  /** The first request that failed with `reason` in a live recording, and its journey. */
  function firstFailed(scenario: Scenario, reason: string): Journey {
    const { rec } = recordAll(scenario);
    const lists = rec.notable!.lists();
    const entry = lists.failed.find((f) => f.reason === reason);
    expect(entry, `${reason} in ${JSON.stringify(lists.failed.map((f) => f.reason))}`).toBeDefined();
    const id = entry!.latest[entry!.latest.length - 1].id;
    const j = rec.journey(id)!;
    expect(j.outcome).toBe(reason);
    return j;
  }

  it('rejected: the queue is full', () => {
    const s = doc({ targets: [{ id: 'a', concurrency: 1, queueLimit: 0, serviceTimeMs: { dist: 'constant', valueMs: 250 } }] });
    const j = firstFailed(s, 'rejected');
    expect(j.steps.find((x) => x.kind === 'send')!.why).toBe('all 1 slots busy and the queue is full (0 waiting): 503');
  });

  it('refused: a crash resets the requests the target held', () => {
    const s = doc({ targets: [{ id: 'a', concurrency: 4, serviceTimeMs: { dist: 'constant', valueMs: 5000 } }] }, { events: [{ atSec: 2, action: 'crash', target: 'a' }] } as Partial<ScenarioInput>);
    const { rec } = recordAll(s);
    const j = rec.journey(15)!; // sent at 1.5 s, in service until the crash at 2 s
    expect(j.outcome).toBe('refused');
    expect(last(j).why).toBe('a crashed while holding it: the connection was reset');
    expect(last(j).atMs).toBe(2000);
  });

  it('error: the target answers a share with 5xx', () => {
    const s = doc({}, { events: [{ atSec: 0, action: 'errors', target: 'a', share: 1 }] } as Partial<ScenarioInput>);
    const j = firstFailed(s, 'error');
    expect(j.steps.find((x) => x.kind === 'service')!.why).toContain('a answers 100 % of requests with a 5xx');
  });

  it('no-target: nobody in rotation', () => {
    const s = doc({ whenAllUnhealthy: 'refuse', healthCheck: { intervalSec: 1, timeoutSec: 0.5, healthyThreshold: 2, unhealthyThreshold: 2 }, targets: [{ id: 'a', concurrency: 1, serviceTimeMs: { dist: 'constant', valueMs: 50 } }] }, { events: [{ atSec: 1, action: 'crash', target: 'a' }] } as Partial<ScenarioInput>);
    const j = firstFailed(s, 'no-target');
    expect(last(j).why).toContain('0 of 1 in rotation');
    expect(choice(j)[0].what).toBe('no target can take the request');
  });

  it('no-route: no rule matches and there is no default', () => {
    const s = doc({}, { balancers: [{ id: 'lb', listeners: [{ port: 80, rules: [{ match: { pathPrefix: '/api' }, forward: 'web' }] }] }] } as Partial<ScenarioInput>);
    const j = firstFailed(s, 'no-route');
    expect(last(j).why).toContain('no listener rule matched');
  });

  it('rate-limited: one client over the balancer\'s per-address limit', () => {
    // one client sending 10 req/s against a limit of 1 req/s with a burst of 2: most are refused (429)
    const s = doc({}, { traffic: { arrival: { kind: 'constant', ratePerSec: 10 }, clients: { count: 1 } }, balancers: [{ id: 'lb', rateLimit: { ratePerSec: 1, burst: 2 }, listeners: [{ port: 80, defaultForward: 'web' }] }] } as Partial<ScenarioInput>);
    const j = firstFailed(s, 'rate-limited');
    expect(last(j).what).toContain('failed: rate-limited (429)');
    expect(last(j).why).toContain('per-client rate limit');
  });

  it('blocked: the WAF catches a malicious request at its detection rate, and an ordinary one by mistake', () => {
    const mix = [
      { name: 'shop', path: '/products', share: 0.5 },
      { name: 'sqli', path: "/search?q=' OR 1=1", share: 0.5, malicious: true },
    ];
    const waf = (detectionRate: number, falsePositiveRate: number) =>
      doc({}, { traffic: { arrival: { kind: 'constant', ratePerSec: 10 }, clients: { count: 50 }, mix }, balancers: [{ id: 'lb', waf: { detectionRate, falsePositiveRate }, listeners: [{ port: 80, defaultForward: 'web' }] }] } as Partial<ScenarioInput>);
    // detection 100 %, no false positives: every blocked request is an sqli one
    const j = firstFailed(waf(1, 0), 'blocked');
    expect(j.steps[0].what).toContain('sqli');
    expect(last(j).what).toContain('failed: blocked (403)');
    expect(last(j).why).toBe('the web application firewall blocked a malicious request: it catches 100 % of them');
    // detection 0, false positives 100 %: every blocked request is an ordinary one
    const k = firstFailed(waf(0, 1), 'blocked');
    expect(k.steps[0].what).toContain('shop');
    expect(last(k).why).toBe('the web application firewall blocked an ordinary request by mistake: it wrongly blocks 100 % of them (a false positive)');
  });

  it('lb-overloaded: offered twice its CPU, the balancer admits 1 in 2 and names the numbers', () => {
    // 800 req/s × 0.5 ms of routing CPU = 400 ms of work per second on 0.2 cores (200 ms a second): load 2,
    // so each request is admitted with probability 1 / 2 from the second second on
    const s = doc(
      { targets: [{ id: 'a', concurrency: 1000, serviceTimeMs: { dist: 'constant', valueMs: 5 } }] },
      { durationSec: 3, traffic: { arrival: { kind: 'constant', ratePerSec: 800 }, clients: { count: 50 } }, balancers: [{ id: 'lb', capacity: { cpuCores: 0.2, routeCpuMs: 0.5 }, listeners: [{ port: 80, defaultForward: 'web' }] }] } as Partial<ScenarioInput>,
    );
    const j = firstFailed(s, 'lb-overloaded');
    expect(last(j).what).toContain('failed: lb-overloaded (503)');
    expect(last(j).why).toBe('lb was offered 200 % of what its 0.2 cores can do in the last second, so it admits 50 % of requests at random (1 / 2) and shed this one (503)');
  });

  it('unreachable: the balancer is down', () => {
    const s = doc({}, { events: [{ atSec: 1, action: 'crash-balancer', balancer: 'lb' }] } as Partial<ScenarioInput>);
    const j = firstFailed(s, 'unreachable');
    expect(last(j).why).toBe('balancer lb is down');
  });
});

describe('the DNS next-address fallback', () => {
  /** Three addresses, each a layer-4 pass-through to one server; web-1 crashes at 5 s. */
  function threeAddresses(triesNextAddressShare: number): Scenario {
    const ids = [1, 2, 3];
    return checked({
      schemaVersion: 1,
      name: 'three addresses',
      seed: 3,
      durationSec: 12,
      traffic: { arrival: { kind: 'constant', ratePerSec: 30 }, clients: { count: 60, triesNextAddressShare } },
      dns: { name: 'shop.example.com', policy: 'multivalue', ttlSec: 60, records: ids.map((i) => ({ id: `record-${i}`, balancer: `ip-${i}` })), resolvers: { count: 10 } },
      balancers: ids.map((i) => ({ id: `ip-${i}`, layer: 4 as const, listeners: [{ port: 80, protocol: 'tcp' as const, defaultForward: `server-${i}` }] })),
      targetGroups: ids.map((i) => ({ id: `server-${i}`, algorithm: 'round-robin' as const, targets: [{ id: `web-${i}`, concurrency: 4, serviceTimeMs: 40 }] })),
      events: [{ atSec: 5, action: 'crash', target: 'web-1' }],
    } as ScenarioInput);
  }

  const journeys = (rec: JourneyRecorder, total: number) => Array.from({ length: total }, (_, i) => rec.journey(i)).filter((j): j is Journey => j !== null);

  it('a client whose first address refuses tries the next one, and the journey says so', () => {
    const { rec, total } = recordAll(threeAddresses(1));
    const fell = journeys(rec, total).filter((j) => j.steps.some((x) => x.what.startsWith('tries the next address')));
    expect(fell.length).toBeGreaterThan(0);
    for (const j of fell) {
      const dns = j.steps.filter((x) => x.kind === 'dns');
      // the answer named ip-1 first; ip-1 refused (web-1 crashed, nothing behind the pass-through)
      expect(dns[0].what).toBe('shop.example.com → ip-1 (record record-1)');
      expect(dns[1].why).toMatch(/^ip-1 passes connections through \(layer 4\) and no target of its group is up: a reset, so the connection to ip-1 was refused at once/);
      const next = dns[1].what.slice('tries the next address of the answer: '.length);
      expect(['ip-2', 'ip-3']).toContain(next);
      expect(j.steps.find((x) => x.kind === 'balancer')!.what).toContain(`reaches balancer ${next}`);
      expect(j.steps[0].atMs).toBeGreaterThanOrEqual(5000);
      expect(j.outcome).toBe('ok');
    }
  });

  it('a client that does not try the next address stays with the refusing one, and fails', () => {
    const { rec, total } = recordAll(threeAddresses(0));
    const stayed = journeys(rec, total).filter((j) => j.steps.some((x) => x.what === 'stays with ip-1'));
    expect(stayed.length).toBeGreaterThan(0);
    for (const j of stayed) {
      expect(j.steps.find((x) => x.what === 'stays with ip-1')!.why).toContain('this client does not try the next address');
      expect(j.outcome).toBe('refused');
    }
  });
});

describe('replay and live recording', () => {
  it('a replayed explanation equals the journey recorded live (retries, timeouts, crashes, queues)', () => {
    const s = doc(
      { algorithm: 'least-connections', requestTimeoutMs: 400, retries: { style: 'nginx', on: ['error', 'timeout', 'http_500'] }, targets: ['a', 'b', 'c'].map((id) => ({ id, concurrency: 2, queueLimit: 4, serviceTimeMs: { dist: 'exponential', meanMs: 150 } })) },
      {
        traffic: { arrival: { kind: 'poisson', ratePerSec: 30 }, clients: { count: 40 } },
        events: [
          { atSec: 3, action: 'hang', target: 'a' },
          { atSec: 6, action: 'errors', target: 'b', share: 0.5 },
          { atSec: 9, action: 'crash', target: 'c' },
        ],
      } as Partial<ScenarioInput>,
    );
    const { rec, total } = recordAll(s);
    const lists = rec.notable!.lists();
    const ids = new Set<number>([0, Math.floor(total / 2), total - 50, ...lists.retried.latest.slice(0, 5).map((e) => e.id), ...lists.failed.flatMap((f) => f.latest.slice(0, 3).map((e) => e.id)), ...lists.slowest.slice(0, 3).map((e) => e.id)]);
    expect(lists.retried.count).toBeGreaterThan(0);
    expect(lists.failed.map((f) => f.reason)).toContain('timeout');
    for (const id of ids) expect(explainRequest(s, id), `request ${id}`).toEqual(rec.journey(id));
  });

  it('recording every request changes nothing in the run', () => {
    const s = simple({ algorithm: 'power-of-two-choices', ratePerSec: 400, targets: 5, concurrency: 4, queueLimit: 8, timeoutMs: 500 });
    const plain = createSimulation(s);
    plain.runUntil(20_000);
    const recorded = createSimulation(s, { recorder: new JourneyRecorder({ all: true, keep: 10 }) });
    recorded.runUntil(20_000);
    expect(recorded.metrics()).toEqual(plain.metrics());
    expect(recorded.events()).toEqual(plain.events());
  });

  it('keeps memory bounded: only the last `keep` journeys, and the cache holds its size', () => {
    const s = simple({ ratePerSec: 100 });
    const { rec, total } = recordAll({ ...s, durationSec: 10 }, 10_000);
    expect(total).toBeGreaterThan(500);
    const kept = new JourneyRecorder({ all: true, keep: 10 });
    const sim = createSimulation(s, { recorder: kept });
    sim.runUntil(10_000);
    expect(kept.journey(0)).toBeNull();
    expect(kept.journey(total - 100)).toEqual(rec.journey(total - 100));
    const cache = new JourneyCache(2);
    for (const id of [1, 2, 3]) cache.set(rec.journey(id)!);
    expect(cache.get(1)).toBeUndefined();
    expect(cache.get(3)?.id).toBe(3);
  });

  it('a request that never arrived has no journey', () => {
    expect(explainRequest({ ...simple({ ratePerSec: 1 }), durationSec: 2 }, 1000)).toBeNull();
  });
});
