/**
 * The algorithm registry: one factory per key in ALGORITHM_NAMES, each in its own file under
 * algorithms/ named after the key. Adding an algorithm means a file, a name and a line here.
 */
import type { AlgorithmFactory, AlgorithmOptions, BalancingAlgorithm } from './algorithm.ts';
import type { AlgorithmName } from '../../scenario/algorithm-names.ts';
import { create as consistentHash } from './algorithms/consistent-hash.ts';
import { create as flowHash } from './algorithms/flow-hash.ts';
import { create as hash } from './algorithms/hash.ts';
import { create as haproxyFirst } from './algorithms/haproxy-first.ts';
import { create as haproxyHash } from './algorithms/haproxy-hash.ts';
import { create as haproxyLeastconn } from './algorithms/haproxy-leastconn.ts';
import { create as haproxyRoundrobin } from './algorithms/haproxy-roundrobin.ts';
import { create as haproxySource } from './algorithms/haproxy-source.ts';
import { create as haproxyStaticRr } from './algorithms/haproxy-static-rr.ts';
import { create as ipHash } from './algorithms/ip-hash.ts';
import { create as leastConnections } from './algorithms/least-connections.ts';
import { create as leastOutstandingRequests } from './algorithms/least-outstanding-requests.ts';
import { create as leastResponseTime } from './algorithms/least-response-time.ts';
import { create as maglev } from './algorithms/maglev.ts';
import { create as peakEwma } from './algorithms/peak-ewma.ts';
import { create as powerOfTwoChoices } from './algorithms/power-of-two-choices.ts';
import { create as random } from './algorithms/random.ts';
import { create as roundRobin } from './algorithms/round-robin.ts';
import { create as weightedRoundRobin } from './algorithms/weighted-round-robin.ts';

/** Every balancing algorithm by its registry key. */
export const ALGORITHMS: Record<AlgorithmName, AlgorithmFactory> = {
  'round-robin': roundRobin,
  'weighted-round-robin': weightedRoundRobin,
  'least-connections': leastConnections,
  'least-outstanding-requests': leastOutstandingRequests,
  random,
  'power-of-two-choices': powerOfTwoChoices,
  'peak-ewma': peakEwma,
  'least-response-time': leastResponseTime,
  'ip-hash': ipHash,
  hash,
  'consistent-hash': consistentHash,
  maglev,
  'flow-hash': flowHash,
  'haproxy-roundrobin': haproxyRoundrobin,
  'haproxy-static-rr': haproxyStaticRr,
  'haproxy-leastconn': haproxyLeastconn,
  'haproxy-first': haproxyFirst,
  'haproxy-source': haproxySource,
  'haproxy-hash': haproxyHash,
};

/** A fresh algorithm instance; the engine must call `rebuild` before the first pick. */
export function createAlgorithm(name: AlgorithmName, options?: AlgorithmOptions): BalancingAlgorithm {
  return ALGORITHMS[name](options);
}
