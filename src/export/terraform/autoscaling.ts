/**
 * Terraform for EC2 Auto Scaling (hashicorp/aws 5.x): a launch template and an `aws_autoscaling_group` per
 * scaling group, attached to its target group, and its policies (real-systems.md §6): target tracking, step and
 * simple scaling with their CloudWatch alarms, scheduled actions, predictive scaling, and Elastic Beanstalk
 * triggers as the two simple policies they stand for. Simplifies: the AMI and the network are variables.
 */
import type { ScalingGroupConfig, ScalingPolicyConfig, Scenario } from '../../scenario/schema.ts';
import type { NotExported } from '../notes.ts';
import { listenerGroupIds } from '../plan.ts';
import { awsName, expr, tfName, type Expr, type Hcl } from './hcl.ts';

/** Simulated time 0 (docs/scenario-format.md 6.13.4). */
const EPOCH_MS = Date.UTC(2026, 0, 1);

const COMPARISON: Record<string, string> = { '>': 'GreaterThanThreshold', '>=': 'GreaterThanOrEqualToThreshold', '<': 'LessThanThreshold', '<=': 'LessThanOrEqualToThreshold' };

interface Ctx {
  h: Hcl;
  scenario: Scenario;
  s: ScalingGroupConfig;
  at: string;
  asg: string;
  notes: NotExported;
}

/** The ALB that forwards to a group (for ALB metrics), as a Terraform name. */
function balancerOf(scenario: Scenario, groupId: string): string | null {
  const b = scenario.balancers.find((x) => x.layer === 7 && x.listeners.some((l) => listenerGroupIds(l).includes(groupId)));
  return b ? tfName(b.id) : null;
}

/** The `resource_label` of an ALB metric: "<load balancer arn suffix>/<target group arn suffix>". */
function resourceLabel(ctx: Ctx, from: string): Expr | string {
  const lb = balancerOf(ctx.scenario, ctx.s.targetGroup);
  if (lb === null) {
    ctx.notes.add(from, 'no application load balancer forwards to the group, so its request-count metric has no resource label: fill it in');
    return 'app/LOAD-BALANCER/ID/targetgroup/TARGET-GROUP/ID';
  }
  return expr(`"\${aws_lb.${lb}.arn_suffix}/\${aws_lb_target_group.${tfName(ctx.s.targetGroup)}.arn_suffix}"`);
}

function metric(ctx: Ctx, name: string): { namespace: string; metricName: string; dimensions: [string, Expr][] } {
  const tg = tfName(ctx.s.targetGroup);
  const lb = balancerOf(ctx.scenario, ctx.s.targetGroup);
  const asgDim: [string, Expr] = ['AutoScalingGroupName', expr(`aws_autoscaling_group.${ctx.asg}.name`)];
  const tgDim: [string, Expr] = ['TargetGroup', expr(`aws_lb_target_group.${tg}.arn_suffix`)];
  const lbDims: [string, Expr][] = lb ? [['LoadBalancer', expr(`aws_lb.${lb}.arn_suffix`)]] : [];
  switch (name) {
    case 'CPUUtilization':
    case 'NetworkOut':
      return { namespace: 'AWS/EC2', metricName: name, dimensions: [asgDim] };
    case 'ALBRequestCountPerTarget':
      return { namespace: 'AWS/ApplicationELB', metricName: 'RequestCountPerTarget', dimensions: [tgDim] };
    case 'RequestCount':
      return { namespace: 'AWS/ApplicationELB', metricName: 'RequestCount', dimensions: [...lbDims, tgDim] };
    default:
      return { namespace: 'AWS/ApplicationELB', metricName: 'TargetResponseTime', dimensions: lbDims };
  }
}

interface AlarmSpec {
  metricName: string;
  threshold: number;
  comparison: string;
  periodSec: number;
  evaluationPeriods: number;
  datapointsToAlarm?: number;
  statistic: string;
}

