/**
 * Compare mode's two configurations: the same scenario document with a different algorithm per target
 * group, and design B with any set of patches besides (a shared session store, cross-zone off, another
 * health check…). Traffic and seed are identical, so the engine's common random numbers give both runs
 * the same requests and service-time draws.
 */
import { z } from 'zod';
import { applyPatches, formatPointer, type PatchOp } from '../../scenario/json-patch.ts';
import { PatchOpSchema } from '../../scenario/schema/changes.ts';
import type { ValidationError } from '../../scenario/validated.ts';
import { m } from '../../i18n/paraglide/messages.js';
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

/** A ready-made difference for design B: patches on the document (any part, not only the algorithm). */
export interface PatchPreset {
  key: string;
  label: string;
  patches: PatchOp[];
}

/** Differences worth comparing in this document: session store, stickiness, cross-zone, TLS, health check. */
export function patchPresets(doc: unknown): PatchPreset[] {
  const out: PatchPreset[] = [];
  groupsOf(doc).forEach((g, i) => {
    const id = String(g.id);
    const store = (g.sessionStore as { kind?: string } | undefined)?.kind ?? 'memory';
    if (store !== 'shared') out.push({ key: `shared-${i}`, label: m.compare_preset_shared({ group: id }), patches: [{ op: 'add', path: formatPointer(['targetGroups', i, 'sessionStore']), value: { kind: 'shared' } }] });
    if (g.stickiness !== undefined) out.push({ key: `unstick-${i}`, label: m.compare_preset_unstick({ group: id }), patches: [{ op: 'remove', path: formatPointer(['targetGroups', i, 'stickiness']) }] });
    else out.push({ key: `stick-${i}`, label: m.compare_preset_stick({ group: id }), patches: [{ op: 'add', path: formatPointer(['targetGroups', i, 'stickiness']), value: { kind: 'lb-cookie' } }] });
    out.push({ key: `hc-${i}`, label: m.compare_preset_fast_hc({ group: id }), patches: [{ op: 'add', path: formatPointer(['targetGroups', i, 'healthCheck']), value: { intervalSec: 5, unhealthyThreshold: 2 } }] });
  });
  const balancers = (doc as { balancers?: unknown } | null)?.balancers;
  if (Array.isArray(balancers)) {
    balancers.forEach((b: { id?: unknown; zones?: unknown; crossZone?: unknown }, i) => {
      if (Array.isArray(b.zones) && b.zones.length > 1) out.push({ key: `cz-${i}`, label: b.crossZone === false ? m.compare_preset_cross_zone_on({ balancer: String(b.id) }) : m.compare_preset_cross_zone_off({ balancer: String(b.id) }), patches: [{ op: 'add', path: formatPointer(['balancers', i, 'crossZone']), value: b.crossZone === false }] });
    });
  }
  return out;
}

/** B's document: the algorithms chosen, then the patches (checked as JSON Patch here, as a scenario when it opens). */
export function designB(doc: unknown, algorithms: Record<string, AlgorithmName>, patchesText: string): { ok: true; doc: unknown; patches: PatchOp[] } | { ok: false; errors: ValidationError[] } {
  const base = withAlgorithms(doc, algorithms);
  const text = patchesText.trim();
  if (text === '' || text === '[]') return { ok: true, doc: base, patches: [] };
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (e) {
    return { ok: false, errors: [{ path: m.compare_patches_path(), message: m.compare_patches_not_json({ reason: (e as Error).message }) }] };
  }
  const list = Array.isArray(parsed) ? parsed : [parsed];
  const checked = z.array(PatchOpSchema).safeParse(list);
  if (!checked.success) return { ok: false, errors: [{ path: m.compare_patches_path(), message: m.compare_patches_shape({ example: '[{ "op": "add", "path": "/targetGroups/0/sessionStore", "value": { "kind": "shared" } }]' }) }] };
  const patched = applyPatches(base, checked.data);
  if (!patched.ok) return { ok: false, errors: patched.errors.map((e) => ({ ...e, path: `${m.compare_patches_path()} ${e.path}` })) };
  return { ok: true, doc: patched.value, patches: checked.data };
}

/** B's patches in a few words, for its label. */
export function patchesWords(patches: readonly PatchOp[]): string {
  return patches.map((p) => `${p.op === 'remove' ? '−' : ''}${p.path.split('/').slice(-2).join('/')}${p.op === 'remove' ? '' : `=${JSON.stringify(p.value)}`}`).join(', ');
}

/**
 * A design as patches on the document (for a sweep): each group whose algorithm changes is replaced by its
 * copy from withAlgorithms, then B's own patches follow, in the order designB applies them.
 */
export function designPatches(doc: unknown, algorithms: Record<string, AlgorithmName>, extra: readonly PatchOp[] = []): PatchOp[] {
  const before = groupsOf(doc);
  const after = groupsOf(withAlgorithms(doc, algorithms));
  const out: PatchOp[] = [];
  after.forEach((g, i) => {
    if (JSON.stringify(g) !== JSON.stringify(before[i])) out.push({ op: 'replace', path: formatPointer(['targetGroups', i]), value: g });
  });
  return [...out, ...extra];
}
