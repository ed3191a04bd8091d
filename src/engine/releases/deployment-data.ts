/** A deployment of the scenario as it runs: its settings, its state, the share sent to the new group, and the new group's answers when the step began. */
import type { Scenario } from '../../scenario/schema.ts';

export type DeploymentConfig = Scenario['deployments'][number];

export interface DeploymentRun {
  /** Its settings now (a live patch replaces them). */
  cfg: DeploymentConfig;
  state: 'waiting' | 'running' | 'done' | 'rolled-back';
  /** Answers of the new group when the current step began. */
  ok: number;
  failed: number;
  /** Share of traffic sent to the new group now. */
  percent: number;
  /** Taken out of the scenario by a live patch: it no longer steps. */
  removed: boolean;
}

/** A deployment waiting for its start. */
export function deploymentRun(cfg: DeploymentConfig): DeploymentRun {
  return { cfg, state: 'waiting', ok: 0, failed: 0, percent: 0, removed: false };
}
