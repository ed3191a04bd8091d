/**
 * An EC2 Auto Scaling group's data: its bounds and desired capacity, its instances (each a target of the
 * group's target group) with launch, boot, warm-up and grace times, its policies, the CloudWatch-like
 * metrics they read and its per-second history. runtime.ts launches, registers and terminates.
 */
import type { ScalingGroupConfig } from '../../scenario/schema.ts';
import { MetricSeries, type ScalingPolicy } from './index.ts';
import { buildPolicies } from './build-policies.ts';
import { ScalingHistory } from './scaling-history.ts';

export const INST_PENDING = 0;
export const INST_IN_SERVICE = 1;
export const INST_TERMINATING = 2;
export const INST_TERMINATED = 3;

export interface Instance {
  t: number;
  /** When it finished booting (0 for instances the group started with). */
  readyAtMs: number;
  zone: string;
  launchedAtMs: number;
  warmUntilMs: number;
  graceUntilMs: number;
  state: number;
  protectedFromScaleIn: boolean;
}

/** The metrics every group publishes, by CloudWatch name. */
const METRICS = ['CPUUtilization', 'ALBRequestCountPerTarget', 'RequestCount', 'NetworkOut', 'TargetResponseTime'];

export class ScalingGroup {
  readonly id: string;
  min: number;
  max: number;
  desired: number;
  readonly instances: Instance[] = [];
  readonly byTarget = new Map<number, Instance>();
  policies: ScalingPolicy[];
  /** Taken out of the scenario by a live patch: it no longer ticks; its instances stay as plain targets. */
  retired = false;
  /** Bumped when a live patch asks for an evaluation now: the tick already queued then lapses. */
  tickEpoch = 0;
  readonly metrics = new Map<string, MetricSeries>();
  readonly history = new ScalingHistory();
  lastActivityEndMs: number | null = null;
  /** AZ rebalance: instances launched ahead that are to be matched by terminations once they are up. */
  rebalanceExtra = 0;
  /** Instances launched so far (for their ids). */
  launched = 0;
  warmupMs: number;

  /**
   * `g` is the target group it owns, `members` its targets at the start (with their zones), `zones`
   * the zones it launches into.
   */
  constructor(
    public cfg: ScalingGroupConfig,
    readonly index: number,
    readonly g: number,
    members: readonly { t: number; zone: string }[],
    public zones: readonly string[],
  ) {
    this.id = cfg.id;
    this.min = cfg.min;
    this.max = cfg.max;
    this.warmupMs = (cfg.warmupSec ?? cfg.cooldownSec) * 1000;
    this.desired = cfg.desired ?? members.length;
    for (const name of METRICS) this.metrics.set(name, new MetricSeries({}));
    this.policies = buildPolicies(cfg.policies, cfg.cooldownSec);
    for (const { t, zone } of members) {
      this.adopt({ t, zone, readyAtMs: 0, launchedAtMs: 0, warmUntilMs: 0, graceUntilMs: 0, state: INST_IN_SERVICE, protectedFromScaleIn: false });
    }
  }

  adopt(inst: Instance): void {
    this.instances.push(inst);
    this.byTarget.set(inst.t, inst);
  }

  /** Instances that count toward capacity: booting or in service. */
  live(): Instance[] {
    return this.instances.filter((i) => i.state === INST_PENDING || i.state === INST_IN_SERVICE);
  }

  /** How many are still booting or inside their warm-up. */
  warming(nowMs: number): number {
    return this.instances.filter((i) => i.state === INST_PENDING || (i.state === INST_IN_SERVICE && i.warmUntilMs > nowMs)).length;
  }

  /** Live instances as the termination policy sees them. */
  candidates(): { id: number; zone: string; launchedAtMs: number; protectedFromScaleIn: boolean }[] {
    return this.live().map((i) => ({ id: i.t, zone: i.zone, launchedAtMs: i.launchedAtMs, protectedFromScaleIn: i.protectedFromScaleIn }));
  }

  /** Instance states for the view: booting, warming, in service, draining, terminated. */
  states(nowMs: number, ids: readonly string[]): { id: string; state: 'booting' | 'warming' | 'in-service' | 'draining' | 'terminated'; zone: string }[] {
    return this.instances.map((i) => ({
      id: ids[i.t],
      zone: i.zone,
      state: i.state === INST_PENDING ? 'booting' : i.state === INST_TERMINATING ? 'draining' : i.state === INST_TERMINATED ? 'terminated' : i.warmUntilMs > nowMs ? 'warming' : 'in-service',
    }));
  }
}
