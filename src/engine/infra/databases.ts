/**
 * The engine's side of the databases: which targets hold connections (re-checked every second and
 * after every change), the database time each request adds to its service, and failovers.
 */
import type { SimState } from '../state.ts';
import type { DatabaseTier } from './database-tier.ts';
import { DB_ERROR, type DatabaseState } from './database.ts';
import { LC_UNUSED, TARGET_CRASHED } from '../backend/targets.ts';
import { EV_DB_FAILOVER_DONE } from '../event-kinds.ts';
import { refuse, type Refusal } from '../refusal.ts';

export { DB_ERROR };

/** Opens and closes pools to match the targets that are up and registered. */
export function reconcileDatabases(s: SimState): void {
  const tier = s.databases;
  if (tier === null) return;
  const store = s.store;
  tier.dbs.forEach((db, di) => {
    const live: number[] = [];
    for (let t = 0; t < store.count; t++) {
      if (tier.ofGroup[store.groupOf[t]] === db && store.registered[t] === 1 && store.lifecycle[t] !== LC_UNUSED && store.state[t] !== TARGET_CRASHED) live.push(t);
    }
    const refused = new Set(db.reconcile(live, (t) => s.groups[store.groupOf[t]].cfg.database!.poolSize));
    for (const t of refused) {
      if (!tier.starved[di].has(t)) {
        s.log.add(s.nowMs, 'db', store.ids[t], `${store.ids[t]} could not connect to ${db.cfg.id}: too many connections (${db.open} of ${db.cfg.maxConnections} in use); its requests fail with 500`);
      }
    }
    for (const t of tier.starved[di]) if (!refused.has(t) && db.connected(t)) s.log.add(s.nowMs, 'db', store.ids[t], `${store.ids[t]} connected to ${db.cfg.id}`);
    tier.starved[di] = refused;
    for (const t of live) store.dbDown[t] = refused.has(t) ? 1 : 0;
  });
}

/** Database time the request adds at target t, or DB_ERROR when it fails there. */
export function databaseMs(s: SimState, tier: DatabaseTier, t: number, cls: number, u: number): number {
  const g = s.store.groupOf[t];
  const db = tier.ofGroup[g];
  if (db === null) return 0;
  const spec = s.groups[g].cfg.database!;
  return db.queryMs(t, spec.queriesPerRequest, s.mix.classes[cls].writes, u, s.nowMs);
}

/** Once per simulated second: each node's load becomes the next second's slowdown; pools are re-checked. */
export function rollDatabases(s: SimState): void {
  if (s.databases === null) return;
  for (const db of s.databases.dbs) db.rollSecond();
  reconcileDatabases(s);
}

/** A primary failover starts now. */
export function failOver(s: SimState, id: string): Refusal | null {
  const index = s.databases?.dbs.findIndex((d) => d.cfg.id === id && !d.retired) ?? -1;
  if (index < 0) return refuse('val_live_no_database', { id });
  const db = s.databases!.dbs[index];
  const ms = db.failover(s.nowMs, s.rng.database);
  s.queue.push(db.failoverUntilMs, EV_DB_FAILOVER_DONE, index, 0);
  const full = db.cfg.failoverSec;
  const cut = full > 0 ? Math.round((1 - ms / 1000 / full) * 100) : 0;
  s.log.add(s.nowMs, 'db', id, db.cfg.proxy ? `${id} fails over to its standby: queries through the proxy wait ${Math.round(ms) / 1000} s (the proxy cut ${cut} % off the ${full} s failover; AWS: up to 66 %)` : `${id} fails over to its standby: ${db.cfg.readReplicas > 0 ? 'writes fail (reads go on at its read replicas)' : 'every query fails'} for ${ms / 1000} s`);
  return null;
}

/**
 * A failover's end: the standby is the new primary and queries reach it again (RDS Multi-AZ: the DNS name
 * points at the promoted standby). Ignored when a later failover (or a patch that ended it) moved the end.
 */
export function onFailoverDone(s: SimState, index: number): void {
  const db = s.databases?.dbs[index];
  if (db === undefined || db.retired || db.failoverUntilMs !== s.nowMs) return;
  s.log.add(s.nowMs, 'recover', db.cfg.id, `${db.cfg.id} is back: its standby is the new primary, and queries reach it again`);
}

/** Every database's state, for snapshots. */
export function databaseStates(s: SimState): DatabaseState[] {
  const tier = s.databases;
  return tier === null ? [] : tier.dbs.flatMap((d, i) => (d.retired ? [] : [d.state(s.nowMs, tier.starved[i].size)]));
}
