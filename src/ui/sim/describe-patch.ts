/**
 * A live patch in words for the change list: each JSON Pointer named by what it points at in the scenario as
 * it was just before the change ("target group web: algorithm = least-connections", "add rule /orders → orders
 * to alb https :443", "remove rule 2 (/cart → web) of alb https :443") instead of `/targetGroups/0/algorithm`.
 * A change list is read in order, so `describeChanges` folds each patch into the scenario before naming the
 * next one (an index then names what was there at that moment). Without a scenario, pointers are shown as written.
 */
import type { Change, Scenario } from '../../scenario/schema.ts';
import { applyPatches, parsePointer, type PatchOp } from '../../scenario/json-patch.ts';
import { labelOf, unitOf } from '../builder/schema-fields.ts';
import { ruleWords } from '../builder/outline.ts';
import { fieldWords } from '../builder/field-words.ts';
import { m } from '../../i18n/paraglide/messages.js';
import { localizeNumberText } from '../../viz/number-format.ts';

type PatchChange = Extract<Change, { action: 'patch' }>;

/** The operations of a patch change, as one list. */
export function opsOf(c: PatchChange): PatchOp[] {
  return c.patches ?? [{ op: c.op ?? 'replace', path: c.path ?? '', value: c.value }];
}

/** A value in a few words: text and numbers as they are, an object by its id or kind, else short JSON. */
function valueWords(value: unknown, key: string): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number') {
    const unit = unitOf(key);
    return unit ? `${localizeNumberText(String(value))} ${unit}` : localizeNumberText(String(value));
  }
  if (value === null || typeof value !== 'object') return String(value);
  const o = value as Record<string, unknown>;
  if (typeof o.id === 'string') return o.id;
  if (o.match !== undefined && typeof o.forward === 'string') return ruleWords(o as never);
  if (typeof o.kind === 'string') return o.kind;
  // a small block of plain settings in words: "detection rate 0.95, false positive rate 0.001"
  const entries = Object.entries(o);
  if (!Array.isArray(value) && entries.length > 0 && entries.length <= 5 && entries.every(([, v]) => v === null || typeof v !== 'object'))
    return entries.map(([k, v]) => `${fieldWords(k, labelOf(k))} ${valueWords(v, k)}`).join(', ');
  const json = JSON.stringify(value);
  return json.length <= 40 ? json : '{…}';
}

interface Place {
  /** The node the pointer lies in, in words ("target group web"); null at the scenario's top. */
  node: string | null;
  /** The rest of the pointer (the field inside the node), in words; empty when the pointer is the node. */
  field: string;
  /** The last part of the pointer (a field name, a list index or "-"). */
  key: string;
  /** When the pointer names a list's new end ("/targetGroups/-"): what the list holds, in words. */
  adds: string | null;
}

/** What each named list holds, in English: the key of its words in KIND_WORDS. */
const LISTS: Record<string, string> = {
  balancers: 'balancer',
  targetGroups: 'target group',
  targets: 'target',
  listeners: 'listener',
  rules: 'rule',
  databases: 'database',
  scalingGroups: 'scaling group',
  policies: 'policy',
  records: 'DNS record',
  deployments: 'deployment',
};

const KIND_WORDS: Record<string, () => string> = {
  balancer: m.log_kind_balancer,
  'target group': m.log_kind_target_group,
  target: m.log_kind_target,
  listener: m.log_kind_listener,
  rule: m.log_kind_rule,
  database: m.log_kind_database,
  'scaling group': m.log_kind_scaling_group,
  policy: m.log_kind_policy,
  'DNS record': m.log_kind_record,
  deployment: m.log_kind_deployment,
  'DNS name': m.log_kind_dns,
};

/** A kind of node in the page's language. */
const kindWords = (kind: string): string => KIND_WORDS[kind]?.() ?? kind;

interface Step {
  kind: string;
  item: Record<string, unknown>;
  index: number;
}

