/** The CloudWatch-like pipeline the scaling policies read: metric series (metric-series.ts) and the alarms on them (alarm.ts). */
export * from './metric-series.ts';
export { Alarm, breaches, type AlarmConfig, type AlarmState, type AlarmTransition, type Comparison, type MissingData } from './alarm.ts';
