/**
 * What the lab draws over its measured charts for a scenario M/M/c covers (applicability.ts): Erlang C's
 * response-time mean and percentiles, shifted by the network time every request also carries, and the
 * utilisation ρ = λ / (cμ). The network time is the fixed part the engine adds to each latency (network/
 * hops.ts): the client's round trip, the balancer's processing time and the balancer–target hop; handshakes
 * on the occasional new connection (one request in `requestsPerConnection`) are left out, a fraction of a
 * millisecond on average, and named in the words. Pure.
 */
import type { Scenario } from '../scenario/schema.ts';
import { mmc } from './erlang-c.ts';
import { mmcModel, type MmcModel } from './applicability.ts';

export interface TheoryLines {
  model: MmcModel;
  /** Utilisation λ / (cμ), as a share. */
  rho: number;
  /** Erlang C: the chance an arrival waits. */
  pWait: number;
  /** Mean wait in the queue, ms (no network). */
  meanWaitMs: number;
  /** Response time as the charts measure it (queue + service + network), ms. */
  meanMs: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  /** The network time added to every response, ms. */
  networkMs: number;
  /** Mean number of requests in the system by Little's law, L = λW (W without the network). */
  l: number;
}

/** The fixed network time of a request through the scenario's first balancer (default layer 7: 20 + 0.5 + 0.3 ms). */
export function networkMsOf(s: Scenario): number {
  const b = s.balancers[0];
  const processing = b?.processingMs ?? (b?.layer === 4 ? 0.05 : 0.5);
  return s.network.clientRttMs + processing + s.network.sameZoneRttMs;
}

/** The lines to draw, or the sentence saying why there are none (not M/M/c, or no steady state). */
export function theoryLines(s: Scenario): TheoryLines | string {
  const model = mmcModel(s);
  if (typeof model === 'string') return model;
  const p = mmc(model.c, model.lambdaPerSec / 1000, 1 / model.serviceMs);
  if (p === null) return `Arrivals (${model.lambdaPerSec}/s) exceed what ${model.c} slots can serve: M/M/c has no steady state, the queue grows without bound.`;
  const net = networkMsOf(s);
  return {
    model,
    rho: p.rho,
    pWait: p.pWait,
    meanWaitMs: p.meanWait,
    meanMs: p.meanResponse + net,
    p50Ms: p.responseQuantile(0.5) + net,
    p95Ms: p.responseQuantile(0.95) + net,
    p99Ms: p.responseQuantile(0.99) + net,
    networkMs: net,
    l: p.l,
  };
}
