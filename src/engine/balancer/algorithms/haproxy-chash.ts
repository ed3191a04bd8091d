/**
 * HAProxy 2.6's consistent-hash tree, src/lb_chash.c (real-systems §2.7): a usable server has eweight
 * (uweight × 16) nodes keyed full_hash(puid × 4096 + j) in its group's tree; a hash goes to the node
 * nearest on either side (the previous one when the distances tie), moving clockwise past the server
 * to avoid. With no hash key, `chash_get_next_server` walks the nodes from the last one used.
 * Simplifies: no hash-balance-factor (bounded loads) and no maxconn.
 */
import { EbTree } from './haproxy-eb-tree.ts';
import { fullHash } from './haproxy-hash-functions.ts';
import { EWEIGHT_MAX, type ServerSet } from './haproxy-servers.ts';

/** A node's tree value: member × 4096 + node index (a server has at most 4096 nodes). */
const nodeOf = (member: number, j: number) => member * EWEIGHT_MAX + j;
const memberOfNode = (node: number) => Math.floor(node / EWEIGHT_MAX);

export class ChashTree {
  private trees = [new EbTree(), new EbTree()];
  private nodesNow = new Int32Array(0);
  /** The node the round-robin walk used last (chash.last): its value and key, or -1. */
  private lastNode = -1;
  private lastKey = 0;

  constructor(private readonly servers: ServerSet) {}

  /** chash_init_server_tree: each usable server's nodes, in configuration order. */
  init(): void {
    const s = this.servers;
    this.trees = [new EbTree(), new EbTree()];
    this.nodesNow = new Int32Array(s.size);
    this.lastNode = -1;
    for (let i = 0; i < s.size; i++) if (s.usable[i] === 1) this.setNodes(i, s.eweight[i]);
  }

  /** chash_queue_dequeue_srv: the server keeps exactly `count` nodes (0 takes it out). */
  setNodes(i: number, count: number): void {
    const tree = this.trees[this.servers.isBackup[i]];
    const puidBase = Math.imul(this.servers.puid[i], EWEIGHT_MAX);
    while (this.nodesNow[i] > count) {
      const j = --this.nodesNow[i];
      const key = fullHash(puidBase + j);
      if (this.lastNode === nodeOf(i, j)) this.skipLast(tree);
      tree.remove(nodeOf(i, j), key);
    }
    while (this.nodesNow[i] < count) {
      const j = this.nodesNow[i]++;
      tree.insert(nodeOf(i, j), fullHash(puidBase + j));
    }
  }

  /** chash_get_server_hash in group g: the nearest node's server, moving clockwise past `avoid`. */
  byHash(g: number, hash: number, avoid: number): number {
    const tree = this.trees[g];
    const count = tree.size;
    if (count === 0) return -1;
    let next = tree.lowerBound(hash);
    if (next === count) next = 0;
    const prev = next === 0 ? count - 1 : next - 1;
    const dp = (hash - tree.keyAt(prev)) >>> 0;
    const dn = (tree.keyAt(next) - hash) >>> 0;
    let k = dp <= dn ? prev : next;
    let member = memberOfNode(tree.valueAt(k));
    for (let loop = 0; member === avoid; ) {
      if (++k === count) {
        k = 0;
        if (++loop > 1) break;
      }
      member = memberOfNode(tree.valueAt(k));
    }
    return member;
  }

  /** chash_get_next_server in group g: the node after the last one used, passing over `avoid`. */
  next(g: number, avoid: number): number {
    const tree = this.trees[g];
    const count = tree.size;
    if (count === 0) return -1;
    const stop = this.lastNode < 0 ? -1 : tree.indexOf(this.lastNode, this.lastKey);
    let k = stop;
    let avoided = -1, avoidedNode = -1;
    do {
      k = k + 1 >= count ? 0 : k + 1;
      this.remember(tree, k);
      const member = memberOfNode(tree.valueAt(k));
      if (member !== avoid) return member;
      avoided = member;
      avoidedNode = k;
    } while (k !== (stop < 0 ? 0 : stop));
    if (avoidedNode >= 0) this.remember(tree, avoidedNode);
    return avoided;
  }

  private remember(tree: EbTree, k: number): void {
    this.lastNode = tree.valueAt(k);
    this.lastKey = tree.keyAt(k);
  }

  /** chash_skip_node: before the last-used node leaves, the walk's bookmark moves to the next node. */
  private skipLast(tree: EbTree): void {
    const k = tree.indexOf(this.lastNode, this.lastKey);
    const count = tree.size;
    if (k < 0 || count <= 1) {
      this.lastNode = -1;
      return;
    }
    this.remember(tree, k + 1 >= count ? 0 : k + 1);
  }
}
