/**
 * The engine's side of the databases: which targets hold connections (re-checked every second and
 * after every change), the database time each request adds to its service, and failovers.
 */
import type { Engine } from '../simulation.ts';
import { Database, DB_ERROR, type DatabaseState } from './database.ts';
import { LC_UNUSED, TARGET_CRASHED } from '../backend/targets.ts';

export class DatabaseTier {
  readonly dbs: Database[];
  /** The database of each target group, or null. */
  private readonly ofGroup: (Database | null)[];
  private readonly starved: Set<number>[];
  readonly active: boolean;

  constructor(private readonly e: Engine) {
    this.dbs = e.scenario.databases.map((d) => new Database(d));
    this.ofGroup = e.scenario.targetGroups.map((g) => (g.database ? this.dbs.find((d) => d.cfg.id === g.database!.id)! : null));
    this.starved = this.dbs.map(() => new Set<number>());
    this.active = this.ofGroup.some((d) => d !== null);
  }

  /** Opens and closes pools to match the targets that are up and registered. */
  reconcile(): void {
    if (!this.active) return;
    const e = this.e;
    const store = e.store;
    this.dbs.forEach((db, di) => {
      const live: number[] = [];
      for (let t = 0; t < store.count; t++) {
        if (this.ofGroup[store.groupOf[t]] === db && store.registered[t] === 1 && store.lifecycle[t] !== LC_UNUSED && store.state[t] !== TARGET_CRASHED) live.push(t);
      }
      const refused = new Set(db.reconcile(live, (t) => e.scenario.targetGroups[store.groupOf[t]].database!.poolSize));
      for (const t of refused) {
        if (!this.starved[di].has(t)) {
          e.log.add(e.nowMs, 'db', store.ids[t], `${store.ids[t]} could not connect to ${db.cfg.id}: too many connections (${db.open} of ${db.cfg.maxConnections} in use); its requests fail with 500`);
        }
      }
      for (const t of this.starved[di]) if (!refused.has(t) && db.connected(t)) e.log.add(e.nowMs, 'db', store.ids[t], `${store.ids[t]} connected to ${db.cfg.id}`);
      this.starved[di] = refused;
      for (const t of live) store.dbDown[t] = refused.has(t) ? 1 : 0;
    });
  }

  /** Database time the request adds at target t, or DB_ERROR when it fails there. */
  extraMs(t: number, cls: number, u: number): number {
    const db = this.ofGroup[this.e.store.groupOf[t]];
    if (db === null) return 0;
    const spec = this.e.scenario.targetGroups[this.e.store.groupOf[t]].database!;
    return db.queryMs(t, spec.queriesPerRequest, this.e.mix.classes[cls].writes, u, this.e.nowMs);
  }

  rollSecond(): void {
    if (!this.active) return;
    for (const db of this.dbs) db.rollSecond();
    this.reconcile();
  }

  failover(id: string): string | null {
    const db = this.dbs.find((d) => d.cfg.id === id);
    if (!db) return `no database with id "${id}"`;
    const ms = db.failover(this.e.nowMs);
    this.e.log.add(this.e.nowMs, 'db', id, db.cfg.proxy ? `${id} fails over to its standby: queries through the proxy wait ${ms / 1000} s` : `${id} fails over to its standby: writes fail for ${ms / 1000} s`);
    return null;
  }

  states(): DatabaseState[] {
    return this.dbs.map((d, i) => d.state(this.e.nowMs, this.starved[i].size));
  }
}

export { DB_ERROR };