/** The innermost node of a walk in words, with the context it needs: "target web-1", "alb https :443", "rule 2 (/cart → web) of alb https :443". */
function nodeWords(steps: readonly Step[]): string | null {
  const last = steps[steps.length - 1];
  if (last === undefined) return null;
  const id = (st: Step | undefined): string => (typeof st?.item.id === 'string' ? st.item.id : `#${(st?.index ?? 0) + 1}`);
  const listener = (st: Step): string => `${id(steps[0])} ${String(st.item.protocol ?? 'http')} :${String(st.item.port)}`;
  switch (last.kind) {
    case 'listener':
      return listener(last);
    case 'rule':
      return m.log_rule_of({ n: last.index + 1, rule: ruleWords(last.item as never), listener: listener(steps[steps.length - 2]) });
    case 'policy':
      return m.log_policy_of({ n: last.index + 1, group: id(steps[0]) });
    default:
      return `${kindWords(last.kind)} ${id(last)}`;
  }
}

/** Where a pointer lies in `s`, named. */
function placeOf(s: Scenario, pointer: string): Place {
  const parts = parsePointer(pointer);
  if (typeof parts === 'string' || parts.length === 0) return { node: null, field: pointer || '/', key: '', adds: null };
  const key = parts[parts.length - 1];
  const steps: Step[] = [];
  let at: unknown = s;
  let i = 0;
  if (parts[0] === 'dns') {
    steps.push({ kind: 'DNS name', item: { id: s.dns?.name ?? 'dns' }, index: 0 });
    at = s.dns;
    i = 1;
  }
  // walk the named lists (balancers/0/listeners/1/rules/2 …) as far as they go
  while (i + 1 < parts.length) {
    const kind = LISTS[parts[i]];
    const items = (at as Record<string, unknown> | undefined)?.[parts[i]];
    if (kind === undefined || !Array.isArray(items)) break;
    if (parts[i + 1] === '-') return { node: nodeWords(steps), field: '', key, adds: kindWords(kind) };
    const index = Number(parts[i + 1]);
    const item = items[index] as Record<string, unknown> | undefined;
    if (item === undefined || typeof item !== 'object') break;
    steps.push({ kind, item, index });
    at = item;
    i += 2;
  }
  const rest = parts.slice(i).map((p) => (/^\d+$/.test(p) ? `#${Number(p) + 1}` : fieldWords(p, labelOf(p))));
  return { node: nodeWords(steps), field: rest.join(' '), key, adds: null };
}

/** One operation in words, named in `s` (the scenario just before it). */
export function describeOp(s: Scenario | null, p: PatchOp): string {
  const value = p.op === 'remove' ? undefined : p.value;
  if (s === null) {
    const path = p.path || '/';
    return p.op === 'remove' ? m.log_patch_remove({ what: path }) : m.log_patch_set({ path, value: value !== undefined ? ` = ${valueWords(value, '')}` : '' });
  }
  const place = placeOf(s, p.path);
  const where = place.node ?? '';
  if (place.adds !== null) {
    const what = `${place.adds} ${valueWords(value, '')}`;
    return where ? m.log_patch_add_to({ what, where }) : m.log_patch_add({ what });
  }
  if (place.field === '') return p.op === 'remove' ? m.log_patch_remove({ what: where }) : m.log_patch_replaced({ where, value: valueWords(value, place.key) });
  const subject = where ? `${where}: ${place.field}` : place.field;
  if (p.op === 'remove') return m.log_patch_removed({ subject });
  // an empty block (a standby, retries) switches a mechanism on with its defaults
  const empty = value !== null && typeof value === 'object' && Object.keys(value).length === 0;
  return empty ? m.log_patch_added({ subject }) : `${subject} = ${valueWords(value, place.key)}`;
}

/**
 * A patch change in words, each operation named in the scenario as the ones before it left it. An operation that
 * does not apply here (it points at something a friendly change made in the engine, such as a target that
 * "set the target count" added, which this page's copy lacks) is named as far as the scenario goes and leaves it
 * as it was, so the operations after it are still named, not shown as pointers.
 */
export function describePatch(c: PatchChange, before: Scenario | null): { words: string; after: Scenario | null } {
  let s = before;
  const words: string[] = [];
  for (const op of opsOf(c)) {
    words.push(describeOp(s, op));
    if (s !== null) {
      const next = applyPatches(s, [op]);
      if (next.ok) s = next.value as Scenario;
    }
  }
  return { words: words.join('; '), after: s };
}
