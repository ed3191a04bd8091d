/**
 * A layer-7 listener's rules in nginx (open source 1.22+): ALB-style rules (first match in list order, all
 * conditions of a rule must hold) become `map` blocks of regexes, which nginx tries in order of appearance;
 * a weighted default action becomes `split_clients` on `$request_id` (one draw per request). Simplifies:
 * nginx sees a missing header as an empty one, and `$uri` is the decoded, normalised path.
 */
import type { ListenerConfig } from '../../scenario/schema.ts';
import type { ConfigText } from '../config-text.ts';
import { cookieRegex, prefixRegex, wildcardRegex } from '../patterns.ts';
import type { ListenerPlan } from '../plan.ts';

/** A double-quoted nginx string; nginx keeps a backslash before any character but `"`, `'` and `\`. */
export function nginxQuote(text: string): string {
  return `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

/** Where a listener's requests go: one upstream, or the variable its maps compute; and whether "" means 404. */
export interface Route {
  proxyTo: string;
  noRouteCheck: string | null;
}

type Condition = { kind: string; variable: string; regex: string; caseless: boolean; from: string };

function conditions(listener: ListenerConfig, r: number, path: string): Condition[] {
  const m = listener.rules[r].match;
  const at = `${path}.rules[${r}].match`;
  const out: Condition[] = [];
  if (m.pathPrefix !== undefined) out.push({ kind: 'path', variable: '$uri', regex: prefixRegex(m.pathPrefix), caseless: false, from: `${at}.pathPrefix (case-sensitive)` });
  if (m.host !== undefined) out.push({ kind: 'host', variable: '$host', regex: wildcardRegex(m.host), caseless: true, from: `${at}.host (case-insensitive)` });
  if (m.header !== undefined) {
    out.push({ kind: 'header', variable: `$http_${m.header.name.toLowerCase().replace(/-/g, '_')}`, regex: wildcardRegex(m.header.value), caseless: true, from: `${at}.header (case-insensitive)` });
  }
  if (m.cookie !== undefined) out.push({ kind: 'cookie', variable: '$http_cookie', regex: cookieRegex(m.cookie.name, m.cookie.value), caseless: false, from: `${at}.cookie (exact)` });
  return out;
}

/** Writes the maps (and split_clients) a listener needs into the http block; returns where to proxy. */
export function writeRouting(out: ConfigText, depth: number, plan: ListenerPlan): Route {
  const { listener, path } = plan;
  const port = listener.port;
  let fallback: string;
  let fallbackFrom: string;
  if (listener.weightedForward) {
    const entries = listener.weightedForward.filter((w) => w.weight > 0);
    const total = entries.reduce((s, w) => s + w.weight, 0);
    const name = `$lab_${port}_weighted`;
    out.line(depth, `split_clients $request_id ${name} {`, `${path}.weightedForward: one weighted draw per request`);
    entries.forEach((w, i) => {
      const wi = listener.weightedForward!.indexOf(w);
      if (i === entries.length - 1) out.line(depth + 1, `* ${w.group};`, `${path}.weightedForward[${wi}] weight ${w.weight} of ${total} (the rest)`);
      else {
        const pct = Math.floor((w.weight / total) * 10000) / 100;
        out.line(depth + 1, `${pct}% ${w.group};`, `${path}.weightedForward[${wi}] weight ${w.weight} of ${total}`);
      }
    });
    out.line(depth, '}');
    fallback = name;
    fallbackFrom = `${path}.weightedForward`;
  } else if (listener.defaultForward) {
    fallback = listener.defaultForward;
    fallbackFrom = `${path}.defaultForward`;
  } else {
    fallback = '""';
    fallbackFrom = `${path}: no defaultForward, so unmatched requests get 404`;
  }
  // the validator requires a default on a listener without rules
  if (listener.rules.length === 0) return { proxyTo: fallback, noRouteCheck: null };

  const ruleVars: string[] = [];
  listener.rules.forEach((_, r) => {
    const conds = conditions(listener, r, path);
    const condVars = conds.map((c) => {
      const v = `$lab_${port}_r${r}_${c.kind}`;
      out.line(depth, `map ${c.variable} ${v} {`, c.from);
      out.line(depth + 1, 'default 0;');
      out.line(depth + 1, `${nginxQuote(`${c.caseless ? '~*' : '~'}${c.regex}`)} 1;`);
      out.line(depth, '}');
      return v;
    });
    if (condVars.length === 1) ruleVars.push(condVars[0]);
    else {
      const v = `$lab_${port}_r${r}`;
      out.line(depth, `map "${condVars.join('')}" ${v} {`, `${path}.rules[${r}].match: every condition must hold`);
      out.line(depth + 1, 'default 0;');
      out.line(depth + 1, `"${'1'.repeat(condVars.length)}" 1;`);
      out.line(depth, '}');
      ruleVars.push(v);
    }
  });
  const groupVar = `$lab_${port}_group`;
  out.line(depth, `map "${ruleVars.join('')}" ${groupVar} {`, `${path}.rules: the first rule that matches wins, as ALB priorities`);
  listener.rules.forEach((rule, r) => out.line(depth + 1, `"~^${'0'.repeat(r)}1" ${rule.forward};`, `${path}.rules[${r}].forward`));
  out.line(depth + 1, `default ${fallback};`, fallbackFrom);
  out.line(depth, '}');
  return { proxyTo: groupVar, noRouteCheck: listener.defaultForward || listener.weightedForward ? null : groupVar };
}