function alarm(ctx: Ctx, resource: string, policy: string, spec: AlarmSpec, from: string): void {
  const { h } = ctx;
  const m = metric(ctx, spec.metricName);
  h.blank();
  h.block(`resource "aws_cloudwatch_metric_alarm" "${resource}"`, from, () => {
    h.attr('alarm_name', `${awsName(ctx.s.id, 64)}-${resource}`, `${ctx.at}.id`);
    h.attr('namespace', m.namespace, `${from}.metric "${spec.metricName}"`);
    h.attr('metric_name', m.metricName, `${from}.metric "${spec.metricName}"`);
    h.attr('statistic', spec.statistic, `${from}.statistic`);
    h.attr('period', spec.periodSec, `${from}.periodSec`);
    h.attr('evaluation_periods', spec.evaluationPeriods, `${from}.evaluationPeriods`);
    h.attr('datapoints_to_alarm', spec.datapointsToAlarm ?? spec.evaluationPeriods, `${from}.datapointsToAlarm`);
    h.attr('comparison_operator', COMPARISON[spec.comparison], `${from}.comparison "${spec.comparison}"`);
    h.attr('threshold', spec.threshold, `${from}.threshold`);
    h.block('dimensions =', undefined, () => m.dimensions.forEach(([k, v]) => h.attr(k, v)));
    h.attr('alarm_actions', [expr(`aws_autoscaling_policy.${policy}.arn`)], '(the alarm triggers the policy)');
  });
}

function simplePolicy(ctx: Ctx, resource: string, adjustmentType: string, adjustment: number, cooldownSec: number | undefined, from: string): void {
  const { h } = ctx;
  h.blank();
  h.block(`resource "aws_autoscaling_policy" "${resource}"`, from, () => {
    h.attr('name', `${awsName(ctx.s.id, 200)}-${resource}`, `${ctx.at}.id`);
    h.attr('autoscaling_group_name', expr(`aws_autoscaling_group.${ctx.asg}.name`), ctx.at);
    h.attr('policy_type', 'SimpleScaling', `${from}.kind`);
    h.attr('adjustment_type', adjustmentType, `${from}.adjustmentType`);
    h.attr('scaling_adjustment', adjustment, `${from}.scalingAdjustment`);
    h.attr('cooldown', Math.round(cooldownSec ?? ctx.s.cooldownSec), cooldownSec === undefined ? `${ctx.at}.cooldownSec` : `${from}.cooldownSec`);
  });
}

