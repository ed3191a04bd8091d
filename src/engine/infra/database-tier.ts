/**
 * The databases behind target groups, as data: each database (database.ts), the one each target group
 * queries, and the targets each refused for lack of connections. databases.ts keeps the pools in line
 * with the targets and adds each request's database time.
 */
import type { Scenario } from '../../scenario/schema.ts';
import { Database } from './database.ts';

export class DatabaseTier {
  /** Every database the run has had, by index (a live patch replaces or retires them in place). */
  readonly dbs: Database[];
  /** The database of each target group, or null. */
  readonly ofGroup: (Database | null)[];
  /** Per database: targets refused a pool (too many connections). */
  readonly starved: Set<number>[];

  constructor(scenario: Scenario) {
    this.dbs = scenario.databases.map((d) => new Database(d));
    this.ofGroup = scenario.targetGroups.map((g) => (g.database ? this.dbs.find((d) => d.cfg.id === g.database!.id)! : null));
    this.starved = this.dbs.map(() => new Set<number>());
  }

  /** Does the scenario have databases? */
  static needed(scenario: Scenario): boolean {
    return scenario.databases.length > 0;
  }
}
