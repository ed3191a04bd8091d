/**
 * The balancer's own CPU, as a fluid per-second model: every request offered costs routing work, plus
 * TLS work where the balancer terminates TLS (a full handshake per new connection, a cheaper one when
 * the session is resumed, and encryption per request). When last second's offered work exceeded the
 * capacity, requests are shed at random to fit (503). A managed balancer (like ELB) doubles its
 * capacity after the load stays above its threshold for `scaleUpAfterSec` — so a sudden spike hurts
 * for minutes; a self-run one stays as it is until someone adds nodes.
 */
import type { BalancerConfig } from '../../scenario/schema.ts';

export class BalancerCpu {
  cores: number;
  private offeredMs = 0;
  /** Offered work / capacity over the last full second. */
  load = 0;
  private highSinceMs = NaN;

  constructor(private readonly cfg: NonNullable<BalancerConfig['capacity']>) {
    this.cores = cfg.cpuCores;
  }

  /** Offers `costMs` of work; false when the request is shed. `u` is a uniform draw. */
  admit(costMs: number, u: number): boolean {
    this.offeredMs += costMs;
    return this.load <= 1 || u < 1 / this.load;
  }

  /** Closes a second; returns a message when a managed balancer scaled up. */
  rollSecond(nowMs: number): string | null {
    this.load = this.offeredMs / (this.cores * 1000);
    this.offeredMs = 0;
    const m = this.cfg.managed;
    if (m === undefined) return null;
    if (this.load <= m.threshold) {
      this.highSinceMs = NaN;
      return null;
    }
    if (Number.isNaN(this.highSinceMs)) this.highSinceMs = nowMs;
    if (nowMs - this.highSinceMs < m.scaleUpAfterSec * 1000 || this.cores >= m.maxCores) return null;
    this.cores = Math.min(m.maxCores, this.cores * 2);
    this.highSinceMs = nowMs;
    return `scaled up to ${this.cores} cores after ${m.scaleUpAfterSec} s above ${Math.round(m.threshold * 100)} % load`;
  }
}

/** Average TLS CPU per request on a listener: encryption plus a share of a (possibly resumed) handshake. */
export function tlsCostMs(tls: NonNullable<BalancerConfig['listeners'][number]['tls']>): number {
  const handshake = (1 - tls.resumptionShare) * tls.handshakeCpuMs + tls.resumptionShare * tls.resumedHandshakeCpuMs;
  return tls.perRequestCpuMs + handshake / tls.requestsPerConnection;
}
