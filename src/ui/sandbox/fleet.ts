/** A fleet of identical targets: the 50-target, 2,000 req/s template is also the world `npm run perf:ui` measures. */
export function fleet(targets: number, ratePerSec: number, algorithm = 'least-connections'): unknown {
  return {
    schemaVersion: 1,
    name: `${targets} targets at ${ratePerSec.toLocaleString('en-GB')} req/s`,
    description: 'A large fleet of identical targets behind one balancer.',
    seed: 1,
    durationSec: 600,
    traffic: { arrival: { kind: 'poisson', ratePerSec }, clients: { count: 20000 } },
    balancers: [{ id: 'lb', listeners: [{ port: 80, defaultForward: 'web' }] }],
    targetGroups: [
      {
        id: 'web',
        algorithm,
        targets: Array.from({ length: targets }, (_, i) => ({
          id: `web-${i + 1}`,
          concurrency: 8,
          queueLimit: 100,
          serviceTimeMs: { dist: 'exponential', meanMs: 150 },
        })),
      },
    ],
  };
}
