/** The algorithm registry's keys; each is also the file name in src/engine/balancer/algorithms/. */
export const ALGORITHM_NAMES = [
  'round-robin',
  'weighted-round-robin',
  'least-connections',
  'least-outstanding-requests',
  'random',
  'power-of-two-choices',
  'peak-ewma',
  'least-response-time',
  'ip-hash',
  'hash',
  'consistent-hash',
  'maglev',
] as const;

export type AlgorithmName = (typeof ALGORITHM_NAMES)[number];

/** Algorithms that choose by a hash of the request's key. */
export const HASH_ALGORITHMS: readonly AlgorithmName[] = ['ip-hash', 'hash', 'consistent-hash', 'maglev'];
