/**
 * What a configuration for one balancer machine (nginx, HAProxy, Envoy) covers: the balancer chosen, the
 * target groups its listeners forward to, and the settings of the simulated world that no balancer
 * configuration holds. Terraform describes every balancer at once and uses only the shared parts.
 */
import type { BalancerConfig, ListenerConfig, Scenario, TargetGroupConfig } from '../scenario/schema.ts';
import type { NotExported } from './notes.ts';

export interface GroupRef {
  index: number;
  group: TargetGroupConfig;
  path: string;
}

export interface ListenerPlan {
  index: number;
  listener: ListenerConfig;
  path: string;
  /** Groups this listener can send to: rules, default, weighted default; first appearance first. */
  groups: GroupRef[];
}

export interface BalancerPlan {
  index: number;
  balancer: BalancerConfig;
  path: string;
  listeners: ListenerPlan[];
  /** Every group the balancer forwards to, and the groups its deployments shift to, in scenario order. */
  groups: GroupRef[];
}

/** The entry balancer: `traffic.balancer`, else the first record's balancer with DNS, else the first one. */
export function entryBalancerId(scenario: Scenario): string {
  return scenario.traffic.balancer ?? scenario.dns?.records[0]?.balancer ?? scenario.balancers[0].id;
}

function groupRef(scenario: Scenario, id: string): GroupRef | null {
  const index = scenario.targetGroups.findIndex((g) => g.id === id);
  return index < 0 ? null : { index, group: scenario.targetGroups[index], path: `targetGroups[${index}]` };
}

/** The groups a listener may send to. */
export function listenerGroupIds(listener: ListenerConfig): string[] {
  const ids = [...listener.rules.map((r) => r.forward), ...(listener.defaultForward ? [listener.defaultForward] : []), ...(listener.weightedForward ?? []).map((w) => w.group)];
  return [...new Set(ids)];
}

/** Plans one balancer's configuration. Throws on an unknown balancer id. */
export function planBalancer(scenario: Scenario, balancerId?: string): BalancerPlan {
  const id = balancerId ?? entryBalancerId(scenario);
  const index = scenario.balancers.findIndex((b) => b.id === id);
  if (index < 0) throw new Error(`no balancer with id "${id}" (balancers: ${scenario.balancers.map((b) => b.id).join(', ')})`);
  const balancer = scenario.balancers[index];
  const path = `balancers[${index}]`;
  const listeners = balancer.listeners.map((listener, li) => ({
    index: li,
    listener,
    path: `${path}.listeners[${li}]`,
    groups: listenerGroupIds(listener).map((g) => groupRef(scenario, g)).filter((g): g is GroupRef => g !== null),
  }));
  const wanted = new Set(listeners.flatMap((l) => l.groups.map((g) => g.group.id)));
  for (const d of scenario.deployments) if (d.balancer === id) [d.from, d.to].forEach((g) => wanted.add(g));
  const groups = scenario.targetGroups.map((g, gi) => ({ index: gi, group: g, path: `targetGroups[${gi}]` })).filter((g) => wanted.has(g.group.id));
  return { index, balancer, path, listeners, groups };
}

/** Notes for the parts of a scenario that describe the simulated world rather than a balancer. */
export function noteWorld(scenario: Scenario, notes: NotExported): void {
  notes.add('traffic, events, slo, seed, durationSec', 'they describe the simulated clients and what happens over time, not a balancer setting');
  if (scenario.databases.length > 0) notes.add('databases, targetGroups[*].database', 'the application\'s database sits behind the targets, outside any balancer');
  if (Object.keys(scenario.instanceTypes).length > 0) notes.add('instanceTypes', 'instance sizes and prices are simulation parameters');
}

/** Notes for the properties of a group's servers that no balancer configuration sets. */
export function noteServers(ref: GroupRef, notes: NotExported): void {
  notes.add('targetGroups[*].targets[*].concurrency, queueLimit, serviceTimeMs, serviceTimeByClass, errorShare, instanceType', 'properties of the servers themselves (their capacity, speed and errors), not of the balancer');
  if (ref.group.sessionStore.kind !== 'memory') notes.add(`${ref.path}.sessionStore`, 'where the application keeps sessions is the application\'s choice, not the balancer\'s');
}

/** Notes for the other balancers when a configuration describes one machine. */
export function noteOtherBalancers(scenario: Scenario, plan: BalancerPlan, format: string, notes: NotExported): void {
  scenario.balancers.forEach((b, bi) => {
    if (bi !== plan.index) notes.add(`balancers[${bi}] "${b.id}"`, `one ${format} configuration describes one balancer machine; export this one separately (--balancer ${b.id})`);
  });
  scenario.targetGroups.forEach((g, gi) => {
    if (!plan.groups.some((r) => r.index === gi)) notes.add(`targetGroups[${gi}] "${g.id}"`, `balancer "${plan.balancer.id}" does not forward to it`);
  });
}

/** Notes for balancer settings that only a managed cloud balancer or the simulation has. */
export function noteBalancerMachine(plan: BalancerPlan, system: string, notes: NotExported): void {
  const b = plan.balancer;
  const p = plan.path;
  if (b.zones) notes.add(`${p}.zones, crossZone, nodeTtlSec`, `one ${system} runs where you start it; zones with a node each are an Elastic Load Balancing feature`);
  if (b.region !== 'default') notes.add(`${p}.region`, `a ${system} configuration does not say where the machine runs`);
  if (b.standby) notes.add(`${p}.standby`, `a hot standby is a second machine with keepalived (VRRP), outside ${system}`);
  if (b.capacity) notes.add(`${p}.capacity`, 'the balancer\'s CPU is the machine it runs on, not a configuration setting');
  if (b.waf) notes.add(`${p}.waf`, `${system} has no web application firewall of its own (ModSecurity or AWS WAF are separate products)`);
  if (b.layer === 4) notes.add(`${p}.requestsPerConnection`, 'how many requests a client sends per connection is the client\'s behaviour');
  plan.listeners.forEach((l) => {
    if (l.listener.tls) notes.add(`${l.path}.tls.handshakeCpuMs, resumedHandshakeCpuMs, resumptionShare, requestsPerConnection, perRequestCpuMs`, 'TLS CPU costs are simulation parameters');
  });
}

/** Is a group watched by any health mechanism, so that "all unhealthy" can happen? */
export function hasHealthMechanism(group: TargetGroupConfig): boolean {
  return group.healthCheck !== undefined || group.passiveHealth !== undefined || group.circuitBreaker !== undefined;
}
