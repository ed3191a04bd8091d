/**
 * `--set path=value` overrides for the CLI (and tests): set one field of a raw scenario document
 * before validation. Paths use dots and numeric indices (`targetGroups.0.algorithm`); the value is
 * parsed as JSON when it can be, else taken as a bare string.
 */
export function parseOverride(text: string): { path: string[]; value: unknown } | string {
  const eq = text.indexOf('=');
  if (eq <= 0) return `--set needs path=value, got "${text}"`;
  const path = text.slice(0, eq).split('.');
  if (path.some((p) => p === '')) return `--set path "${text.slice(0, eq)}" has an empty segment`;
  const raw = text.slice(eq + 1);
  let value: unknown = raw;
  try {
    value = JSON.parse(raw);
  } catch {
    value = raw;
  }
  return { path, value };
}

/** Returns a copy of `doc` with the value at `path` replaced (creating objects along the way). */
export function setAtPath(doc: unknown, path: readonly string[], value: unknown): unknown {
  if (path.length === 0) return value;
  const [head, ...rest] = path;
  if (Array.isArray(doc)) {
    const i = Number(head);
    const copy = doc.slice();
    copy[i] = setAtPath(doc[i], rest, value);
    return copy;
  }
  const obj = doc !== null && typeof doc === 'object' ? (doc as Record<string, unknown>) : {};
  return { ...obj, [head]: setAtPath(obj[head], rest, value) };
}
