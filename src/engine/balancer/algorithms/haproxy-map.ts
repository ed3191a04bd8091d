/**
 * HAProxy 2.6's server map, src/lb_map.c (real-systems §2.4): T = sum of weight / gcd slots, each won by the
 * first server with the largest (score + T) / T after every usable server added its weight (the winner pays
 * T); static-rr walks it, map-based hashes take hash % T, and any server change rebuilds it. Kept as in
 * lb_map.c: with only the first backup in use, a weight above 1 fills its map from every usable backup.
 */
import type { ServerSet } from './haproxy-servers.ts';

export class ServerMap {
  private slots = new Int32Array(0);
  private rrIndex = 0;

  constructor(private readonly servers: ServerSet) {}

  /** recalc_server_map. */
  recalc(): void {
    const s = this.servers;
    const tot = s.totWeight;
    this.slots = new Int32Array(s.totUsed === 0 ? 0 : tot);
    if (s.totUsed === 0) return;
    const wantBackup = s.srvAct > 0 ? 0 : 1;
    const score = new Float64Array(s.size);
    for (let o = 0; o < tot; o++) {
      let best = -1, max = 0;
      for (let i = 0; i < s.size; i++) {
        if (s.isBackup[i] !== wantBackup || s.usable[i] !== 1) continue;
        if (tot === 1) {
          best = i;
          break;
        }
        score[i] += s.eweight[i];
        const v = Math.floor((score[i] + tot) / tot);
        if (best < 0 || v > max) {
          max = v;
          best = i;
        }
      }
      this.slots[o] = best;
      if (best >= 0) score[best] -= tot;
    }
  }

  /** The member in each slot, for tests and views. */
  get map(): readonly number[] {
    return Array.from(this.slots);
  }

  /** map_get_server_hash: the slot hash % T (HAProxy ignores the server to avoid here). */
  byHash(hash: number): number {
    const tot = this.servers.totWeight;
    return tot > 0 && this.slots.length === tot ? this.slots[hash % tot] : -1;
  }

  /** map_get_server_rr: the next slot, passing over `avoid` unless it is all there is. */
  next(avoid: number): number {
    const tot = this.servers.totWeight;
    if (tot === 0 || this.slots.length !== tot) return -1;
    if (this.rrIndex < 0 || this.rrIndex >= tot) this.rrIndex = 0;
    let index = this.rrIndex;
    let avoided = -1, avoidedIndex = 0;
    do {
      const srv = this.slots[index++];
      avoided = srv;
      avoidedIndex = index;
      if (srv !== avoid) {
        this.rrIndex = index;
        return srv;
      }
      if (index === tot) index = 0;
    } while (index !== this.rrIndex);
    if (avoided >= 0) this.rrIndex = avoidedIndex;
    return avoided;
  }
}
