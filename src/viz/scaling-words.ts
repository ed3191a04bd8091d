/**
 * A scaling group's decisions in the page's language: the default name the engine gives a policy ('target
 * CPUUtilization 50', 'scheduled actions') and the reason each kind of policy writes after it (engine/scaling/
 * policies/*: "CPUUtilization 82 above target → ceil(4 × 82 / 50) → desired 7"). A name the scenario gave is
 * shown as written; a reason no pattern knows is returned as the engine wrote it.
 */
import { m } from '../i18n/paraglide/messages.js';
import { num, nums, phrase, type Table } from './event-rule.ts';

const NAMES: Table = [
  [/^target (?<metric>\S+) (?<value>-?[\d.]+)$/, (g) => m.ev_policy_target({ metric: g.metric, value: num(g.value) })],
  [/^simple (?<metric>\S+)$/, (g) => m.ev_policy_simple({ metric: g.metric })],
  [/^step (?<metric>\S+)$/, (g) => m.ev_policy_step({ metric: g.metric })],
  [/^predictive (?<metric>\S+)$/, (g) => m.ev_policy_predictive({ metric: g.metric })],
  [/^scheduled actions$/, () => m.ev_policy_scheduled()],
  [/^Elastic Beanstalk triggers$/, () => m.ev_policy_beanstalk()],
  [/^Beanstalk upper trigger \((?<metric>\S+)\)$/, (g) => m.ev_policy_beanstalk_upper({ metric: g.metric })],
  [/^Beanstalk lower trigger \((?<metric>\S+)\)$/, (g) => m.ev_policy_beanstalk_lower({ metric: g.metric })],
];

/** A policy's name: the engine's default names in the page's language, a name from the scenario as written. */
export function policyWords(name: string): string {
  return phrase(name, NAMES) ?? name;
}

/** A metric's value as a reason writes it (formatMetric: a number, or 'no data'). */
const value = (v: string): string => (v === 'no data' ? m.ev_reason_no_data() : num(v));

const V = '(?<value>-?[\\d.]+|no data)';
const DESIRED = '→ desired (?<desired>\\d+)';

const REASONS: Table = [
  [new RegExp(`^(?<names>.+) → min (?<min>\\d+), max (?<max>\\d+), desired (?<desired>\\d+)$`), (g) =>
    m.ev_reason_scheduled({ names: g.names.split(', ').map((n) => phrase(n, [[/^action (?<n>\d+)$/, (a) => m.ev_reason_action({ n: a.n })]]) ?? n).join(', '), min: num(g.min), max: num(g.max), desired: num(g.desired) }),
  ],
  [new RegExp(`^replicas (?<current>\\d+) outside \\[(?<min>\\d+), (?<max>\\d+)\\] ${DESIRED}$`), (g) =>
    m.ev_reason_hpa_outside({ current: num(g.current), min: num(g.min), max: num(g.max), desired: num(g.desired) }),
  ],
  [new RegExp(`^CPU (?<u>[\\d.]+) % of requests vs target (?<t>[\\d.]+) % → (?<r>\\d+) replicas(?:, limited to (?<lim>\\d+) by stabilization and rate limits)? ${DESIRED}$`), (g) =>
    m.ev_reason_hpa({ utilization: num(g.u), target: num(g.t), replicas: num(g.r), limited: g.lim === undefined ? '' : m.ev_reason_hpa_limited({ count: num(g.lim) }), desired: num(g.desired) }),
  ],
  [new RegExp(`^(?<metric>\\S+) ${V} above target → ceil\\((?<base>\\d+) × (?<v2>-?[\\d.]+) / (?<target>-?[\\d.]+)\\) ${DESIRED}$`), (g) =>
    m.ev_reason_tracking_above({ metric: g.metric, value: value(g.value), base: num(g.base), target: num(g.target), desired: num(g.desired) }),
  ],
  [new RegExp(`^(?<metric>\\S+) ${V} well below target for (?<min>\\d+) min → remove (?<k>\\d+) ${DESIRED}$`), (g) =>
    m.ev_reason_tracking_below({ metric: g.metric, value: value(g.value), minutes: num(g.min), count: num(g.k), desired: num(g.desired) }),
  ],
  [new RegExp(`^(?<metric>\\S+) ${V} vs (?<threshold>-?[\\d.]+), step (?<bounds>\\[[^\\]]*\\]) (?<adj>.+?) ${DESIRED}$`), (g) =>
    m.ev_reason_step({ metric: g.metric, value: value(g.value), threshold: num(g.threshold), bounds: nums(g.bounds), adjustment: g.adj, desired: num(g.desired) }),
  ],
  [new RegExp(`^forecast ${V} for (?<hour>\\d\\d):00 on day (?<day>\\d+) → (?<cap>\\d+) instances ${DESIRED}$`), (g) =>
    m.ev_reason_predictive({ load: value(g.value), hour: g.hour, day: num(g.day), capacity: num(g.cap), desired: num(g.desired) }),
  ],
  [new RegExp(`^(?<metric>\\S+) ${V} (?<cmp>[<>]=?) (?<threshold>-?[\\d.]+) → (?<adj>.+?) ${DESIRED}$`), (g) =>
    m.ev_reason_simple({ metric: g.metric, value: value(g.value), comparison: g.cmp, threshold: num(g.threshold), adjustment: g.adj, desired: num(g.desired) }),
  ],
];

/**
 * Why a scaling group's desired capacity changed ('<policy>: <its reason>'), in the page's language. The policy's
 * name may hold ': ', so each split is tried until the rest reads as a reason; null when none does.
 */
export function scalingReasonWords(reason: string): string | null {
  for (let at = reason.indexOf(': '); at >= 0; at = reason.indexOf(': ', at + 1)) {
    const rest = phrase(reason.slice(at + 2), REASONS);
    if (rest !== null) return `${policyWords(reason.slice(0, at))}: ${rest}`;
  }
  return null;
}
