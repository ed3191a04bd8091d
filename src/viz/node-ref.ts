/**
 * A part of the system picked on the diagram, by the names the diagram knows (ids, listener and rule
 * positions): the builder turns it into the JSON Pointer of that part of the scenario (ui/builder/outline.ts).
 * Parts drawn inside a node (a balancer's listener and rule rows, a group's session store) carry a
 * `data-pick` attribute written by `pickAttr` and read back by `parsePick`.
 */
import { m } from '../i18n/paraglide/messages.js';

export type NodeRef =
  | { kind: 'traffic' }
  | { kind: 'dns' }
  | { kind: 'balancer'; id: string }
  | { kind: 'listener'; balancer: string; listener: number }
  | { kind: 'rule'; balancer: string; listener: number; rule: number }
  | { kind: 'target-group'; id: string }
  | { kind: 'session-store'; group: string }
  | { kind: 'target'; id: string }
  | { kind: 'database'; id: string }
  | { kind: 'scaling-group'; id: string };

/** The `data-pick` value of a part drawn inside a node: "listener 0", "rule 0 2", "session-store". */
export function pickAttr(part: 'listener' | 'rule' | 'session-store', ...positions: number[]): string {
  return [part, ...positions].join(' ');
}

/** The part a `data-pick` value names inside the node `owner` (a balancer's or a group's id); null if none. */
export function parsePick(value: string | null, owner: string): NodeRef | null {
  const [part, a, b] = (value ?? '').split(' ');
  const n = (s: string | undefined): number => (s !== undefined && /^\d+$/.test(s) ? Number(s) : NaN);
  if (part === 'listener' && Number.isInteger(n(a))) return { kind: 'listener', balancer: owner, listener: n(a) };
  if (part === 'rule' && Number.isInteger(n(a)) && Number.isInteger(n(b))) return { kind: 'rule', balancer: owner, listener: n(a), rule: n(b) };
  if (part === 'session-store') return { kind: 'session-store', group: owner };
  return null;
}

/** A named node's kind in the page's language ("target group", "grupo de destino"). */
const KIND: Record<'balancer' | 'target-group' | 'target' | 'database' | 'scaling-group', () => string> = {
  balancer: m.kind_balancer,
  'target-group': m.kind_target_group,
  target: m.kind_target,
  database: m.kind_database,
  'scaling-group': m.kind_scaling_group,
};

/** The part in words, in the page's language, for an accessible name: "Inspect balancer lb". */
export function refWords(ref: NodeRef): string {
  switch (ref.kind) {
    case 'traffic':
      return m.ref_traffic();
    case 'dns':
      return m.ref_dns();
    case 'listener':
      return m.ref_listener({ n: ref.listener + 1, balancer: ref.balancer });
    case 'rule':
      return m.ref_rule({ n: ref.rule + 1, listener: ref.listener + 1, balancer: ref.balancer });
    case 'session-store':
      return m.ref_session_store({ group: ref.group });
    default:
      return m.ref_named({ kind: KIND[ref.kind](), id: ref.id });
  }
}
