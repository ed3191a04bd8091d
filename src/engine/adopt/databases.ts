/**
 * Adopting databases live, matched by id: a new one opens pools for the targets that query it; one with
 * new settings keeps its open pools (capped to a lower connection limit unless a proxy pools them), its
 * failover in progress and its last second's load; a removed one closes its pools. Which group queries
 * which database is settled with the groups (adopt/groups.ts).
 */
import type { Scenario } from '../../scenario/schema.ts';
import type { SimState } from '../state.ts';
import { DatabaseTier } from '../infra/database-tier.ts';
import { Database } from '../infra/database.ts';

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

export function adoptDatabases(s: SimState, prev: Scenario, next: Scenario): void {
  if (same(prev.databases, next.databases)) return;
  if (s.databases === null) {
    s.databases = new DatabaseTier({ ...next, targetGroups: [] });
    return;
  }
  const tier = s.databases;
  const seen = new Set<number>();
  for (const cfg of next.databases) {
    const i = tier.dbs.findIndex((d) => d.cfg.id === cfg.id);
    if (i < 0) {
      tier.dbs.push(new Database(cfg));
      tier.starved.push(new Set());
      seen.add(tier.dbs.length - 1);
    } else {
      if (tier.dbs[i].retired || !same(tier.dbs[i].cfg, cfg)) tier.dbs[i] = tier.dbs[i].reconfigured(cfg);
      seen.add(i);
    }
  }
  tier.dbs.forEach((d, i) => (d.retired = !seen.has(i)));
}
