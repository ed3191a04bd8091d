/** Where each deployment of the scenario is: its state, the share sent to the new group, and its counts when the step began. */
export interface DeploymentProgress {
  state: 'waiting' | 'running' | 'done' | 'rolled-back';
  /** Answers of the new group when the current step began. */
  ok: number;
  failed: number;
  /** Share of traffic sent to the new group now. */
  percent: number;
}

export type DeploymentData = DeploymentProgress[];
