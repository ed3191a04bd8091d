/** HAProxy configuration words: single-quoted (no escapes inside), a quote itself written as '\''. */
export function haproxyQuote(text: string): string {
  return `'${text.replace(/'/g, `'\\''`)}'`;
}

/** An HAProxy time: whole seconds when exact, else milliseconds. */
export function haproxyTime(ms: number): string {
  return ms % 1000 === 0 ? `${ms / 1000}s` : `${Math.max(1, Math.round(ms))}ms`;
}

/** A status matcher ("200", "200-399", "200,302") as a regex for `http-check expect rstatus`. */
export function statusRegex(matcher: string): string {
  const parts: string[] = [];
  for (const item of matcher.split(',')) {
    const [lo, hi = lo] = item.split('-').map(Number);
    for (let c = lo; c <= hi; ) {
      if (c % 100 === 0 && c + 99 <= hi) {
        parts.push(`${c / 100}[0-9][0-9]`);
        c += 100;
      } else if (c % 10 === 0 && c + 9 <= hi) {
        parts.push(`${c / 10}[0-9]`);
        c += 10;
      } else parts.push(String(c++));
    }
  }
  return `^(${parts.join('|')})$`;
}
