/**
 * Scenarios for the dev-only preview (?scenario=<name>): the bundled examples plus a few made here to
 * stress the views; asg, regions and zones are in rich-scenarios.ts.
 */
import threeServers from '../../scenarios/three-servers.json';
import rushHour from '../../scenarios/rush-hour.json';
import weighted from '../../scenarios/weighted-5-1-1.json';
import nlb from '../../scenarios/nlb-layer4.json';
import closedLoop from '../../scenarios/closed-loop-users.json';
import canary from '../../scenarios/canary-release.json';
import sticky from '../../scenarios/sticky-vs-shared-sessions.json';
import { asg, asgScalingTargets, regions, zones } from './rich-scenarios.ts';

function manyTargets(count: number): unknown {
  return {
    schemaVersion: 1,
    name: `${count} targets behind least connections`,
    durationSec: 120,
    traffic: { arrival: { kind: 'poisson', ratePerSec: count * 12 }, clients: { count: 5000 } },
    balancers: [{ id: 'alb', listeners: [{ port: 443, protocol: 'https', rules: [{ match: { pathPrefix: '/api' }, forward: 'api' }], defaultForward: 'web' }] }],
    targetGroups: [
      {
        id: 'web',
        algorithm: 'least-connections',
        targets: Array.from({ length: count }, (_, i) => ({ id: `web-${i + 1}`, concurrency: 4, queueLimit: 50, serviceTimeMs: { dist: 'exponential', meanMs: 250 } })),
      },
      { id: 'api', algorithm: 'round-robin', targets: [{ id: 'api-1', concurrency: 8, serviceTimeMs: { dist: 'exponential', meanMs: 80 } }] },
    ],
  };
}

/** Health checks, a standby balancer, a database, two balancers behind DNS failover: the infra badges. */
const fullStack = {
  schemaVersion: 1,
  name: 'Health checks, DNS failover and a database',
  durationSec: 300,
  traffic: { arrival: { kind: 'poisson', ratePerSec: 40 }, clients: { count: 2000 } },
  balancers: [
    { id: 'east', listeners: [{ port: 443, protocol: 'https', defaultForward: 'web' }], standby: {} },
    { id: 'west', listeners: [{ port: 443, protocol: 'https', defaultForward: 'web' }] },
  ],
  targetGroups: [
    {
      id: 'web',
      algorithm: 'least-outstanding-requests',
      healthCheck: { preset: 'aws-alb', intervalSec: 5, timeoutSec: 2 },
      database: { id: 'orders', poolSize: 5 },
      targets: ['a', 'b', 'c', 'd'].map((id) => ({ id, concurrency: 4, queueLimit: 40, serviceTimeMs: { dist: 'exponential', meanMs: 150 } })),
    },
  ],
  databases: [{ id: 'orders', maxConnections: 30 }],
  dns: { policy: 'failover', records: [{ id: 'primary', balancer: 'east', failover: 'primary', healthCheck: true }, { id: 'secondary', balancer: 'west', failover: 'secondary', healthCheck: true }] },
  events: [
    { atSec: 10, action: 'hang', target: 'b' },
    { atSec: 40, action: 'recover', target: 'b' },
  ],
};

/** The sticky-sessions example with its sessions in a shared store: the store badge and its crash control. */
const sharedSessions = {
  ...sticky,
  name: 'Sticky sessions with a shared session store',
  targetGroups: sticky.targetGroups.map((g) => ({ ...g, sessionStore: { kind: 'shared' } })),
  events: [...sticky.events, { atSec: 90, action: 'crash-session-store', group: 'web' }],
};

export const PREVIEW_SCENARIOS: Record<string, unknown> = {
  'three-servers': threeServers,
  'rush-hour': rushHour,
  'weighted-5-1-1': weighted,
  'nlb-layer4': nlb,
  'closed-loop-users': closedLoop,
  'canary-release': canary,
  'sticky-vs-shared-sessions': sticky,
  'shared-sessions': sharedSessions,
  'twelve-targets': manyTargets(12),
  'sixty-targets': manyTargets(60),
  'full-stack': fullStack,
  asg,
  regions,
  zones,
};

/** The CPU targets of the scaling groups' target-tracking policies, per preview scenario. */
export const PREVIEW_SCALING_TARGETS: Record<string, Record<string, number>> = { asg: asgScalingTargets };
