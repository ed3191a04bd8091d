/**
 * A small YAML writer whose every entry can carry a `#` comment (YAML libraries drop or misplace comments).
 * It writes block mappings and sequences, `{}` and `[]` for empty ones, and quotes any string a YAML parser
 * could read as something else.
 */

export type YamlValue = string | number | boolean | YamlMap | YamlList;
export interface YamlEntry {
  key: string;
  value: YamlValue;
  comment?: string;
}
export class YamlMap {
  constructor(readonly entries: YamlEntry[] = []) {}
  /** Adds `key: value`, with `comment` naming where it came from; returns this map for chaining. */
  set(key: string, value: YamlValue, comment?: string): this {
    this.entries.push({ key, value, comment });
    return this;
  }
}
export class YamlList {
  constructor(readonly items: { value: YamlValue; comment?: string }[] = []) {}
  push(value: YamlValue, comment?: string): this {
    this.items.push({ value, comment });
    return this;
  }
}

/** A mapping from [key, value, comment?] triples. */
export function ymap(...entries: [string, YamlValue, string?][]): YamlMap {
  return new YamlMap(entries.map(([key, value, comment]) => ({ key, value, comment })));
}

/** A sequence of values. */
export function ylist(...values: YamlValue[]): YamlList {
  return new YamlList(values.map((value) => ({ value })));
}

function scalar(v: string | number | boolean): string {
  if (typeof v !== 'string') return String(v);
  const plain = /^[A-Za-z_/][A-Za-z0-9_./-]*$/.test(v) && !/^(true|false|yes|no|on|off|null|y|n)$/i.test(v);
  return plain ? v : JSON.stringify(v);
}

function key(k: string): string {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(k) ? k : JSON.stringify(k);
}

function withComment(text: string, comment?: string): string {
  return comment ? `${text}  # ${comment}` : text;
}

function isEmpty(v: YamlValue): string | null {
  if (v instanceof YamlMap && v.entries.length === 0) return '{}';
  if (v instanceof YamlList && v.items.length === 0) return '[]';
  return null;
}

function writeMap(m: YamlMap, indent: number, out: string[], firstPrefix: string | null): void {
  m.entries.forEach((e, i) => {
    const pad = i === 0 && firstPrefix !== null ? firstPrefix : ' '.repeat(indent);
    const head = `${pad}${key(e.key)}:`;
    const empty = isEmpty(e.value);
    if (empty !== null) out.push(withComment(`${head} ${empty}`, e.comment));
    else if (e.value instanceof YamlMap) {
      out.push(withComment(head, e.comment));
      writeMap(e.value, indent + 2, out, null);
    } else if (e.value instanceof YamlList) {
      out.push(withComment(head, e.comment));
      writeList(e.value, indent, out);
    } else out.push(withComment(`${head} ${scalar(e.value)}`, e.comment));
  });
}

function writeList(l: YamlList, indent: number, out: string[]): void {
  for (const item of l.items) {
    const dash = `${' '.repeat(indent)}- `;
    const empty = isEmpty(item.value);
    if (empty !== null) out.push(withComment(`${dash}${empty}`, item.comment));
    else if (item.value instanceof YamlMap) {
      const start = out.length;
      writeMap(item.value, indent + 2, out, dash);
      if (item.comment) out[start] = withComment(out[start], item.comment);
    } else if (item.value instanceof YamlList) {
      out.push(withComment(`${dash.trimEnd()}`, item.comment));
      writeList(item.value, indent + 2, out);
    } else out.push(withComment(`${dash}${scalar(item.value)}`, item.comment));
  }
}

/** The document's text. */
export function toYaml(root: YamlMap): string {
  const out: string[] = [];
  writeMap(root, 0, out, null);
  return out.join('\n') + '\n';
}
