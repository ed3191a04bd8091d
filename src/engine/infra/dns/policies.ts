/**
 * Route 53's routing policies: which records answer one query, given the records' health, where
 * the client is and the measured latencies. Shared rules: a record without a health check is always
 * healthy; if the chosen record is unhealthy Route 53 chooses again among the rest; and if none of the
 * records in play is healthy, all are treated as healthy (fail open). Answers are record indices.
 */
import type { DnsClientInfo, DnsConfig, DnsRecordConfig, LatencyTable, RandomSource } from './types.ts';
import { MAX_MULTIVALUE_ANSWERS } from './types.ts';

/** Record `i` is healthy now (records without a health check must answer true). */
export type HealthView = (recordIndex: number) => boolean;

/** The record indices Route 53 would answer with; an empty answer is NODATA. */
export function chooseRecords(
  config: DnsConfig,
  healthy: HealthView,
  client: DnsClientInfo,
  latency: LatencyTable,
  rng: RandomSource,
): number[] {
  const records = config.records;
  switch (config.policy) {
    case 'simple':
      return shuffle(indices(records.length), rng);
    case 'multivalue':
      return shuffle(healthyOrAll(indices(records.length), healthy), rng).slice(0, MAX_MULTIVALUE_ANSWERS);
    case 'weighted':
      return weighted(records, healthy, rng);
    case 'latency':
      return lowestLatency(records, healthy, latency[client.region], rng);
    case 'failover':
      return failover(records, healthy);
    case 'geolocation':
      return geolocation(records, healthy, client);
  }
}

/** Weight / Σ weights among healthy non-zero records; zero-weighted ones (equal shares) only when no
 * non-zero record is healthy, or when every weight is 0. */
function weighted(records: readonly DnsRecordConfig[], healthy: HealthView, rng: RandomSource): number[] {
  const pool = healthyOrAll(indices(records.length), healthy);
  if (pool.length === 0) return [];
  const weightOf = (i: number): number => Math.max(0, records[i].weight ?? 1);
  const nonZero = pool.filter((i) => weightOf(i) > 0);
  if (nonZero.length === 0) return [pool[Math.floor(rng.next() * pool.length)]];
  let total = 0;
  for (const i of nonZero) total += weightOf(i);
  let x = rng.next() * total;
  for (const i of nonZero) {
    x -= weightOf(i);
    if (x < 0) return [i];
  }
  return [nonZero[nonZero.length - 1]];
}

/** The healthy record whose region is closest to the client's region; ties are broken at random. */
function lowestLatency(
  records: readonly DnsRecordConfig[],
  healthy: HealthView,
  row: Readonly<Record<string, number>> | undefined,
  rng: RandomSource,
): number[] {
  let best = Infinity;
  const ties: number[] = [];
  for (const i of healthyOrAll(indices(records.length), healthy)) {
    const region = records[i].region;
    const ms = region === undefined || row === undefined ? Infinity : (row[region] ?? Infinity);
    if (ms < best || ties.length === 0) {
      best = ms;
      ties.length = 0;
      ties.push(i);
    } else if (ms === best) ties.push(i);
  }
  return ties.length === 0 ? [] : [ties[Math.floor(rng.next() * ties.length)]];
}

/** Primary if healthy; else secondary if healthy; both unhealthy → primary. */
function failover(records: readonly DnsRecordConfig[], healthy: HealthView): number[] {
  let primary = -1;
  let secondary = -1;
  records.forEach((r, i) => {
    const role = r.failover ?? (i === 0 ? 'primary' : 'secondary');
    if (role === 'primary' && primary < 0) primary = i;
    if (role === 'secondary' && secondary < 0) secondary = i;
  });
  if (primary < 0) return secondary < 0 ? [] : [secondary];
  if (secondary < 0 || healthy(primary)) return [primary];
  return healthy(secondary) ? [secondary] : [primary];
}

/** The most specific matching record (country, then continent, then default) that is healthy;
 * none healthy → the most specific; nothing matches → NODATA. */
function geolocation(records: readonly DnsRecordConfig[], healthy: HealthView, client: DnsClientInfo): number[] {
  const matches: number[][] = [[], [], []];
  records.forEach((r, i) => {
    const loc = r.location;
    if (loc === undefined) return;
    if (loc === 'default') matches[2].push(i);
    else if (loc.country !== undefined) {
      if (loc.country === client.country) matches[0].push(i);
    } else if (loc.continent !== undefined && loc.continent === client.continent) matches[1].push(i);
  });
  const candidates = matches.flat();
  if (candidates.length === 0) return [];
  return [candidates.find((i) => healthy(i)) ?? candidates[0]];
}

function indices(n: number): number[] {
  return Array.from({ length: n }, (_, i) => i);
}

/** The healthy ones among `pool`, or all of `pool` when none is healthy. */
function healthyOrAll(pool: number[], healthy: HealthView): number[] {
  const up = pool.filter((i) => healthy(i));
  return up.length > 0 ? up : pool;
}

/** Fisher–Yates shuffle, in place. */
export function shuffle(a: number[], rng: RandomSource): number[] {
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(rng.next() * (i + 1));
    const t = a[i];
    a[i] = a[j];
    a[j] = t;
  }
  return a;
}
