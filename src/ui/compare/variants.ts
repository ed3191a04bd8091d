/**
 * Compare mode's two configurations: the same scenario document with a different algorithm per target
 * group. Everything else — traffic, seed, targets — is identical, so the engine's common random numbers
 * give both runs the same requests and service-time draws.
 */
import { ALGORITHM_NAMES, HAPROXY_ALGORITHMS, HASH_ALGORITHMS, type AlgorithmName } from '../../scenario/algorithm-names.ts';

export interface GroupChoice {
  id: string;
  algorithm: AlgorithmName;
}

function groupsOf(doc: unknown): Record<string, unknown>[] {
  const groups = (doc as { targetGroups?: unknown } | null)?.targetGroups;
  return Array.isArray(groups) ? groups.filter((g): g is Record<string, unknown> => g !== null && typeof g === 'object') : [];
}

/** The target groups of a (valid) document and their algorithms. */
export function groupChoices(doc: unknown): GroupChoice[] {
  return groupsOf(doc).map((g) => ({
    id: String(g.id),
    algorithm: (ALGORITHM_NAMES as readonly string[]).includes(String(g.algorithm)) ? (g.algorithm as AlgorithmName) : 'round-robin',
  }));
}

/** A different algorithm to compare against: least connections, or round robin if it already is that. */
export function contrast(algorithm: AlgorithmName): AlgorithmName {
  return algorithm === 'least-connections' ? 'round-robin' : 'least-connections';
}

/**
 * A copy of the document with the given algorithm per group. Settings the new algorithm does not read are
 * dropped (a hash key, HAProxy's hashType and allBackups), and haproxy-hash, which hashes only a path, a
 * query parameter or a header, hashes the path when the group's key is none of those.
 */
export function withAlgorithms(doc: unknown, algorithms: Record<string, AlgorithmName>): unknown {
  const copy = structuredClone(doc) as Record<string, unknown>;
  for (const g of groupsOf(copy)) {
    const chosen = algorithms[String(g.id)];
    if (chosen === undefined) continue;
    g.algorithm = chosen;
    if (!HASH_ALGORITHMS.includes(chosen) || chosen === 'ip-hash' || chosen === 'haproxy-source') delete g.hashKey;
    if (chosen === 'haproxy-hash' && !/^(path|query:|header:)/.test(String(g.hashKey ?? ''))) g.hashKey = 'path';
    if (chosen !== 'haproxy-source' && chosen !== 'haproxy-hash') delete g.hashType;
    if (!HAPROXY_ALGORITHMS.includes(chosen)) delete g.allBackups;
  }
  return copy;
}
