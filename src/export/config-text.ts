/**
 * A configuration file being written line by line, each line with a trailing `#` comment that names the lab
 * setting it came from (nginx, HAProxy, YAML and HCL all take `#` comments).
 */

const COMMENT_COLUMN = 48;

export class ConfigText {
  private readonly lines: string[] = [];

  constructor(private readonly indentUnit = '  ') {}

  /** One line at `depth`, with `from` (a JSON path, or why the line is there) as its comment. */
  line(depth: number, text: string, from?: string): void {
    const body = this.indentUnit.repeat(depth) + text;
    this.lines.push(from === undefined ? body : `${body.padEnd(COMMENT_COLUMN - 1)} # ${from}`);
  }

  /** A comment line on its own. */
  comment(depth: number, text: string): void {
    this.lines.push(`${this.indentUnit.repeat(depth)}# ${text}`);
  }

  blank(): void {
    if (this.lines.length > 0 && this.lines[this.lines.length - 1] !== '') this.lines.push('');
  }

  raw(lines: readonly string[]): void {
    this.lines.push(...lines);
  }

  toString(): string {
    return this.lines.join('\n').replace(/\n+$/, '') + '\n';
  }
}
