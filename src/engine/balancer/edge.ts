/**
 * Protection at the balancer's edge. Rate limiting: a token bucket per client address (rate and burst,
 * like nginx limit_req or a WAF rate-based rule) — requests beyond it get 429, which stops a bursty
 * client but also a busy office behind one NAT address. A web application firewall blocks a share of
 * malicious requests (SQL injection, bad bots) and, wrongly, a small share of legitimate ones (403).
 */
import type { BalancerConfig } from '../../scenario/schema.ts';
import type { Rng } from '../core/rng.ts';

export const EDGE_PASS = 0;
export const EDGE_RATE_LIMITED = 1;
export const EDGE_BLOCKED = 2;

export class Edge {
  private readonly tokens = new Map<number, number>();
  private readonly stamp = new Map<number, number>();

  constructor(
    private readonly rateLimit: BalancerConfig['rateLimit'],
    private readonly waf: BalancerConfig['waf'],
  ) {}

  static for(cfg: BalancerConfig): Edge | null {
    return cfg.rateLimit || cfg.waf ? new Edge(cfg.rateLimit, cfg.waf) : null;
  }

  /** The verdict on one request from address `ip`. */
  check(ip: number, malicious: boolean, nowMs: number, rng: Rng): number {
    const waf = this.waf;
    if (waf !== undefined && rng.next() < (malicious ? waf.detectionRate : waf.falsePositiveRate)) return EDGE_BLOCKED;
    const rl = this.rateLimit;
    if (rl === undefined) return EDGE_PASS;
    const last = this.stamp.get(ip) ?? nowMs;
    const t = Math.min(rl.burst, (this.tokens.get(ip) ?? rl.burst) + ((nowMs - last) / 1000) * rl.ratePerSec);
    this.stamp.set(ip, nowMs);
    if (t < 1) {
      this.tokens.set(ip, t);
      return EDGE_RATE_LIMITED;
    }
    this.tokens.set(ip, t - 1);
    return EDGE_PASS;
  }
}
