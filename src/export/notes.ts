/**
 * What an export could not carry over. Every setting that has no counterpart in the target system is recorded
 * with its JSON path and the reason, and printed in a comment block at the top of the file: nothing is dropped
 * silently.
 */

export class NotExported {
  private readonly items: string[] = [];

  /** Records that the setting at `path` was not exported (or only approximated), and why. */
  add(path: string, because: string): void {
    const line = `${path}: ${because}`;
    if (!this.items.includes(line)) this.items.push(line);
  }

  list(): string[] {
    return [...this.items];
  }
}

/** The header every export starts with: title lines, then the "not exported" list, all as comments. */
export function headerComment(prefix: string, title: string[], notExported: readonly string[]): string[] {
  const out = title.map((t) => `${prefix} ${t}`.trimEnd());
  out.push(prefix);
  if (notExported.length === 0) {
    out.push(`${prefix} not exported: nothing (every setting of this scenario has a counterpart here)`);
  } else {
    out.push(`${prefix} not exported (or only approximated), with the reason:`);
    for (const n of notExported) out.push(`${prefix}   - ${n}`);
  }
  out.push(prefix);
  return out;
}
