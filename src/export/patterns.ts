/**
 * The lab's rule patterns (ALB style: host and header values case-insensitive with `*` and `?`; path prefixes
 * and cookie values exact and case-sensitive) as regular expressions, for systems that match with regexes
 * (nginx `map`, HAProxy ACLs, Envoy `safe_regex`, which is RE2).
 */

const META = /[\\^$.|?*+()[\]{}]/g;

/** Escapes every regex metacharacter. */
export function escapeRegex(text: string): string {
  return text.replace(META, (c) => `\\${c}`);
}

/** A whole-string regex for an ALB wildcard pattern: `*` any run of characters, `?` one character. */
export function wildcardRegex(pattern: string): string {
  let out = '';
  for (const ch of pattern) out += ch === '*' ? '.*' : ch === '?' ? '.' : escapeRegex(ch);
  return `^${out}$`;
}

/** A regex that finds cookie `name` with exactly `value` in a Cookie header. */
export function cookieRegex(name: string, value: string): string {
  return `(^|;\\s*)${escapeRegex(name)}=${escapeRegex(value)}(;|$)`;
}

/** A regex for a path that starts with `prefix` (case-sensitive, no wildcards). */
export function prefixRegex(prefix: string): string {
  return `^${escapeRegex(prefix)}`;
}
