// Scenarios for the export tests: every example and lesson of the repository, plus hand-made ones that use every
// setting an exporter translates (every algorithm and hash key, every rule condition, weighted forwarding, TLS,
// rate limiting, health checks of every preset, passive health, retries, slow start, stickiness, layer 4, Auto
// Scaling policies of every kind and every Route 53 policy), so that `nginx -t`, `haproxy -c`, the Envoy schema
// and the HCL parser see all of them.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { validateScenario } from '../../../../src/scenario/validate.ts';
import type { Scenario } from '../../../../src/scenario/schema.ts';
import { ALGORITHM_NAMES } from '../../../../src/scenario/algorithm-names.ts';

const root = new URL('../../../../', import.meta.url).pathname;

function valid(raw: unknown, name: string): Scenario {
  const v = validateScenario(raw);
  if (!v.ok) throw new Error(`${name}: ${v.errors.map((e) => `${e.path}: ${e.message}`).join('; ')}`);
  return v.value;
}

/** Every scenarios/*.json and lessons/<lesson>/scenario.json, by file name. */
export function repositoryScenarios(): [string, Scenario][] {
  const files = [
    ...readdirSync(join(root, 'scenarios')).filter((f) => f.endsWith('.json')).map((f) => `scenarios/${f}`),
    ...readdirSync(join(root, 'lessons')).filter((d) => !d.includes('.')).map((d) => `lessons/${d}/scenario.json`),
  ];
  return files.map((f) => [f, valid(JSON.parse(readFileSync(join(root, f), 'utf8')), f)]);
}

const target = (id: string, extra: Record<string, unknown> = {}) => ({ id, concurrency: 4, serviceTimeMs: { dist: 'exponential', meanMs: 20 }, ...extra });

const HASH_KEYS: Record<string, string> = { hash: 'header:x-user', 'consistent-hash': 'cookie:session_id', maglev: 'query:user', 'haproxy-hash': 'path' };

/** One layer-7 balancer reaching a group of every algorithm through rules of every kind, with most group settings. */
export function everyLayer7Setting(): Scenario {
  const groups = ALGORITHM_NAMES.map((algorithm, gi) => ({
    id: `g-${algorithm}`,
    algorithm,
    ...(HASH_KEYS[algorithm] ? { hashKey: HASH_KEYS[algorithm] } : {}),
    // HAProxy weights are whole numbers (real-systems §2.2)
    targets: [target(`${algorithm}-1`, { weight: algorithm.startsWith('haproxy-') ? 3 : 2.5 }), target(`${algorithm}-2`, { weight: 1 }), target(`${algorithm}-3`, { weight: gi % 2 === 0 ? 0 : 1 })],
  }));
  Object.assign(groups[0], {
    healthCheck: { preset: 'aws-alb', path: '/health', successCodes: '200-299,302' },
    passiveHealth: { kind: 'nginx', maxFails: 3, failTimeoutSec: 20 },
    retries: { maxTries: 2, on: ['error', 'timeout', 'http_503'] },
    slowStart: { kind: 'linear', durationSec: 60 },
    stickiness: { kind: 'lb-cookie', durationSec: 3600 },
    whenAllUnhealthy: 'panic',
    panicThresholdPercent: 40,
    requestTimeoutMs: 2500,
    deregistrationDelaySec: 30,
  });
  Object.assign(groups[1], {
    healthCheck: { preset: 'haproxy', protocol: 'http', jitterPercent: 10, fastIntervalSec: 0.5, downIntervalSec: 5 },
    passiveHealth: { kind: 'envoy-outlier', consecutive5xx: 3 },
    retries: { on: ['error', 'http_500'] },
    slowStart: { kind: 'envoy', windowSec: 30, aggression: 2, minWeightPercent: 5 },
    stickiness: { kind: 'app-cookie' },
    circuitBreaker: {},
    whenAllUnhealthy: 'refuse',
  });
  Object.assign(groups[2], { healthCheck: { preset: 'envoy' } });
  Object.assign(groups[3], { healthCheck: { preset: 'aws-nlb' }, passiveHealth: { kind: 'envoy-outlier' } });
  Object.assign(groups[9], { targets: [target('hash-1', { address: 'localhost:8081' }), target('hash-2', { address: '127.0.0.1:8082' })] });
  const rules = groups.slice(1).map((g, i) => {
    const kinds = [
      { pathPrefix: `/r${i}/a.b+c` },
      { host: `*.shop-${i}.Example.com` },
      { header: { name: 'X-Team', value: `t${i}?-*` } },
      { cookie: { name: 'ab test', value: `v"${i}'` } },
      { pathPrefix: `/api${i}`, host: 'api.example.com', header: { name: 'x-version', value: '2*' } },
    ];
    return { match: kinds[i % kinds.length], forward: g.id };
  });
  return valid(
    {
      schemaVersion: 1,
      name: 'Every layer-7 setting',
      traffic: { arrival: { kind: 'poisson', ratePerSec: 10 } },
      balancers: [
        {
          id: 'edge',
          rateLimit: { ratePerSec: 2.5, burst: 20 },
          waf: {},
          capacity: { cpuCores: 2 },
          standby: {},
          zones: ['az-a', 'az-b'],
          region: 'eu-west-1',
          listeners: [
            { port: 443, protocol: 'https', tls: { mode: 'terminate' }, rules, defaultForward: groups[0].id },
            { port: 80, weightedForward: [{ group: groups[0].id, weight: 3 }, { group: groups[1].id, weight: 1 }, { group: groups[2].id, weight: 0 }] },
            { port: 8080, rules: [{ match: { pathPrefix: '/only' }, forward: groups[4].id }] },
          ],
        },
      ],
      targetGroups: groups,
    },
    'every layer-7 setting',
  );
}

