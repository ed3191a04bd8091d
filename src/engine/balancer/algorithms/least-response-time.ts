/**
 * nginx `least_time` (real-systems §1.10): rt is an integer-ms EWMA of response times,
 * `avg = avg ? ⌊0.5 + 0.05·v + 0.95·avg⌋ : v`, read capped at 5000 ms or rounded up to a multiple of
 * 20 ms; eta = rt × (1 + active); the lowest eta/weight wins, ties go to smooth WRR among the tied.
 * Simplifies: full response time (`last_byte`, no `inflight`); a member with no answer for
 * fail_timeout (10 s) has rt halved once per such period; a new member starts at rt 0.
 */
import type { AlgorithmFactory, GroupView } from '../algorithm.ts';
import { SmoothWrr, type MemberCost } from './smooth-wrr.ts';

const FAIL_TIMEOUT_MS = 10_000;
const RT_CAP_MS = 5000;
const RT_CLUSTER_MS = 20;

export const create: AlgorithmFactory = () => {
  const swrr = new SmoothWrr();
  let avgMs = new Float64Array(0), rtMs = new Float64Array(0), stampMs = new Float64Array(0);
  let nextHalvingMs = Infinity; // no member can be due for halving before this
  const setAvg = (i: number, avg: number, nowMs: number) => {
    avgMs[i] = avg;
    rtMs[i] = Math.min(RT_CAP_MS, Math.ceil(avg / RT_CLUSTER_MS) * RT_CLUSTER_MS);
    stampMs[i] = nowMs;
  };
  const halveIdle = (nowMs: number) => {
    let oldest = Infinity;
    for (let i = 0; i < avgMs.length; i++) {
      if (nowMs - stampMs[i] > FAIL_TIMEOUT_MS) setAvg(i, Math.floor(avgMs[i] / 2), nowMs); // "give chances to slow peers"
      oldest = Math.min(oldest, stampMs[i]);
    }
    nextHalvingMs = oldest + FAIL_TIMEOUT_MS;
  };
  const byEta: MemberCost = { cost: (view: GroupView, i: number) => rtMs[i] * (1 + view.active(i)) };
  return {
    rebuild(view) {
      swrr.reset(view);
      avgMs = new Float64Array(view.size);
      rtMs = new Float64Array(view.size);
      stampMs = new Float64Array(view.size).fill(view.nowMs);
      nextHalvingMs = view.nowMs + FAIL_TIMEOUT_MS;
    },
    pick(view) {
      if (view.nowMs > nextHalvingMs) halveIdle(view.nowMs);
      return view.size === 1 ? swrr.pick(view) : swrr.pickLowest(view, byEta);
    },
    penalize: (member, amount) => swrr.penalize(member, amount),
    inspect: () => ({ ...swrr.inspect(), costMs: Array.from(rtMs) }),
    onResponse(member, latencyMs, nowMs) {
      if (member >= avgMs.length) return;
      const v = Math.round(latencyMs);
      setAvg(member, avgMs[member] ? Math.floor(0.5 + 0.05 * v + 0.95 * avgMs[member]) : v, nowMs);
    },
  };
};
