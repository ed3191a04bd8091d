/**
 * The event log's lines about live configuration and the machinery around the targets, in the page's language:
 * a patch to the running scenario, a zone leaving or rejoining a group's rotation, a DNS swap, a balancer's
 * forward weights, a scaling group's decisions and zone rebalancing, spot interruptions, HAProxy's admin states
 * (maintenance, drain, ready), a managed balancer scaling up, an inspection appliance's queue, Route 53's record
 * checks and Envoy's panic mode. The same contract as event-words.ts, which merges these rules with its own: in
 * English each template gives back the engine's line byte for byte.
 */
import { m } from '../i18n/paraglide/messages.js';
import { ID, num, rule, type Rule } from './event-rule.ts';
import { scalingReasonWords } from './scaling-words.ts';

const OP: Record<string, (p: { path: string }) => string> = { add: m.ev_patch_add, remove: m.ev_patch_remove, replace: m.ev_patch_replace };

/** "replace /dns/ttlSec, add /balancers/0/waf" worded one operation at a time; null when an operation is unknown. */
function patchWords(what: string): string | null {
  const ops = [...what.matchAll(/(?:^|, )(?<op>add|remove|replace) (?<path>.*?)(?=, (?:add|remove|replace) |$)/g)];
  if (ops.length === 0 || ops.map((o) => o[0]).join('') !== what) return null;
  return ops.map((o) => OP[o.groups!.op]({ path: o.groups!.path })).join(', ');
}

/** "2 to blue, 8 to green": a balancer's forward weights, one target group at a time; null when one does not read. */
function weightWords(list: string): string | null {
  const parts = list.split(', ').map((p) => /^(?<w>-?[\d.]+) to (?<group>\S+)$/.exec(p)?.groups);
  if (parts.some((g) => g === undefined)) return null;
  return parts.map((g) => m.ev_forward_weight({ weight: num(g!.w), group: g!.group })).join(', ');
}

/** "3 consecutive passed checks at 7 of 8 checkers (healthy needs > 18 %)": a Route 53 record's verdict. */
function recordWhy(n: string, passed: boolean, agreeing: string | undefined, checkers: string | undefined, percent: string | undefined): string {
  const count = num(n);
  const checks = passed ? (n === '1' ? m.ev_record_passed_one() : m.ev_record_passed({ count })) : n === '1' ? m.ev_record_failed_one() : m.ev_record_failed({ count });
  const where = agreeing === undefined ? '' : m.ev_record_where({ agreeing: num(agreeing), checkers: num(checkers!), percent: num(percent!) });
  return `${checks}${where}`;
}

const RECORD_WHERE = '(?: at (?<a>\\d+) of (?<c>\\d+) checkers \\(healthy needs > (?<p>[\\d.]+) %\\))?';
const ADMIN = '(?<group>[^/\\s]+)/(?<id>\\S+)';

