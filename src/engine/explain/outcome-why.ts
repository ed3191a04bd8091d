/**
 * Why a recorded request ended as it did, in words: the reason on the last step of its journey
 * (recorder.ts), from the state at the moment it finished (the target's state, the balancer's CPU and WAF,
 * the group's members in rotation). Also which failures a retry condition covers, in nginx's
 * (`proxy_next_upstream error timeout http_500 http_503`) and HAProxy's (`retry-on conn-failure
 * response-timeout 500 503`) spelling. It only reads the state.
 */
import type { SimState } from '../state.ts';
import { FAIL, outcomeName } from '../types.ts';
import { TARGET_HUNG } from '../backend/targets.ts';
import { num, type Journey } from './journey.ts';

/** The balancer the request reached or was refused at: the one routed to (`balancer` ≥ 0), or the entry. */
function entryOf(s: SimState, balancer: number) {
  return balancer >= 0 ? s.balancers[balancer] : s.entry;
}

/** The reason for a request's outcome; `balancer` is the one it reached (-1: none known, the entry). */
export function outcomeWhy(s: SimState, journey: Journey, balancer: number, slot: number, outcome: number, latencyMs: number): string {
  const t = s.pool.target[slot];
  const tid = t >= 0 ? s.store.ids[t] : '';
  const last = journey.steps[journey.steps.length - 1];
  switch (outcomeName(outcome)) {
    case 'ok':
      return latencyMs <= s.sloMs ? `within the SLO of ${num(s.sloMs)} ms` : `slower than the SLO of ${num(s.sloMs)} ms: it does not count as good`;
    case 'timeout':
      return 'no answer within the target group\'s request timeout';
    case 'refused':
      if (last === undefined || (last.kind === 'send' && last.what.endsWith('connection refused'))) return `${tid} is down: connection refused`;
      return s.store.state[t] === TARGET_HUNG ? `${tid} restarted after hanging: the requests stuck in it were reset` : `${tid} crashed while holding it: the connection was reset`;
    case 'rejected':
      return `${tid}'s queue was full`;
    case 'error':
      return `${tid} answered with a 5xx`;
    case 'no-target': {
      const g = s.groups[s.pool.group[slot]];
      const inRot = g.members.filter((m) => s.store.inRotation[m] === 1).length;
      return `no member of ${g.id} could take it: ${inRot} of ${g.members.length} in rotation (when all are unhealthy the group does: ${g.cfg.whenAllUnhealthy})`;
    }
    case 'no-route':
      return 'no listener rule matched and there is no default action (404)';
    case 'unreachable': {
      const b = entryOf(s, balancer);
      if (s.dns !== null && !journey.steps.some((x) => x.kind === 'dns' && x.what.includes('→'))) return 'DNS gave no address';
      if (b.down || b.regionDown) return `balancer ${b.id} is down${b.regionDown ? ' (its region is out)' : ''}`;
      return `the balancer node this client resolved earlier is down, and the client keeps that address until its node TTL (${b.cfg.nodeTtlSec} s) ends`;
    }
    case 'rate-limited':
      return 'the balancer\'s per-client rate limit had no token left for this address';
    case 'blocked': {
      const waf = entryOf(s, balancer).cfg.waf;
      if (waf === undefined) return 'the web application firewall blocked the request';
      // the same test as the edge's (route.ts): the request's class is malicious or not
      return s.mix.malicious[s.pool.cls[slot]] === 1
        ? `the web application firewall blocked a malicious request: it catches ${num(waf.detectionRate * 100)} % of them`
        : `the web application firewall blocked an ordinary request by mistake: it wrongly blocks ${num(waf.falsePositiveRate * 100)} % of them (a false positive)`;
    }
    case 'lb-overloaded': {
      const b = entryOf(s, balancer);
      const cpu = b.cpu;
      if (cpu === null) return 'the balancer had no CPU left and shed the request';
      return `${b.id} was offered ${num(cpu.load * 100)} % of what its ${cpu.cores} core${cpu.cores === 1 ? '' : 's'} can do in the last second, so it admits ${num(100 / cpu.load)} % of requests at random (1 / ${num(cpu.load)}) and shed this one (503)`;
    }
  }
}

/** Does a retry condition (nginx or HAProxy spelling) cover this failure? */
export function retryCovers(condition: string, outcome: number): boolean {
  switch (condition) {
    case 'error':
    case 'conn-failure':
      return outcome === FAIL.refused;
    case 'timeout':
    case 'response-timeout':
      return outcome === FAIL.timeout;
    case 'http_500':
    case '500':
      return outcome === FAIL.error;
    case 'http_503':
    case '503':
      return outcome === FAIL.rejected;
    default:
      return false;
  }
}