/** A layer-4 balancer: TCP, TLS passed through and terminated, UDP, weighted forwarding, hashing and source-IP stickiness. */
export function everyLayer4Setting(): Scenario {
  return valid(
    {
      schemaVersion: 1,
      name: 'Every layer-4 setting',
      traffic: { arrival: { kind: 'poisson', ratePerSec: 10 } },
      balancers: [
        {
          id: 'nlb',
          layer: 4,
          idleTimeoutSec: 120,
          crossZone: true,
          zones: ['az-a', 'az-b'],
          listeners: [
            { port: 5432, protocol: 'tcp', defaultForward: 'hashed' },
            { port: 8443, protocol: 'tls', tls: { mode: 'passthrough' }, defaultForward: 'sticky' },
            { port: 9443, protocol: 'tls', tls: { mode: 'terminate' }, defaultForward: 'iphash' },
            { port: 5353, protocol: 'udp', defaultForward: 'sticky' },
            { port: 7000, protocol: 'tcp', weightedForward: [{ group: 'hashed', weight: 1 }, { group: 'sticky', weight: 2 }] },
          ],
        },
      ],
      targetGroups: [
        { id: 'hashed', algorithm: 'consistent-hash', retries: { maxTries: 2 }, healthCheck: { preset: 'aws-nlb' }, targets: [target('h1'), target('h2'), target('h3')] },
        { id: 'sticky', algorithm: 'least-connections', stickiness: { kind: 'source-ip' }, targets: [target('s1', { weight: 3 }), target('s2')] },
        { id: 'iphash', algorithm: 'ip-hash', targets: [target('i1'), target('i2')] },
      ],
    },
    'every layer-4 setting',
  );
}

