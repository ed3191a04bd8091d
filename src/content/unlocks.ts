/**
 * What a lesson unlocks for live patches (its frontmatter's `unlocks`): JSON Pointer patterns into the
 * scenario (`/targetGroups/*\/stickiness`, `*` standing for any one list position or key) or the names of
 * groups of them (`stickiness`, `routing`…). A patch is unlocked when every path it touches lies at or
 * under an unlocked pattern. Patterns are checked against the scenario's schema when lessons load, so a
 * misspelt field fails the build.
 */
import { parsePointer } from '../scenario/json-patch.ts';
import { schemaHasPlace, type JsonSchema } from '../scenario/json-schema-walk.ts';

/** Named groups of patterns, in the lab's vocabulary. */
export const UNLOCK_GROUPS: Readonly<Record<string, { label: string; patterns: readonly string[] }>> = {
  traffic: { label: 'the traffic', patterns: ['/traffic'] },
  'target-groups': { label: 'target groups and their targets', patterns: ['/targetGroups'] },
  targets: { label: 'the targets of each target group', patterns: ['/targetGroups/*/targets'] },
  algorithm: { label: "each target group's algorithm", patterns: ['/targetGroups/*/algorithm', '/targetGroups/*/hashKey', '/targetGroups/*/hashType'] },
  routing: { label: 'listener rules and where they forward', patterns: ['/balancers/*/listeners/*/rules', '/balancers/*/listeners/*/defaultForward', '/balancers/*/listeners/*/weightedForward'] },
  'health-checks': { label: 'health checks', patterns: ['/targetGroups/*/healthCheck', '/targetGroups/*/passiveHealth', '/targetGroups/*/whenAllUnhealthy', '/targetGroups/*/panicThresholdPercent'] },
  resilience: { label: 'retries, timeouts, slow start and circuit breakers', patterns: ['/targetGroups/*/retries', '/targetGroups/*/requestTimeoutMs', '/targetGroups/*/slowStart', '/targetGroups/*/circuitBreaker', '/targetGroups/*/deregistrationDelaySec'] },
  stickiness: { label: 'session stickiness', patterns: ['/targetGroups/*/stickiness'] },
  'session-store': { label: 'where sessions live', patterns: ['/targetGroups/*/sessionStore'] },
  tls: { label: 'TLS on listeners', patterns: ['/balancers/*/listeners/*/tls', '/balancers/*/listeners/*/protocol', '/balancers/*/layer'] },
  zones: { label: 'zones and cross-zone balancing', patterns: ['/balancers/*/zones', '/balancers/*/crossZone', '/targetGroups/*/targets/*/zone'] },
  edge: { label: 'rate limiting, the WAF and balancer capacity', patterns: ['/balancers/*/rateLimit', '/balancers/*/waf', '/balancers/*/capacity'] },
  inspection: { label: 'inspection by appliances (a Gateway Load Balancer)', patterns: ['/balancers/*/inspection'] },
  balancers: { label: 'balancers', patterns: ['/balancers'] },
  dns: { label: 'the DNS name', patterns: ['/dns'] },
  databases: { label: 'databases', patterns: ['/databases', '/targetGroups/*/database'] },
  scaling: { label: 'scaling groups and their policies', patterns: ['/scalingGroups'] },
  everything: { label: 'every part of the scenario', patterns: ['/*'] },
};

/** A pattern's parts, or why it is not one (it must be a JSON Pointer; `*` only as a whole part). */
export function patternParts(pattern: string): string[] | string {
  if (pattern === '') return 'an empty pattern would unlock the whole scenario: write "everything"';
  const parts = parsePointer(pattern);
  if (typeof parts === 'string') return parts;
  for (const p of parts) {
    if (p === '') return `"${pattern}" has an empty part`;
    if (p.includes('*') && p !== '*') return `"${pattern}": "*" stands for a whole part ("/targetGroups/*/stickiness")`;
  }
  return parts;
}

/** Whether `pointer` lies at or under `pattern` (`*` matches any one part). */
export function matchesPattern(pattern: string, pointer: string): boolean {
  const want = patternParts(pattern);
  const have = parsePointer(pointer);
  if (typeof want === 'string' || typeof have === 'string' || have.length < want.length) return false;
  return want.every((p, i) => p === '*' || p === have[i]);
}

/** The patterns an `unlocks` list stands for: group names expanded, patterns as written. */
export function expandUnlocks(unlocks: readonly string[]): string[] {
  return [...new Set(unlocks.flatMap((u) => (u.startsWith('/') ? [u] : (UNLOCK_GROUPS[u]?.patterns ?? []))))];
}

/** Whether every path is unlocked by the patterns. */
export function pathsUnlocked(paths: readonly string[], patterns: readonly string[]): boolean {
  return paths.every((path) => patterns.some((p) => matchesPattern(p, path)));
}

/** Problems with an `unlocks` list, one sentence per entry: unknown group names, bad patterns, places the scenario has not. */
export function unlockProblems(unlocks: readonly string[], schema: JsonSchema): { index: number; message: string }[] {
  const problems: { index: number; message: string }[] = [];
  unlocks.forEach((u, index) => {
    if (!u.startsWith('/')) {
      if (!(u in UNLOCK_GROUPS)) problems.push({ index, message: `"${u}" is neither a pattern (starting with "/") nor a group: ${Object.keys(UNLOCK_GROUPS).join(', ')}` });
      return;
    }
    const parts = patternParts(u);
    if (typeof parts === 'string') problems.push({ index, message: parts });
    else if (!schemaHasPlace(schema, parts)) problems.push({ index, message: `"${u}" names no place in a scenario (see docs/scenario-format.md)` });
  });
  return problems;
}
