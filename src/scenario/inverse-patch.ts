/**
 * The inverse of a list of JSON Patch operations on a document: the patches that, applied after them,
 * give the document back exactly (RFC 6902 has no inverse; we derive one from the document before). An
 * `add` into a list is undone by removing that item, a `remove` by adding the old value back at its place,
 * a `replace` by replacing with the old value, an `add` that overwrote an object key by replacing it back.
 * Undo in the builder applies these live, as a patch like any other.
 */
import { applyPatches, formatPointer, parsePointer, type PatchOp } from './json-patch.ts';
import type { Validated } from './validated.ts';

/**
 * The inverse of one patch against `doc` as it is just before it. Only called once the patch has applied
 * to `doc`, so its pointer parses and its parent exists and holds values.
 */
function inverseOne(doc: unknown, patch: PatchOp): PatchOp {
  const op = patch.op ?? 'replace';
  const parts = parsePointer(patch.path) as string[];
  if (parts.length === 0) return { op: 'replace', path: '', value: structuredClone(doc) };
  let parent: unknown = doc;
  for (const key of parts.slice(0, -1)) parent = Array.isArray(parent) ? parent[Number(key)] : (parent as Record<string, unknown>)[key];
  const last = parts[parts.length - 1];
  const parentPath = parts.slice(0, -1);
  if (Array.isArray(parent)) {
    const index = last === '-' ? parent.length : Number(last);
    const at = formatPointer([...parentPath, index]);
    if (op === 'add') return { op: 'remove', path: at };
    if (op === 'remove') return { op: 'add', path: at, value: structuredClone(parent[index]) };
    return { op: 'replace', path: at, value: structuredClone(parent[index]) };
  }
  const object = parent as Record<string, unknown>;
  const had = last in object;
  if (op === 'add') return had ? { op: 'replace', path: patch.path, value: structuredClone(object[last]) } : { op: 'remove', path: patch.path };
  if (op === 'remove') return { op: 'add', path: patch.path, value: structuredClone(object[last]) };
  return { op: 'replace', path: patch.path, value: structuredClone(object[last]) };
}

/**
 * The patches that undo `patches` applied to `doc`, in the order to apply them (the last patch undone
 * first). Fails, with the reason (coded, as json-patch.ts words it), exactly when the patches themselves
 * cannot apply to `doc`.
 */
export function invertPatches(doc: unknown, patches: readonly PatchOp[]): Validated<PatchOp[]> {
  let current: unknown = doc;
  const inverses: PatchOp[] = [];
  for (const patch of patches) {
    const applied = applyPatches(current, [patch]);
    if (!applied.ok) return applied;
    inverses.push(inverseOne(current, patch));
    current = applied.value;
  }
  return { ok: true, value: inverses.reverse() };
}