/** The patterns by event kind, tried after event-words.ts's own for the same kind. */
export const INFRA_RULES: Record<string, Rule[]> = {
  config: [
    rule('scenario changed live: (?<what>.+)', (g) => {
      const what = patchWords(g.what);
      return what === null ? null : m.ev_patched({ what });
    }),
    rule(`${ID} is in zone (?<zone>\\S+), which no balancer forwarding to (?<group>\\S+) has any more: it leaves rotation and finishes what it holds \\(as ELB's Target\\.NotInUse\\)`, (g) =>
      m.ev_zone_left({ id: g.id, zone: g.zone, group: g.group }),
    ),
    rule(`zone (?<zone>\\S+) is back for (?<group>\\S+): ${ID} returns to rotation`, (g) => m.ev_zone_rejoined({ zone: g.zone, group: g.group, id: g.id })),
    rule('(?<name>\\S+): CNAMEs of (?<from>\\S+) and (?<to>\\S+) swapped \\((?<n>\\d+) records?\\); resolvers keep their cached answers for up to (?<s>[\\d.]+) s', (g) => {
      const params = { name: g.name, source: g.from, destination: g.to, seconds: num(g.s) };
      return g.n === '1' ? m.ev_dns_swap_one(params) : m.ev_dns_swap({ ...params, count: num(g.n) });
    }),
    rule('(?<balancer>\\S+) now forwards (?<list>.+)', (g) => {
      const weights = weightWords(g.list);
      return weights === null ? null : m.ev_forwards({ balancer: g.balancer, weights });
    }),
  ],
  scaling: [
    rule('(?<group>\\S+) desired (?<from>\\d+) → (?<to>\\d+): (?<reason>.+)', (g) => {
      // a reason no pattern knows (a newer policy) is kept as the engine wrote it, inside the translated line
      const reason = scalingReasonWords(g.reason) ?? g.reason;
      return m.ev_desired({ group: g.group, from: num(g.from), to: num(g.to), reason });
    }),
    rule('(?<group>\\S+) rebalances its zones: launching (?<n>\\d+) in (?<zones>.+) before terminating as many', (g) => m.ev_rebalance({ group: g.group, count: num(g.n), zones: g.zones })),
  ],
  spot: [
    rule(`spot capacity reclaimed: ${ID} is stopped`, (g) => m.ev_spot_reclaimed({ id: g.id })),
    rule(`spot interruption notice: ${ID} is still booting and is terminated`, (g) => m.ev_spot_booting({ id: g.id })),
    rule(`spot interruption notice: ${ID} will be reclaimed in (?<s>[\\d.]+) s; it is deregistered and drains`, (g) => m.ev_spot_notice({ id: g.id, seconds: num(g.s) })),
  ],
  maint: [
    rule(`${ADMIN} is going DOWN for maintenance: it takes no new requests and its health checks pause; what it holds finishes`, (g) => m.ev_admin_maint({ group: g.group, id: g.id })),
  ],
  drain: [
    rule(`${ADMIN} enters drain mode: no new load-balanced requests, but requests whose cookie names it still go there`, (g) => m.ev_admin_drain({ group: g.group, id: g.id })),
  ],
  ready: [
    rule(`${ADMIN} is UP/READY \\(leaving maintenance\\)(?<checked>: healthy at once, checked again now)?`, (g) =>
      m.ev_admin_ready_maint({ group: g.group, id: g.id, checked: g.checked === undefined ? '' : m.ev_admin_ready_checked() }),
    ),
    rule(`${ADMIN} is READY \\(leaving drain\\): it takes new requests again`, (g) => m.ev_admin_ready_drain({ group: g.group, id: g.id })),
  ],
  'lb-scale': [
    rule(`${ID} scaled up to (?<cores>\\d+) cores after (?<s>[\\d.]+) s above (?<p>\\d+) % load`, (g) => m.ev_lb_scaled({ id: g.id, cores: num(g.cores), seconds: num(g.s), percent: num(g.p) })),
  ],
  'appliance-full': [
    rule(`${ID} is dropping flows: its queue is full \\((?<n>\\d+) waiting for (?<w>\\d+) workers?\\)`, (g) =>
      m.ev_appliance_full({ id: g.id, count: num(g.n), workers: g.w === '1' ? m.explain_step_worker_one() : m.explain_step_workers({ count: num(g.w) }) }),
    ),
  ],
  'appliance-ok': [rule(`${ID} is inspecting flows again: its queue has room`, (g) => m.ev_appliance_ok({ id: g.id }))],
  'dns-healthy': [
    rule(`record ${ID} marked healthy: (?<n>\\d+) (?:consecutive passed checks|passed check)${RECORD_WHERE}`, (g) => m.ev_record_healthy({ id: g.id, why: recordWhy(g.n, true, g.a, g.c, g.p) })),
  ],
  'dns-unhealthy': [
    rule(`record ${ID} marked unhealthy: (?<n>\\d+) (?:consecutive failed checks|failed check)${RECORD_WHERE}`, (g) => m.ev_record_unhealthy({ id: g.id, why: recordWhy(g.n, false, g.a, g.c, g.p) })),
  ],
  'group-mode': [
    rule(`${ID} is in panic: only (?<h>\\d+) of (?<n>\\d+) targets are healthy \\(below (?<p>[\\d.]+) %\\), so it sends to all of them \\(as Envoy does\\)`, (g) =>
      m.ev_mode_panic({ id: g.id, healthy: num(g.h), count: num(g.n), percent: num(g.p) }),
    ),
  ],
};
