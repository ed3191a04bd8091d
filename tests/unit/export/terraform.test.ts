// The Terraform export parses as HCL (HashiCorp's own parser, compiled to WebAssembly: @cdktf/hcl2json), every
// reference points at a resource or variable the file defines, and the AWS settings follow real-systems.md §4–6.
import { describe, expect, it } from 'vitest';
import { parse } from '@cdktf/hcl2json';
import { exportConfig } from '../../../src/export/index.ts';
import { allScenarios, awsScenarios, repositoryScenarios } from './support/fixtures.ts';

type Tf = { resource?: Record<string, Record<string, Record<string, unknown>[]>>; variable?: Record<string, unknown>; terraform?: unknown };

async function hcl(text: string): Promise<Tf> {
  return (await parse('main.tf', text)) as Tf;
}

function resources(tf: Tf, type: string): Record<string, Record<string, unknown>> {
  return Object.fromEntries(Object.entries(tf.resource?.[type] ?? {}).map(([k, v]) => [k, v[0]]));
}

describe('Terraform export', () => {
  for (const [name, s] of allScenarios()) {
    it(`${name}: parses as HCL, and every reference has a definition`, async () => {
      const text = exportConfig(s, 'terraform').text;
      const tf = await hcl(text);
      expect(tf.terraform).toBeDefined();
      const defined = new Set(Object.entries(tf.resource ?? {}).flatMap(([type, byName]) => Object.keys(byName).map((n) => `${type}.${n}`)));
      for (const v of Object.keys(tf.variable ?? {})) defined.add(`var.${v}`);
      for (const m of text.matchAll(/\b((aws_[a-z0-9_]+)\.([A-Za-z_][A-Za-z0-9_-]*)|var\.([A-Za-z_][A-Za-z0-9_]*))\.?/g)) {
        const ref = m[4] ? `var.${m[4]}` : `${m[2]}.${m[3]}`;
        if (m.index !== undefined && text.lastIndexOf('#', m.index) > text.lastIndexOf('\n', m.index)) continue; // in a comment
        expect(defined.has(ref), `${ref} is referenced but not defined`).toBe(true);
      }
    });
  }

  it('black friday: an ALB on 443 (HTTPS) forwarding to "web" (least outstanding requests, ALB health check every 10 s), and an ASG of 3–12 with target tracking at 50 % CPU', async () => {
    const s = repositoryScenarios().find(([n]) => n === 'scenarios/black-friday-autoscaling.json')![1];
    const tf = await hcl(exportConfig(s, 'terraform').text);
    expect(resources(tf, 'aws_lb').alb).toMatchObject({ load_balancer_type: 'application' });
    expect(resources(tf, 'aws_lb_listener').alb_443).toMatchObject({ port: 443, protocol: 'HTTPS' });
    const tg = resources(tf, 'aws_lb_target_group').web as { load_balancing_algorithm_type: string; health_check: { interval: number; healthy_threshold: number }[] };
    expect(tg.load_balancing_algorithm_type).toBe('least_outstanding_requests');
    expect(tg.health_check[0]).toMatchObject({ interval: 10, healthy_threshold: 2 });
    const asg = Object.values(resources(tf, 'aws_autoscaling_group'))[0];
    expect(asg).toMatchObject({ min_size: 3, max_size: 12, health_check_type: 'ELB' });
    const policy = Object.values(resources(tf, 'aws_autoscaling_policy'))[0] as { target_tracking_configuration: { target_value: number }[] };
    expect(policy.target_tracking_configuration[0].target_value).toBe(50);
  });

  it('weighted 5-1-1: the /checkout rule becomes listener rule priority 1 with path pattern "/checkout*", and the weights are listed as not exported (ALB has none)', async () => {
    const s = repositoryScenarios().find(([n]) => n === 'scenarios/weighted-5-1-1.json')![1];
    const r = exportConfig(s, 'terraform');
    const tf = await hcl(r.text);
    const rule = Object.values(resources(tf, 'aws_lb_listener_rule'))[0] as { priority: number; condition: { path_pattern: { values: string[] }[] }[] };
    expect(rule.priority).toBe(1);
    expect(rule.condition[0].path_pattern[0].values).toEqual(['/checkout*']);
    expect(r.notExported).toContain('targetGroups[0].targets[*].weight: ALB and NLB target groups have no per-target weights');
  });

  it('every Route 53 policy becomes alias records with the matching routing policy; checked records get a health check', async () => {
    const seen: string[] = [];
    for (const [name, s] of awsScenarios()) {
      const tf = await hcl(exportConfig(s, 'terraform').text);
      const records = Object.values(resources(tf, 'aws_route53_record'));
      const policy = Object.keys(records[0]).find((k) => k.endsWith('_routing_policy')) ?? 'simple';
      seen.push(`${name.split(' ')[2]}:${policy}:${records.length}:${Object.keys(resources(tf, 'aws_route53_health_check')).length}`);
    }
    // simple: one alias only, never checked; multivalue: weighted (alias records cannot be multivalue); record "two" is unchecked
    expect(seen).toEqual(['simple:simple:1:0', 'multivalue:weighted_routing_policy:2:1', 'weighted:weighted_routing_policy:2:1', 'latency:latency_routing_policy:2:1', 'failover:failover_routing_policy:2:1', 'geolocation:geolocation_routing_policy:2:1']);
  });

  it('every kind of scaling policy: tracking, step and simple with alarms, scheduled actions, predictive, Beanstalk as two simple policies; the HPA is not exported', async () => {
    const r = exportConfig(awsScenarios()[2][1], 'terraform');
    const tf = await hcl(r.text);
    const types = Object.values(resources(tf, 'aws_autoscaling_policy')).map((p) => p.policy_type);
    expect(types).toEqual(['TargetTrackingScaling', 'TargetTrackingScaling', 'StepScaling', 'SimpleScaling', 'PredictiveScaling', 'SimpleScaling', 'SimpleScaling']);
    expect(Object.keys(resources(tf, 'aws_cloudwatch_metric_alarm'))).toHaveLength(4);
    expect(Object.values(resources(tf, 'aws_autoscaling_schedule')).map((a) => a.recurrence ?? a.start_time)).toEqual(['0 18 * * *', '2026-01-01T01:00:00Z']);
    expect(r.notExported.some((n) => n.startsWith('scalingGroups[0].policies[7]: the Kubernetes Horizontal Pod Autoscaler'))).toBe(true);
  });
});
