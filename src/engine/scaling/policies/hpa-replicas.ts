/**
 * The Kubernetes HPA replica calculator for CPU utilization (real-systems §7.2, replica_calculator.go):
 * utilization is an integer percent over ready pods; within tolerance nothing changes; unready pods (on
 * scale-up, at 0 %) and missing pods (0 % up, max(100 %, target) down) damp the result and may cancel it
 * when the direction would flip. Reproduces vectors A–F, including F's float edge between the current
 * inclusive tolerance test and the older |1 − ratio| ≤ tol. Only Resource/Utilization metrics.
 */

export type PodStatus = 'ready' | 'unready' | 'missing' | 'ignored';

/** One pod as the calculator sees it (status from `classifyPod`). CPU in millicores. */
export interface PodSample {
  readonly status: PodStatus;
  /** Ignored for missing pods. */
  readonly usageMilli: number;
  /** The pod's CPU request; must be > 0. */
  readonly requestMilli: number;
}

/** What the controller knows of a pod, for the CPU readiness rules of groupPods(). */
export interface PodFacts {
  readonly phase: 'Pending' | 'Running' | 'Failed';
  readonly deleting?: boolean;
  /** Ready condition; null when the pod has none. */
  readonly ready: boolean | null;
  readonly startMs: number | null;
  readonly lastReadyTransitionMs: number;
  /** The latest metric sample's time and window; null when metrics-server has none. */
  readonly sample: { readonly atMs: number; readonly windowMs: number } | null;
}

export type ToleranceTest = 'inclusive' | 'legacy-abs';

/** groupPods(): ignored (deleting/failed), unready (pending, or CPU readiness rules), missing, or ready. */
export function classifyPod(pod: PodFacts, nowMs: number, cpuInitializationPeriodSec = 300, initialReadinessDelaySec = 30): PodStatus {
  if (pod.deleting === true || pod.phase === 'Failed') return 'ignored';
  if (pod.phase === 'Pending') return 'unready';
  if (pod.sample === null) return 'missing';
  if (pod.ready === null || pod.startMs === null) return 'unready';
  const unready =
    pod.startMs + cpuInitializationPeriodSec * 1000 > nowMs
      ? !pod.ready || pod.sample.atMs < pod.lastReadyTransitionMs + pod.sample.windowMs
      : !pod.ready && pod.startMs + initialReadinessDelaySec * 1000 > pod.lastReadyTransitionMs;
  return unready ? 'unready' : 'ready';
}

/** Whether `ratio` (utilization / target) is close enough to 1 to leave the replicas alone. */
export function withinTolerance(ratio: number, tolerance = 0.1, test: ToleranceTest = 'inclusive'): boolean {
  return test === 'inclusive' ? 1 - tolerance <= ratio && ratio <= 1 + tolerance : Math.abs(1 - ratio) <= tolerance;
}

export interface ReplicaCalculation {
  readonly replicas: number;
  /** floor(Σ usage × 100 / Σ requests) over ready pods: what the HPA status reports (undamped). */
  readonly utilizationPercent: number;
  readonly ratio: number;
  /** The formula's inputs: replicas = ceil(usedRatio × pods) unless usedRatio is within tolerance. */
  readonly pods: number;
  readonly usedRatio: number;
  readonly withinTolerance: boolean;
}

/** Integer-percent utilization of `pods` with their usages (GetResourceUtilizationRatio). */
function utilization(pods: readonly { usageMilli: number; requestMilli: number }[]): number {
  let usage = 0;
  let requests = 0;
  for (const p of pods) {
    usage += p.usageMilli;
    requests += p.requestMilli;
  }
  return Math.floor((usage * 100) / requests);
}

/** GetResourceReplicas: the replica count for a CPU utilization target; null when there is no usable metric. */
export function calculateReplicas(
  pods: readonly PodSample[],
  currentReplicas: number,
  targetPercent: number,
  tolerance = 0.1,
  test: ToleranceTest = 'inclusive',
): ReplicaCalculation | null {
  const ready = pods.filter((p) => p.status === 'ready');
  const unready = pods.filter((p) => p.status === 'unready');
  const missing = pods.filter((p) => p.status === 'missing');
  if (pods.length === 0 || ready.length === 0) return null;
  const utilizationPercent = utilization(ready);
  const ratio = utilizationPercent / targetPercent;
  const result = (replicas: number, pods = ready.length, usedRatio = ratio, within = false): ReplicaCalculation => ({ replicas, utilizationPercent, ratio, pods, usedRatio, withinTolerance: within });
  const scaleUpWithUnready = unready.length > 0 && ratio > 1;
  if (!scaleUpWithUnready && missing.length === 0) {
    const within = withinTolerance(ratio, tolerance, test);
    return result(within ? currentReplicas : Math.ceil(ratio * ready.length), ready.length, ratio, within);
  }
  const counted = ready.map((p) => ({ usageMilli: p.usageMilli, requestMilli: p.requestMilli }));
  const fallback = Math.max(100, targetPercent);
  for (const p of missing) {
    if (ratio < 1) counted.push({ usageMilli: Math.floor((p.requestMilli * fallback) / 100), requestMilli: p.requestMilli });
    else if (ratio > 1) counted.push({ usageMilli: 0, requestMilli: p.requestMilli });
  }
  if (scaleUpWithUnready) for (const p of unready) counted.push({ usageMilli: 0, requestMilli: p.requestMilli });
  const newRatio = utilization(counted) / targetPercent;
  const within = withinTolerance(newRatio, tolerance, test);
  if (within || (ratio < 1 && newRatio > 1) || (ratio > 1 && newRatio < 1)) {
    return result(currentReplicas, counted.length, newRatio, within);
  }
  const replicas = Math.ceil(newRatio * counted.length);
  if ((newRatio < 1 && replicas > currentReplicas) || (newRatio > 1 && replicas < currentReplicas)) return result(currentReplicas, counted.length, newRatio);
  return result(replicas, counted.length, newRatio);
}
