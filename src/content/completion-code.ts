/**
 * A progress file's completion code: a checksum over its fields, so that a teacher can see whether a file was
 * changed or damaged since the lab wrote it. It catches accidents (a hand edit, a truncated copy, two files
 * mixed up), not cheating: the recipe is public and anyone can compute a matching code for any content.
 *
 * The recipe: the fields (version, learner, lessons) as JSON with object keys sorted, encoded as UTF-8, hashed
 * with 32-bit FNV-1a; the hash as eight upper-case hex digits in two groups of four ("BL-7F3A-91C2").
 */

/** JSON with every object's keys in sorted order, so the same fields always give the same text. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
    entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** 32-bit FNV-1a over bytes. */
export function fnv1a32(bytes: Uint8Array): number {
  let hash = 0x811c9dc5;
  for (const byte of bytes) {
    hash ^= byte;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash >>> 0;
}

/** The completion code of a progress document's fields (version, learner, lessons). */
export function completionCode(progress: { version: number; learner?: string; lessons: object }): string {
  const { version, learner, lessons } = progress;
  const hex = fnv1a32(new TextEncoder().encode(canonicalJson({ version, learner, lessons }))).toString(16).toUpperCase().padStart(8, '0');
  return `BL-${hex.slice(0, 4)}-${hex.slice(4)}`;
}