const policies = [
  { kind: 'target-tracking', metric: 'CPUUtilization', targetValue: 50 },
  { kind: 'target-tracking', metric: 'ALBRequestCountPerTarget', targetValue: 1000, disableScaleIn: true },
  { kind: 'step', metric: 'CPUUtilization', alarm: { threshold: 60, comparison: '>', evaluationPeriods: 2 }, steps: [{ lowerBound: 0, upperBound: 20, scalingAdjustment: 1 }, { lowerBound: 20, scalingAdjustment: 3 }] },
  { kind: 'simple', metric: 'RequestCount', scalingAdjustment: -1, cooldownSec: 120, alarm: { threshold: 25, comparison: '<=', evaluationPeriods: 5, statistic: 'Sum', periodSec: 300 } },
  { kind: 'scheduled', actions: [{ recurrence: '0 18 * * *', min: 2, max: 8, desired: 4 }, { atSec: 3600, desired: 3 }] },
  { kind: 'predictive', targetRequestsPerInstance: 20 },
  { kind: 'beanstalk' },
  { kind: 'hpa' },
];

/** Scenarios for Terraform: an Auto Scaling group with every kind of policy, behind a DNS name of each policy. */
export function awsScenarios(): [string, Scenario][] {
  const dnsPolicies = ['simple', 'multivalue', 'weighted', 'latency', 'failover', 'geolocation'] as const;
  return dnsPolicies.map((policy) => [
    `aws with ${policy} DNS`,
    valid(
      {
        schemaVersion: 1,
        name: `AWS, ${policy} DNS`,
        traffic: { arrival: { kind: 'poisson', ratePerSec: 10 }, clients: { locations: [{ region: 'us-east-1', share: 1 }] } },
        balancers: [
          { id: 'east', region: 'us-east-1', zones: ['use1-az1', 'use1-az2'], listeners: [{ port: 443, protocol: 'https', defaultForward: 'web' }] },
          { id: 'west', region: 'us-west-2', layer: 4, listeners: [{ port: 80, protocol: 'tcp', defaultForward: 'tcp' }] },
        ],
        dns: {
          policy,
          records: [
            { id: 'one', balancer: 'east', weight: 3, location: { continent: 'NA' } },
            { id: 'two', balancer: 'west', weight: 1, location: 'default', healthCheck: false },
          ],
          latencyMs: { 'us-east-1': { 'us-east-1': 5, 'us-west-2': 70 } },
        },
        targetGroups: [
          { id: 'web', algorithm: 'least-outstanding-requests', healthCheck: { healthyThreshold: 1 }, stickiness: { kind: 'lb-cookie' }, targets: [target('w1', { instanceType: 'c5.large' })] },
          { id: 'tcp', algorithm: 'round-robin', healthCheck: { preset: 'aws-nlb' }, stickiness: { kind: 'source-ip' }, targets: [target('t1'), target('t2', { address: '10.9.0.2:8080' })] },
        ],
        scalingGroups: [{ id: 'asg', targetGroup: 'web', min: 1, max: 10, market: policy === 'simple' ? 'spot' : 'on-demand', warmupSec: 60, policies }],
        deployments: [],
      },
      `aws ${policy}`,
    ),
  ]);
}

/** A layer-7 balancer whose group has no request timeout (0), one group with retries and one without. */
export function noRequestTimeout(): Scenario {
  return valid(
    {
      schemaVersion: 1,
      name: 'no request timeout',
      traffic: { arrival: { kind: 'poisson', ratePerSec: 10 } },
      balancers: [{ id: 'lb', listeners: [{ port: 80, defaultForward: 'plain', rules: [{ match: { pathPrefix: '/api' }, forward: 'retried' }] }] }],
      targetGroups: [
        { id: 'plain', algorithm: 'round-robin', requestTimeoutMs: 0, targets: [target('p1'), target('p2')] },
        { id: 'retried', algorithm: 'least-connections', requestTimeoutMs: 0, retries: { maxTries: 2, on: ['error', 'timeout'] }, targets: [target('r1'), target('r2')] },
      ],
    },
    'no request timeout',
  );
}

/** Every scenario the format tests run over. */
export function allScenarios(): [string, Scenario][] {
  return [...repositoryScenarios(), ['every layer-7 setting', everyLayer7Setting()], ['every layer-4 setting', everyLayer4Setting()], ['no request timeout', noRequestTimeout()], ...awsScenarios()];
}
