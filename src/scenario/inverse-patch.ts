/**
 * The inverse of a list of JSON Patch operations on a document: the patches that, applied after them,
 * give the document back exactly (RFC 6902 has no inverse; we derive one from the document before). An
 * `add` into a list is undone by removing that item, a `remove` by adding the old value back at its place,
 * a `replace` by replacing with the old value, an `add` that overwrote an object key by replacing it back.
 * Undo in the builder applies these live, as a patch like any other.
 */
import { applyPatches, formatPointer, parsePointer, type PatchOp } from './json-patch.ts';
import type { Validated } from './validated.ts';

function isObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

/** The inverse of one patch against `doc` as it is just before it; an error when the patch cannot apply. */
function inverseOne(doc: unknown, patch: PatchOp): PatchOp | string {
  const op = patch.op ?? 'replace';
  const parts = parsePointer(patch.path);
  if (typeof parts === 'string') return parts;
  if (parts.length === 0) return { op: 'replace', path: '', value: structuredClone(doc) };
  let parent: unknown = doc;
  for (const key of parts.slice(0, -1)) {
    if (Array.isArray(parent)) parent = parent[Number(key)];
    else if (isObject(parent)) parent = parent[key];
    else return `${patch.path}: the parent of this path does not exist`;
  }
  const last = parts[parts.length - 1];
  const parentPath = parts.slice(0, -1);
  if (Array.isArray(parent)) {
    const index = last === '-' ? parent.length : Number(last);
    const at = formatPointer([...parentPath, index]);
    if (op === 'add') return { op: 'remove', path: at };
    if (op === 'remove') return { op: 'add', path: at, value: structuredClone(parent[index]) };
    return { op: 'replace', path: at, value: structuredClone(parent[index]) };
  }
  if (!isObject(parent)) return `${patch.path}: the parent of this path is not an object or a list`;
  const had = last in parent;
  if (op === 'add') return had ? { op: 'replace', path: patch.path, value: structuredClone(parent[last]) } : { op: 'remove', path: patch.path };
  if (op === 'remove') return { op: 'add', path: patch.path, value: structuredClone(parent[last]) };
  return { op: 'replace', path: patch.path, value: structuredClone(parent[last]) };
}

/**
 * The patches that undo `patches` applied to `doc`, in the order to apply them (the last patch undone
 * first). Fails, with the reason, exactly when the patches themselves cannot apply to `doc`.
 */
export function invertPatches(doc: unknown, patches: readonly PatchOp[]): Validated<PatchOp[]> {
  let current: unknown = doc;
  const inverses: PatchOp[] = [];
  for (const patch of patches) {
    const inverse = inverseOne(current, patch);
    if (typeof inverse === 'string') return { ok: false, errors: [{ path: patch.path || '(root)', message: inverse }] };
    const applied = applyPatches(current, [patch]);
    if (!applied.ok) return applied;
    inverses.push(inverse);
    current = applied.value;
  }
  return { ok: true, value: inverses.reverse() };
}
