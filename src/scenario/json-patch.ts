/**
 * JSON Patch (RFC 6902) on plain JSON: `add`, `replace` or `remove` at a JSON Pointer (RFC 6901:
 * `/targetGroups/0/algorithm`, `~1` for "/", `~0` for "~", `-` to append to a list). Several patches apply
 * in order to a copy; the first that cannot apply stops everything, with its pointer and reason. What the
 * result must then satisfy is the scenario validator's business (patch.ts).
 */
import type { Validated } from './validated.ts';

export type PatchOperation = 'add' | 'replace' | 'remove';

/** One patch, as written in a change: `op` defaults to replace. */
export interface PatchOp {
  op?: PatchOperation;
  path: string;
  value?: unknown;
}

/** Parts of a JSON Pointer ("" is the whole document), or a sentence saying why it is not one. */
export function parsePointer(pointer: string): string[] | string {
  if (pointer === '') return [];
  if (!pointer.startsWith('/')) return `"${pointer}" is not a JSON Pointer: it must start with "/"`;
  const parts = pointer.slice(1).split('/');
  for (const p of parts) if (/~[^01]|~$/.test(p)) return `"${pointer}" has a "~" not followed by 0 or 1`;
  return parts.map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/** Writes a JSON Pointer from its parts. */
export function formatPointer(parts: readonly (string | number)[]): string {
  return parts.map((p) => '/' + String(p).replace(/~/g, '~0').replace(/\//g, '~1')).join('');
}

function isObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

/** An array index in a pointer: digits without leading zeros, below `limit` (or equal to it with `allowEnd`). */
function arrayIndex(part: string, length: number, allowEnd: boolean): number | string {
  if (part === '-') return allowEnd ? length : '"-" (the end of the list) only works with add';
  if (!/^(0|[1-9]\d*)$/.test(part)) return `"${part}" is not a position in the list`;
  const i = Number(part);
  if (i > length || (i === length && !allowEnd)) return `there is no item ${i} (the list has ${length})`;
  return i;
}

/** Applies one patch to `doc` in place (its parent containers are already copies); returns an error or null. */
function applyOne(root: { doc: unknown }, patch: PatchOp): string | null {
  const op = patch.op ?? 'replace';
  const parts = parsePointer(patch.path);
  if (typeof parts === 'string') return parts;
  if (op !== 'remove' && patch.value === undefined) return `${op} needs a value`;
  if (parts.length === 0) {
    if (op === 'remove') return 'the whole scenario cannot be removed';
    root.doc = structuredClone(patch.value);
    return null;
  }
  let parent: unknown = root.doc;
  for (let i = 0; i < parts.length - 1; i++) {
    const key = parts[i];
    const where = '/' + parts.slice(0, i + 1).join('/');
    if (Array.isArray(parent)) {
      const at = arrayIndex(key, parent.length, false);
      if (typeof at === 'string') return `${where}: ${at}`;
      parent = parent[at];
    } else if (isObject(parent)) {
      if (!(key in parent)) return `${where}: there is no "${key}" here`;
      parent = parent[key];
    } else {
      return `${where}: ${i === 0 ? 'the scenario' : 'this value'} has no parts`;
    }
  }
  const last = parts[parts.length - 1];
  const value = structuredClone(patch.value);
  if (Array.isArray(parent)) {
    const at = arrayIndex(last, parent.length, op === 'add');
    if (typeof at === 'string') return at;
    if (op === 'add') parent.splice(at, 0, value);
    else if (op === 'replace') parent[at] = value;
    else parent.splice(at, 1);
    return null;
  }
  if (!isObject(parent)) return 'the parent of this path is not an object or a list';
  if (op !== 'add' && !(last in parent)) return `there is no "${last}" to ${op}`;
  if (op === 'remove') delete parent[last];
  else parent[last] = value;
  return null;
}

/** Applies patches in order to a copy of `doc`; the first that cannot apply stops everything, with its reason. */
export function applyPatches(doc: unknown, patches: readonly PatchOp[]): Validated<unknown> {
  const root = { doc: structuredClone(doc) };
  for (let i = 0; i < patches.length; i++) {
    const error = applyOne(root, patches[i]);
    if (error !== null) return { ok: false, errors: [{ path: patches[i].path || '(root)', message: patches.length > 1 ? `patch ${i + 1}: ${error}` : error }] };
  }
  return { ok: true, value: root.doc };
}
