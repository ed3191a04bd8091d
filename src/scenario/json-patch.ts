/**
 * JSON Patch (RFC 6902) on plain JSON: `add`, `replace` or `remove` at a JSON Pointer (RFC 6901:
 * `/targetGroups/0/algorithm`, `~1` for "/", `~0` for "~", `-` to append to a list). Several patches apply
 * in order to a copy; the first that cannot apply stops everything, with its pointer and reason. What the
 * result must then satisfy is the scenario validator's business (patch.ts). Each reason carries a code and
 * values (error-codes.ts), so the page can say it in its own language; the English is the same as ever.
 */
import { coded } from './error-codes.ts';
import type { Validated, ValidationError } from './validated.ts';

export type PatchOperation = 'add' | 'replace' | 'remove';

/** One patch, as written in a change: `op` defaults to replace. */
export interface PatchOp {
  op?: PatchOperation;
  path: string;
  value?: unknown;
}

/** Parts of a JSON Pointer ("" is the whole document), or why it is not one (coded, without a path). */
function pointerParts(pointer: string): string[] | ValidationError {
  if (pointer === '') return [];
  if (!pointer.startsWith('/')) return coded('', 'val_pointer_slash', { pointer });
  const parts = pointer.slice(1).split('/');
  for (const p of parts) if (/~[^01]|~$/.test(p)) return coded('', 'val_pointer_tilde', { pointer });
  return parts.map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/** Parts of a JSON Pointer ("" is the whole document), or a sentence saying why it is not one. */
export function parsePointer(pointer: string): string[] | string {
  const parts = pointerParts(pointer);
  return Array.isArray(parts) ? parts : parts.message;
}

/** Writes a JSON Pointer from its parts. */
export function formatPointer(parts: readonly (string | number)[]): string {
  return parts.map((p) => '/' + String(p).replace(/~/g, '~0').replace(/\//g, '~1')).join('');
}

function isObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

/** An array index in a pointer: digits without leading zeros, below `limit` (or equal to it with `allowEnd`). */
function arrayIndex(part: string, length: number, allowEnd: boolean): number | ValidationError {
  if (part === '-') return allowEnd ? length : coded('', 'val_patch_end_add');
  if (!/^(0|[1-9]\d*)$/.test(part)) return coded('', 'val_patch_not_position', { part });
  const i = Number(part);
  if (i > length || (i === length && !allowEnd)) return coded('', 'val_patch_no_item', { index: i, length });
  return i;
}

/** Applies one patch to `doc` in place (its parent containers are already copies); returns why not (no path yet), or null. */
function applyOne(root: { doc: unknown }, patch: PatchOp): ValidationError | null {
  const op = patch.op ?? 'replace';
  const parts = pointerParts(patch.path);
  if (!Array.isArray(parts)) return parts;
  if (op !== 'remove' && patch.value === undefined) return coded('', 'val_patch_needs_value', { op });
  if (parts.length === 0) {
    if (op === 'remove') return coded('', 'val_patch_remove_root');
    root.doc = structuredClone(patch.value);
    return null;
  }
  let parent: unknown = root.doc;
  for (let i = 0; i < parts.length - 1; i++) {
    const key = parts[i];
    const where = '/' + parts.slice(0, i + 1).join('/');
    if (Array.isArray(parent)) {
      const at = arrayIndex(key, parent.length, false);
      if (typeof at !== 'number') return coded('', 'val_patch_at', { where }, at);
      parent = parent[at];
    } else if (isObject(parent)) {
      if (!(key in parent)) return coded('', 'val_patch_at', { where }, coded('', 'val_patch_no_key', { key }));
      parent = parent[key];
    } else {
      return coded('', 'val_patch_at', { where }, coded('', i === 0 ? 'val_patch_scenario_no_parts' : 'val_patch_value_no_parts'));
    }
  }
  const last = parts[parts.length - 1];
  const value = structuredClone(patch.value);
  if (Array.isArray(parent)) {
    const at = arrayIndex(last, parent.length, op === 'add');
    if (typeof at !== 'number') return at;
    if (op === 'add') parent.splice(at, 0, value);
    else if (op === 'replace') parent[at] = value;
    else parent.splice(at, 1);
    return null;
  }
  if (!isObject(parent)) return coded('', 'val_patch_parent');
  if (op !== 'add' && !(last in parent)) return coded('', 'val_patch_nothing_to', { key: last, op });
  if (op === 'remove') delete parent[last];
  else parent[last] = value;
  return null;
}

/** Applies patches in order to a copy of `doc`; the first that cannot apply stops everything, with its reason. */
export function applyPatches(doc: unknown, patches: readonly PatchOp[]): Validated<unknown> {
  const root = { doc: structuredClone(doc) };
  for (let i = 0; i < patches.length; i++) {
    const error = applyOne(root, patches[i]);
    if (error !== null) return { ok: false, errors: [{ ...(patches.length > 1 ? coded('', 'val_patch_nth', { n: i + 1 }, error) : error), path: patches[i].path || '(root)' }] };
  }
  return { ok: true, value: root.doc };
}
