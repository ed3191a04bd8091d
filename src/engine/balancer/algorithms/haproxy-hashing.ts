/**
 * The part HAProxy 2.6's hash algorithms share (src/backend.c `get_server_sh/uh/ph/hh`, lb_map.c,
 * lb_chash.c; real-systems §2.7): `hash-type map-based` indexes the server map with hash % T (the map
 * is rebuilt whenever a server goes down, comes back or enters maintenance, so keys move);
 * `consistent` avalanches the hash and takes the nearest node of the consistent-hash tree. Backups
 * as the other haproxy-* algorithms. With no key, round robin on the map or on the tree's nodes.
 */
import type { AlgorithmOptions, GroupView } from '../algorithm.ts';
import { ChashTree } from './haproxy-chash.ts';
import { fullHash } from './haproxy-hash-functions.ts';
import { ServerMap } from './haproxy-map.ts';
import { ServerSet, type ServerChange } from './haproxy-servers.ts';

export class HaproxyHashing {
  readonly servers: ServerSet;
  private readonly consistent: boolean;
  private readonly map: ServerMap;
  private readonly tree: ChashTree;
  private changed = false;
  private readonly onChange: ServerChange;

  constructor(options: AlgorithmOptions | undefined) {
    this.consistent = options?.hashType === 'consistent';
    this.servers = new ServerSet(this.consistent ? 'dynamic' : 'map', options?.allBackups ?? false);
    this.map = new ServerMap(this.servers);
    this.tree = new ChashTree(this.servers);
    this.onChange = (i, nowUsable, eweight) => {
      if (this.consistent) this.tree.setNodes(i, nowUsable ? eweight : 0);
      else this.changed = true;
    };
  }

  rebuild(view: GroupView): void {
    this.servers.reset(view);
    if (this.consistent) this.tree.init();
    else this.map.recalc();
  }

  /** Brings the map or tree up to date with the group; call at the start of every pick. */
  sync(view: GroupView): void {
    if (view.size !== this.servers.size) this.rebuild(view);
    this.servers.sync(view, this.onChange);
    if (this.changed) this.map.recalc();
    this.changed = false;
  }

  /** The member for a raw hash (before avalanche), as the `hash_done` step of get_server_* does. */
  byHash(hash: number, avoid: number): number {
    if (!this.consistent) return this.map.byHash(hash >>> 0);
    const g = this.servers.lookupGroup();
    if (g < 0) return this.servers.fbck;
    return this.tree.byHash(g, hash, avoid);
  }

  /** Avalanches a raw hash when the hash type is consistent (HAProxy's default for it). */
  finish(hash: number): number {
    return this.consistent ? fullHash(hash) : hash >>> 0;
  }

  /** No key: round robin on the map, or a walk over the tree's nodes. */
  roundRobin(avoid: number): number {
    if (!this.consistent) return this.map.next(avoid);
    const g = this.servers.lookupGroup();
    if (g < 0) return this.servers.fbck;
    return this.tree.next(g, avoid);
  }
}
