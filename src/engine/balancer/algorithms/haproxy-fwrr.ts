/**
 * HAProxy 2.6 fast weighted round robin, src/lb_fwrr.c (real-systems §2.3), per group (actives, backups):
 * a `curr` tree keyed 256·npos + (4096 + rweight − eweight)/16, an `init` tree (heaviest first) and a `next`
 * tree; a pick moves the server T / eweight further (remainder in rweight) and the window by one; down, up
 * and weight changes re-place servers as lb_fwrr.c does. Simplifies: no maxconn, so nothing is saturated.
 */
import { EbTree } from './haproxy-eb-tree.ts';
import type { AlgorithmInternals } from '../algorithm.ts';
import { EWEIGHT_MAX, UWEIGHT_MAX, WEIGHT_SCALE, type ServerSet } from './haproxy-servers.ts';

class FwrrGroup {
  curr = new EbTree();
  init = new EbTree();
  next = new EbTree();
  currPos = 0;
  currWeight = 0;
  nextWeight = 0;

  constructor(totalWeight: number) {
    this.currPos = this.currWeight = this.nextWeight = totalWeight;
  }

  /** fwrr_switch_trees: `next` becomes `init` for a new window of the group's current weight. */
  switchTrees(): void {
    [this.init, this.next] = [this.next, this.init];
    this.currWeight = this.nextWeight;
    this.currPos = this.currWeight;
  }
}

export class Fwrr {
  private groups: FwrrGroup[] = [];
  private npos = new Float64Array(0);
  private lpos = new Float64Array(0);
  private rweight = new Float64Array(0);
  private key = new Float64Array(0);
  /** The tree a server was last queued in (HAProxy `lb_tree`), or null when down. */
  private tree: (EbTree | null)[] = [];
  /** Servers taken out and passed over during a pick, requeued at its end (lb_fwrr.c's `full` list). */
  private readonly full: number[] = [];

  constructor(private readonly servers: ServerSet) {}

  /** fwrr_init_server_groups: every usable server into its group's `init` tree, heaviest first. */
  init(): void {
    const s = this.servers;
    const n = s.size;
    this.groups = [new FwrrGroup(s.totWact), new FwrrGroup(s.totWbck)];
    this.npos = new Float64Array(n);
    this.lpos = new Float64Array(n);
    this.rweight = new Float64Array(n);
    this.key = new Float64Array(n);
    this.tree = new Array<EbTree | null>(n).fill(null);
    for (let i = 0; i < n; i++) if (s.usable[i] === 1) this.queueByWeight(this.groupOf(i).init, i, s.eweight[i]);
  }

  /** fwrr_set_server_status_down, before the set commits the change. */
  down(i: number): void {
    this.groupOf(i).nextWeight -= this.servers.eweight[i];
    this.dequeue(i);
    this.tree[i] = null;
  }

  /** fwrr_set_server_status_up with the server's new effective weight (> 0). */
  up(i: number, eweight: number): void {
    const grp = this.groupOf(i);
    grp.nextWeight += eweight;
    this.getSrv(i);
    this.npos[i] = grp.currPos + Math.floor((grp.nextWeight + grp.currWeight - grp.currPos) / eweight);
    this.queueSrv(i, eweight);
  }

  /** fwrr_update_server_weight for a server that stays usable. */
  reweight(i: number, eweight: number): void {
    const grp = this.groupOf(i);
    grp.nextWeight += eweight - this.servers.eweight[i];
    if (this.tree[i] === grp.init) {
      this.dequeue(i);
      this.queueByWeight(grp.init, i, eweight);
      return;
    }
    this.getSrv(i);
    const prevNext = this.npos[i];
    const step = Math.floor(grp.nextWeight / eweight);
    this.npos[i] = this.lpos[i] + step;
    this.rweight[i] = 0;
    if (this.npos[i] > prevNext) this.npos[i] = prevNext;
    if (this.npos[i] < grp.currPos + 2) this.npos[i] = grp.currPos + step;
    this.dequeue(i);
    this.queueSrv(i, eweight);
  }

