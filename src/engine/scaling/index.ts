/**
 * Autoscaling and cost: the CloudWatch-like metric pipeline and alarms, the EC2 Auto Scaling policies,
 * the Kubernetes HPA, instance types and the cost meter, placement and termination. All pure: the
 * engine feeds metric samples and group state in and applies the decisions that come out.
 */
export * from './policy.ts';
export * from './metrics-pipeline.ts';
export * from './adjustment.ts';
export * from './cron.ts';
export * from './instance-types.ts';
export * from './cost.ts';
export * from './termination.ts';
export * from './placement.ts';
export * from './policies/simple.ts';
export * from './policies/step.ts';
export * from './policies/target-tracking.ts';
export * from './policies/scheduled.ts';
export * from './policies/predictive.ts';
export * from './policies/beanstalk.ts';
export * from './policies/hpa-replicas.ts';
export * from './policies/hpa-behavior.ts';
export * from './policies/hpa.ts';
