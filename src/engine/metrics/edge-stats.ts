/**
 * What edge protection did: attack requests stopped or let through, malicious requests the WAF caught
 * or missed, and legitimate users harmed by a too-tight rate limit or a WAF false positive.
 */
import { FAIL } from '../types.ts';

const RATE_LIMITED = FAIL['rate-limited'];
const BLOCKED = FAIL.blocked;

export interface EdgeReport {
  attackRequests: number;
  attackStopped: number;
  attackServed: number;
  maliciousBlocked: number;
  maliciousAllowed: number;
  legitRateLimited: number;
  legitBlocked: number;
}

export class EdgeStats {
  readonly r: EdgeReport = { attackRequests: 0, attackStopped: 0, attackServed: 0, maliciousBlocked: 0, maliciousAllowed: 0, legitRateLimited: 0, legitBlocked: 0 };

  count(attack: number, malicious: number, outcome: number): void {
    const r = this.r;
    const stopped = outcome === RATE_LIMITED || outcome === BLOCKED;
    if (attack !== 0) {
      r.attackRequests++;
      if (stopped) r.attackStopped++;
      else if (outcome === 0) r.attackServed++;
    }
    if (malicious === 1) {
      if (outcome === BLOCKED) r.maliciousBlocked++;
      else if (!stopped) r.maliciousAllowed++;
    } else if (attack === 0) {
      if (outcome === RATE_LIMITED) r.legitRateLimited++;
      else if (outcome === BLOCKED) r.legitBlocked++;
    }
  }
}