  /** fwrr_get_next_server for group g (0 actives, 1 backups); `avoid` is HAProxy's srvtoavoid. */
  next(g: number, avoid: number): number {
    const grp = this.groups[g];
    const ew = this.servers.eweight;
    let switched = false;
    let avoided = -1;
    const full = this.full;
    full.length = 0;
    let srv = -1;
    for (;;) {
      if (grp.currWeight === 0) grp.currPos = grp.currWeight = grp.nextWeight;
      for (;;) {
        srv = this.fromGroup(grp);
        if (srv >= 0) break;
        if (switched) {
          srv = avoided;
          break;
        }
        switched = true;
        grp.switchTrees();
      }
      if (srv < 0 || srv === avoided) break;
      this.updatePosition(grp, srv);
      this.dequeue(srv);
      grp.currPos++;
      if (srv !== avoid || avoided >= 0) break;
      avoided = srv;
      full.push(srv);
    }
    if (srv >= 0) this.queueSrv(srv, ew[srv]);
    for (let k = full.length - 1; k >= 0; k--) {
      if (full[k] === srv) continue;
      if (switched) this.queueByWeight(grp.init, full[k], ew[full[k]]);
      else this.queueSrv(full[k], ew[full[k]]);
    }
    return srv;
  }

  /**
   * Group g's trees for explanations: `curr` by next position (npos), then `init` and `next` by effective
   * weight (heaviest first), and the window's position and weight. Read only; allocates.
   */
  inspect(g: number): AlgorithmInternals {
    const grp = this.groups[g];
    if (grp === undefined) return {};
    const curr = grp.curr.entries();
    return {
      trees: [
        { name: 'curr', keyName: 'next position', members: curr.members, keys: curr.members.map((i) => this.npos[i]) },
        { name: 'init', keyName: 'weight', ...byWeight(grp.init, this.servers.eweight) },
        { name: 'next', keyName: 'weight', ...byWeight(grp.next, this.servers.eweight) },
      ],
      window: { position: grp.currPos, weight: grp.currWeight },
    };
  }

  private groupOf(i: number): FwrrGroup {
    return this.groups[this.servers.isBackup[i]];
  }

  /** fwrr_get_server_from_group: the head of `curr` if its turn has come, else the head of `init`. */
  private fromGroup(grp: FwrrGroup): number {
    const ew = this.servers.eweight;
    const s1 = grp.curr.first();
    if (s1 >= 0 && ew[s1] > 0 && this.npos[s1] <= grp.currPos) return s1;
    const s2 = grp.init.first();
    if (s2 >= 0 && ew[s2] > 0) {
      this.npos[s2] = this.rweight[s2] = 0;
      return s2;
    }
    return s1;
  }

  /** fwrr_update_position: the server's next place is T / eweight further, remainders carried. */
  private updatePosition(grp: FwrrGroup, s: number): void {
    const ew = this.servers.eweight[s];
    if (!ew) return;
    if (!this.npos[s]) this.npos[s] = grp.currPos;
    this.lpos[s] = this.npos[s];
    this.npos[s] += Math.floor(grp.nextWeight / ew);
    this.rweight[s] += grp.nextWeight % ew;
    if (this.rweight[s] >= ew) {
      this.rweight[s] -= ew;
      this.npos[s]++;
    }
  }

  /** fwrr_get_srv: adjusts npos for the tree the server comes from. */
  private getSrv(i: number): void {
    const grp = this.groupOf(i);
    const t = this.tree[i];
    if (t === grp.init) this.npos[i] = this.rweight[i] = 0;
    else if (t === grp.next) this.npos[i] += grp.currWeight;
    else if (t === null) this.npos[i] = grp.currPos;
  }

  /** fwrr_queue_by_weight: key 4096 − eweight, so heavier servers come first. */
  private queueByWeight(tree: EbTree, i: number, eweight: number): void {
    this.key[i] = EWEIGHT_MAX - eweight;
    tree.insert(i, this.key[i]);
    this.tree[i] = tree;
  }

  /** fwrr_queue_srv: into `curr` by position, or into `next` when past this round. */
  private queueSrv(i: number, eweight: number): void {
    const grp = this.groupOf(i);
    if (eweight <= 0 || this.npos[i] >= 2 * grp.currWeight || this.npos[i] >= grp.currWeight + grp.nextWeight) {
      this.npos[i] -= grp.currWeight;
      this.queueByWeight(grp.next, i, eweight);
      return;
    }
    this.key[i] = UWEIGHT_MAX * this.npos[i] + Math.floor((EWEIGHT_MAX + this.rweight[i] - eweight) / WEIGHT_SCALE);
    grp.curr.insert(i, this.key[i]);
    this.tree[i] = grp.curr;
  }

  private dequeue(i: number): void {
    this.tree[i]?.remove(i, this.key[i]);
  }
}

function byWeight(tree: EbTree, eweight: ArrayLike<number>): { members: number[]; keys: number[] } {
  const e = tree.entries();
  return { members: e.members, keys: e.members.map((i) => eweight[i]) };
}
