/**
 * Upper bounds on scenario sizes. They keep an absurd file or share link from freezing a laptop:
 * past these the validator names the field and the limit instead of starting a run.
 */
export const LIMITS = {
  maxRatePerSec: 10_000_000,
  maxUsers: 1_000_000,
  maxClients: 10_000_000,
  maxDurationSec: 10_000_000,
  maxMs: 100_000_000,
  maxProfilePoints: 1000,
  maxMixEntries: 100,
  maxRules: 100,
  maxBalancers: 20,
  maxTargetGroups: 50,
  maxTargetsPerGroup: 10_000,
  maxTargetsTotal: 20_000,
  maxWeight: 1000,
  /** HAProxy's largest server weight (SRV_UWGHT_MAX). */
  maxHaproxyWeight: 256,
  maxConcurrency: 100_000,
  maxQueueLimit: 10_000_000,
  maxEvents: 10_000,
  maxReplayRequests: 100_000,
  maxHeadersPerRequest: 20,
  /** Patches applied together as one change. */
  maxPatches: 200,
} as const;
