/**
 * nginx passive health (`max_fails` / `fail_timeout`, real-systems §1.2 and §1.4), in whole seconds:
 * a peer with `fails ≥ max_fails` is skipped while `now − checked ≤ fail_timeout`; a failure sets
 * `accessed = checked = now`; selecting a peer more than fail_timeout after its last check bumps
 * `checked`, and only a success after such a bump clears `fails` — so failures accumulate over a
 * sliding window that each failure restarts, and one probe per fail_timeout tests a disabled peer.
 * The effective-weight penalty (weight / max_fails) is applied by the balancing algorithm.
 */
import type { PassiveHealth } from '../../scenario/schema.ts';

type NginxConfig = Extract<PassiveHealth, { kind: 'nginx' }>;

export class NginxPassive {
  private fails: number[] = [];
  private accessed: number[] = [];
  private checked: number[] = [];

  constructor(readonly config: NginxConfig) {}

  private sec(nowMs: number): number {
    return Math.floor(nowMs / 1000);
  }

  /** May peer t be chosen now? (`single` = the group has one peer: nginx ignores max_fails then.) */
  eligible(t: number, nowMs: number, single: boolean): boolean {
    const max = this.config.maxFails;
    if (single || max === 0 || (this.fails[t] ?? 0) < max) return true;
    return this.sec(nowMs) - (this.checked[t] ?? 0) > this.config.failTimeoutSec;
  }

  onSelect(t: number, nowMs: number): void {
    const now = this.sec(nowMs);
    if (now - (this.checked[t] ?? 0) > this.config.failTimeoutSec) this.checked[t] = now;
  }

  /** A failed attempt; returns true when it disables the peer ("upstream server temporarily disabled"). */
  onFailure(t: number, nowMs: number): boolean {
    if (this.config.maxFails === 0) return false;
    const now = this.sec(nowMs);
    this.fails[t] = (this.fails[t] ?? 0) + 1;
    this.accessed[t] = now;
    this.checked[t] = now;
    return this.fails[t] === this.config.maxFails;
  }

  onSuccess(t: number): void {
    if ((this.accessed[t] ?? 0) < (this.checked[t] ?? 0)) this.fails[t] = 0;
  }

  /** The effective-weight penalty nginx applies on a failure: weight / max_fails, integer division. */
  penalty(weight: number): number {
    return this.config.maxFails === 0 ? 0 : Math.floor(weight / this.config.maxFails);
  }
}
