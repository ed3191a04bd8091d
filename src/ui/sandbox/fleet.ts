import { m } from '../../i18n/paraglide/messages.js';
import { localizeNumberText } from '../../viz/number-format.ts';

/**
 * A fleet of identical targets: the 50-target, 2,000 req/s template is also the world `npm run perf:ui` measures.
 * Its name and description are the learner's new document's, so they are written in the page's language.
 */
export function fleet(targets: number, ratePerSec: number, algorithm = 'least-connections'): unknown {
  return {
    schemaVersion: 1,
    name: m.example_fleet_doc_name({ targets: localizeNumberText(String(targets)), rate: localizeNumberText(ratePerSec.toLocaleString('en-GB')) }),
    description: m.example_fleet_doc_description(),
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
