/**
 * The last step's why: what made a request end as it did (an SLO met or missed, a refused connection, a full
 * queue, a rule that matched nothing, a balancer out of CPU…), as a phrase (phrase.ts) with its numbers; and
 * which failures a retry condition covers.
 */
import type { SimState } from '../state.ts';
import { FAIL, outcomeName } from '../types.ts';
import { TARGET_HUNG } from '../backend/targets.ts';
import type { Journey } from './journey.ts';
import { say, type Phrase } from './phrase.ts';

/** The balancer the request reached or was refused at: the one routed to, DNS's answer, or the only one. */
function entryOf(s: SimState, balancer: number) {
  return balancer >= 0 ? s.balancers[balancer] : s.entry;
}

/** Why the request ended as it did, with the numbers that decided it; `balancer` is the one it reached (-1: none known). */
export function outcomeWhy(s: SimState, journey: Journey, balancer: number, slot: number, outcome: number, latencyMs: number): Phrase {
  const t = s.pool.target[slot];
  const tid = t >= 0 ? s.store.ids[t] : '';
  const last = journey.steps[journey.steps.length - 1];
  switch (outcomeName(outcome)) {
    case 'ok':
      return say(latencyMs <= s.sloMs ? 'explain_why_slo_ok' : 'explain_why_slo_slow', { ms: s.sloMs });
    case 'timeout':
      return say('explain_why_timeout');
    case 'refused':
      if (last === undefined || (last.kind === 'send' && last.what.endsWith('connection refused'))) return say('explain_why_refused', { id: tid });
      return say(s.store.state[t] === TARGET_HUNG ? 'explain_why_hung_reset' : 'explain_why_crash_reset', { id: tid });
    case 'rejected':
      return say('explain_why_queue_full', { id: tid });
    case 'error':
      return say('explain_why_5xx', { id: tid });
    case 'no-target': {
      const g = s.groups[s.pool.group[slot]];
      const inRot = g.members.filter((m) => s.store.inRotation[m] === 1).length;
      return say('explain_why_no_target', { group: g.id, count: String(inRot), total: String(g.members.length), mode: g.cfg.whenAllUnhealthy });
    }
    case 'no-route':
      return say('explain_why_no_route');
    case 'unreachable': {
      const b = entryOf(s, balancer);
      if (s.dns !== null && !journey.steps.some((x) => x.kind === 'dns' && x.what.includes('→'))) return say('explain_why_no_dns');
      if (b.down || b.regionDown) return say('explain_why_lb_down', { id: b.id, region: b.regionDown ? say('explain_why_region_out') : '' });
      return say('explain_why_node_down', { ttl: String(b.cfg.nodeTtlSec) });
    }
    case 'rate-limited':
      return say('explain_why_rate_limited');
    case 'blocked': {
      const waf = entryOf(s, balancer).cfg.waf;
      if (waf === undefined) return say('explain_why_waf');
      // the same test as the edge's (route.ts): the request's class is malicious or not
      return s.mix.malicious[s.pool.cls[slot]] === 1
        ? say('explain_why_waf_malicious', { percent: waf.detectionRate * 100 })
        : say('explain_why_waf_false', { percent: waf.falsePositiveRate * 100 });
    }
    case 'lb-overloaded': {
      const b = entryOf(s, balancer);
      const cpu = b.cpu;
      if (cpu === null) return say('explain_why_cpu');
      const values = { id: b.id, percent: cpu.load * 100, cores: String(cpu.cores), admits: 100 / cpu.load, load: cpu.load };
      return say(cpu.cores === 1 ? 'explain_why_shed_one' : 'explain_why_shed', values);
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