function writePolicy(ctx: Ctx, p: ScalingPolicyConfig, pi: number): void {
  const { h, at, asg, notes } = ctx;
  const from = `${at}.policies[${pi}]`;
  const resource = `${asg}_p${pi}`;
  const base = () => {
    h.attr('name', `${awsName(ctx.s.id, 200)}-p${pi}`, `${at}.id`);
    h.attr('autoscaling_group_name', expr(`aws_autoscaling_group.${asg}.name`), at);
  };
  switch (p.kind) {
    case 'target-tracking': {
      h.blank();
      h.block(`resource "aws_autoscaling_policy" "${resource}"`, from, () => {
        base();
        h.attr('policy_type', 'TargetTrackingScaling', `${from}.kind`);
        h.block('target_tracking_configuration', undefined, () => {
          h.block('predefined_metric_specification', `${from}.metric "${p.metric}"`, () => {
            h.attr('predefined_metric_type', p.metric === 'CPUUtilization' ? 'ASGAverageCPUUtilization' : 'ALBRequestCountPerTarget', `${from}.metric`);
            if (p.metric === 'ALBRequestCountPerTarget') h.attr('resource_label', resourceLabel(ctx, from), `${at}.targetGroup`);
          });
          h.attr('target_value', p.targetValue, `${from}.targetValue`);
          h.attr('disable_scale_in', p.disableScaleIn, `${from}.disableScaleIn`);
        });
      });
      return;
    }
    case 'step': {
      h.blank();
      h.block(`resource "aws_autoscaling_policy" "${resource}"`, from, () => {
        base();
        h.attr('policy_type', 'StepScaling', `${from}.kind`);
        h.attr('adjustment_type', p.adjustmentType, `${from}.adjustmentType`);
        p.steps.forEach((s, si) => h.block('step_adjustment', `${from}.steps[${si}]`, () => {
          if (s.lowerBound !== null && s.lowerBound !== undefined) h.attr('metric_interval_lower_bound', s.lowerBound, `${from}.steps[${si}].lowerBound`);
          if (s.upperBound !== null && s.upperBound !== undefined) h.attr('metric_interval_upper_bound', s.upperBound, `${from}.steps[${si}].upperBound`);
          h.attr('scaling_adjustment', s.scalingAdjustment, `${from}.steps[${si}].scalingAdjustment`);
        }));
      });
      alarm(ctx, `${resource}_alarm`, resource, { metricName: p.metric, ...p.alarm }, `${from}.alarm`);
      return;
    }
    case 'simple':
      simplePolicy(ctx, resource, p.adjustmentType, p.scalingAdjustment, p.cooldownSec, from);
      alarm(ctx, `${resource}_alarm`, resource, { metricName: p.metric, ...p.alarm }, `${from}.alarm`);
      return;
    case 'scheduled':
      p.actions.forEach((a, ai) => {
        const af = `${from}.actions[${ai}]`;
        h.blank();
        h.block(`resource "aws_autoscaling_schedule" "${resource}_a${ai}"`, af, () => {
          h.attr('scheduled_action_name', `${awsName(ctx.s.id, 200)}-p${pi}-a${ai}`, af);
          h.attr('autoscaling_group_name', expr(`aws_autoscaling_group.${asg}.name`), at);
          if (a.recurrence) {
            h.attr('recurrence', a.recurrence, `${af}.recurrence`);
            h.attr('time_zone', 'Etc/UTC', '(the lab\'s cron runs in UTC)');
          }
          if (a.atSec !== undefined || !a.recurrence) h.attr('start_time', new Date(EPOCH_MS + (a.atSec ?? 0) * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z'), `${af}.atSec (the lab's time 0 is 2026-01-01T00:00:00Z)`);
          if (a.min !== undefined) h.attr('min_size', a.min, `${af}.min`);
          if (a.max !== undefined) h.attr('max_size', a.max, `${af}.max`);
          if (a.desired !== undefined) h.attr('desired_capacity', a.desired, `${af}.desired`);
        });
      });
      return;
    case 'predictive': {
      notes.add(`${from}.targetRequestsPerInstance`, 'the lab counts requests per second per instance; exported × 60 as requests per minute: check the unit against AWS\'s ALBRequestCount before use');
      h.blank();
      h.block(`resource "aws_autoscaling_policy" "${resource}"`, from, () => {
        base();
        h.attr('policy_type', 'PredictiveScaling', `${from}.kind`);
        h.block('predictive_scaling_configuration', undefined, () => {
          h.attr('mode', p.mode, `${from}.mode`);
          h.attr('scheduling_buffer_time', Math.round(p.schedulingBufferSec), `${from}.schedulingBufferSec`);
          h.block('metric_specification', undefined, () => {
            h.attr('target_value', p.targetRequestsPerInstance * 60, `${from}.targetRequestsPerInstance × 60`);
            h.block('predefined_metric_pair_specification', undefined, () => {
              h.attr('predefined_metric_type', 'ALBRequestCount', '(the lab forecasts the group\'s request count)');
              h.attr('resource_label', resourceLabel(ctx, from), `${at}.targetGroup`);
            });
          });
        });
      });
      return;
    }
    case 'beanstalk': {
      notes.add(`${from}`, 'Elastic Beanstalk triggers are exported as the two simple-scaling policies and alarms they stand for');
      const n = Math.max(1, Math.round(p.breachDurationMinutes / p.periodMinutes));
      const spec = { metricName: p.measureName, periodSec: p.periodMinutes * 60, evaluationPeriods: n, statistic: p.statistic };
      simplePolicy(ctx, `${resource}_upper`, 'ChangeInCapacity', p.upperBreachScaleIncrement, undefined, `${from}.upperBreachScaleIncrement`);
      alarm(ctx, `${resource}_upper_alarm`, `${resource}_upper`, { ...spec, threshold: p.upperThreshold, comparison: '>' }, `${from}.upperThreshold`);
      simplePolicy(ctx, `${resource}_lower`, 'ChangeInCapacity', p.lowerBreachScaleIncrement, undefined, `${from}.lowerBreachScaleIncrement`);
      alarm(ctx, `${resource}_lower_alarm`, `${resource}_lower`, { ...spec, threshold: p.lowerThreshold, comparison: '<' }, `${from}.lowerThreshold`);
      return;
    }
    case 'hpa':
      notes.add(from, 'the Kubernetes Horizontal Pod Autoscaler is a Kubernetes object (HorizontalPodAutoscaler), not EC2 Auto Scaling');
  }
}

/** Writes one scaling group, its launch template and its policies. */
export function writeScalingGroup(h: Hcl, scenario: Scenario, si: number, notes: NotExported): void {
  const s = scenario.scalingGroups[si];
  const at = `scalingGroups[${si}]`;
  const asg = tfName(`${s.id}_${si}`);
  const group = scenario.targetGroups.find((g) => g.id === s.targetGroup)!;
  const type = s.instanceType ?? group.targets[group.targets.length - 1].instanceType;
  h.blank();
  h.block(`resource "aws_launch_template" "${asg}"`, `${at} "${s.id}": what it launches`, () => {
    h.attr('name_prefix', `${awsName(s.id, 100)}-`, `${at}.id`);
    h.attr('image_id', expr('var.ami_id'), '(the server software: not in the lab)');
    h.attr('instance_type', type, s.instanceType ? `${at}.instanceType` : `${at}: the type of the group's last target`);
  });
  h.blank();
  h.block(`resource "aws_autoscaling_group" "${asg}"`, `${at} "${s.id}"`, () => {
    h.attr('name', awsName(s.id, 255), `${at}.id`);
    h.attr('min_size', s.min, `${at}.min`);
    h.attr('max_size', s.max, `${at}.max`);
    h.attr('desired_capacity', s.desired ?? group.targets.length, s.desired !== undefined ? `${at}.desired` : `${at}: the group's number of targets`);
    h.attr('vpc_zone_identifier', expr('var.subnet_ids'), '(one subnet per zone of the balancers)');
    h.attr('target_group_arns', [expr(`aws_lb_target_group.${tfName(s.targetGroup)}.arn`)], `${at}.targetGroup`);
    h.attr('health_check_type', s.healthCheckType, `${at}.healthCheckType`);
    h.attr('health_check_grace_period', Math.round(s.healthCheckGracePeriodSec), `${at}.healthCheckGracePeriodSec`);
    h.attr('default_cooldown', Math.round(s.cooldownSec), `${at}.cooldownSec`);
    if (s.warmupSec !== undefined) h.attr('default_instance_warmup', Math.round(s.warmupSec), `${at}.warmupSec`);
    h.attr('termination_policies', [s.terminationPolicy], `${at}.terminationPolicy`);
    h.attr('protect_from_scale_in', s.protectFromScaleIn, `${at}.protectFromScaleIn`);
    if (s.market === 'spot') {
      h.block('mixed_instances_policy', `${at}.market "spot"`, () => {
        h.block('instances_distribution', undefined, () => {
          h.attr('on_demand_base_capacity', 0, `${at}.market "spot": every instance on spot`);
          h.attr('on_demand_percentage_above_base_capacity', 0, `${at}.market "spot"`);
          h.attr('spot_allocation_strategy', 'price-capacity-optimized', '(AWS\'s recommended strategy)');
        });
        h.block('launch_template', undefined, () => h.block('launch_template_specification', undefined, () => {
          h.attr('launch_template_id', expr(`aws_launch_template.${asg}.id`));
          h.attr('version', '$Latest');
        }));
      });
    } else {
      h.block('launch_template', `${at}.market "on-demand"`, () => {
        h.attr('id', expr(`aws_launch_template.${asg}.id`));
        h.attr('version', '$Latest');
      });
    }
  });
  notes.add(`${at}.bootSec`, 'how long an instance takes to boot depends on its AMI');
  if (s.market === 'spot') notes.add(`${at}.spotInterruptionsPerHour`, 'how often AWS reclaims spot capacity is not a setting');
  const ctx: Ctx = { h, scenario, s, at, asg, notes };
  s.policies.forEach((p, pi) => writePolicy(ctx, p, pi));
}
