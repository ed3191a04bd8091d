/**
 * HAProxy 2.6's bookkeeping of a backend's servers for the haproxy-* algorithms (backend.c recount_servers,
 * update_backend_weight; server.h srv_willbe_usable): effective weights, usable active and backup servers,
 * the first usable backup (fbck) and the weight lookups use. Usable = eligible in the view and weight > 0
 * (HAProxy: not DOWN, MAINT or DRAIN). `sync` reports each change since the last pick, in member order.
 */
import type { GroupView } from '../algorithm.ts';

/** HAProxy BE_WEIGHT_SCALE: dynamic algorithms work on uweight × 16. */
export const WEIGHT_SCALE = 16;
/** HAProxy SRV_UWGHT_MAX: the largest user weight. */
export const UWEIGHT_MAX = 256;
/** HAProxy SRV_EWGHT_MAX = SRV_UWGHT_MAX × BE_WEIGHT_SCALE. */
export const EWEIGHT_MAX = UWEIGHT_MAX * WEIGHT_SCALE;

/** HAProxy's user weight (0–256, whole) for a configured weight; a positive weight never rounds to 0. */
export function userWeight(weight: number): number {
  if (!(weight > 0)) return 0;
  return Math.min(UWEIGHT_MAX, Math.max(1, Math.round(weight)));
}

/** The dynamic algorithms' effective weight: uweight × 16, so a fractional weight (slow start) keeps 1/16 steps. */
export function dynamicEweight(weight: number): number {
  if (!(weight > 0)) return 0;
  return Math.min(EWEIGHT_MAX, Math.max(1, Math.ceil(weight * WEIGHT_SCALE)));
}

function gcd(a: number, b: number): number {
  while (b) [a, b] = [b, a % b];
  return a;
}

/** Called for a member whose usability or effective weight changed; the set still holds the old values. */
export type ServerChange = (member: number, nowUsable: boolean, newEweight: number, view: GroupView) => void;

export class ServerSet {
  usable = new Uint8Array(0);
  eweight = new Int32Array(0);
  isBackup = new Uint8Array(0);
  puid = new Int32Array(0);
  srvAct = 0;
  srvBck = 0;
  totWact = 0;
  totWbck = 0;
  /** The first usable backup in configuration order when only one backup is used; -1: none. */
  fbck = -1;
  /** Total effective weight and number of servers the lookups use now (actives, else fbck, else backups). */
  totWeight = 0;
  totUsed = 0;
  /** Map-based algorithms: effective weights fixed at rebuild (uweight / gcd of all weights). */
  private mapEweight: Int32Array | null = null;

  constructor(
    private readonly scale: 'dynamic' | 'map',
    private readonly allBackups: boolean,
  ) {}

  get size(): number {
    return this.usable.length;
  }

  /** Reads the whole group afresh, as HAProxy does when it starts. */
  reset(view: GroupView): void {
    const n = view.size;
    this.usable = new Uint8Array(n);
    this.eweight = new Int32Array(n);
    this.isBackup = new Uint8Array(n);
    this.puid = new Int32Array(n);
    this.mapEweight = null;
    if (this.scale === 'map') {
      let divisor = 0;
      for (let i = 0; i < n; i++) divisor = gcd(divisor, userWeight(view.weight(i)));
      this.mapEweight = new Int32Array(n);
      for (let i = 0; i < n; i++) this.mapEweight[i] = userWeight(view.weight(i)) / Math.max(1, divisor);
    }
    for (let i = 0; i < n; i++) {
      this.isBackup[i] = view.backup?.(i) ? 1 : 0;
      this.puid[i] = view.serverId?.(i) ?? i + 1;
      this.eweight[i] = this.nextEweight(view, i);
      this.usable[i] = this.willBeUsable(view, i) ? 1 : 0;
    }
    this.recount();
  }

  /** The effective weight member i has now (map-based: its rebuild-time weight, or 0 once set to 0). */
  nextEweight(view: GroupView, i: number): number {
    const w = view.weight(i);
    if (this.mapEweight !== null) return w > 0 ? this.mapEweight[i] : 0;
    return dynamicEweight(w);
  }

  /** HAProxy `srv_willbe_usable`: running, not in maintenance or drain, effective weight above 0. */
  willBeUsable(view: GroupView, i: number): boolean {
    return this.nextEweight(view, i) > 0 && view.eligible(i);
  }

  /** Reports each member whose state differs from the view, then commits it and recounts. */
  sync(view: GroupView, onChange: ServerChange): void {
    for (let i = 0; i < this.usable.length; i++) {
      const ew = this.nextEweight(view, i);
      const nowUsable = ew > 0 && view.eligible(i);
      if (nowUsable === (this.usable[i] === 1) && (!nowUsable || ew === this.eweight[i])) continue;
      onChange(i, nowUsable, ew, view);
      this.usable[i] = nowUsable ? 1 : 0;
      this.eweight[i] = ew;
      this.recount();
    }
  }

  /** backend.c recount_servers + update_backend_weight. */
  recount(): void {
    this.srvAct = this.srvBck = this.totWact = this.totWbck = 0;
    this.fbck = -1;
    for (let i = 0; i < this.usable.length; i++) {
      if (this.usable[i] !== 1) continue;
      if (this.isBackup[i] === 1) {
        if (this.srvBck === 0 && !this.allBackups) this.fbck = i;
        this.srvBck++;
        this.totWbck += this.eweight[i];
      } else {
        this.srvAct++;
        this.totWact += this.eweight[i];
      }
    }
    if (this.srvAct > 0) {
      this.totWeight = this.totWact;
      this.totUsed = this.srvAct;
    } else if (this.fbck >= 0) {
      this.totWeight = this.eweight[this.fbck];
      this.totUsed = 1;
    } else {
      this.totWeight = this.totWbck;
      this.totUsed = this.srvBck;
    }
  }

  /** Which group a lookup uses: 0 the actives, 1 the backups, or -1 with `fbck` (or nothing) to return as is. */
  lookupGroup(): number {
    if (this.srvAct > 0) return 0;
    if (this.fbck >= 0) return -1;
    return this.srvBck > 0 ? 1 : -1;
  }
}
