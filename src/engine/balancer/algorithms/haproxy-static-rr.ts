/**
 * HAProxy 2.6 `balance static-rr` (src/lb_map.c, real-systems §2.4): a fixed map of weight / gcd
 * slots walked in turn (5,1,1 gives `a a a b a a c`); a server going down or coming back rebuilds the
 * map, and the walk goes on from its index. Backups only when no active server is usable, the first
 * one only unless allBackups. Simplifies: weights are read at rebuild (HAProxy's runtime API refuses
 * other weight changes on static algorithms; 0 still takes a server out); no maxconn.
 */
import type { AlgorithmFactory, GroupView } from '../algorithm.ts';
import { ServerMap } from './haproxy-map.ts';
import { ServerSet } from './haproxy-servers.ts';

export const create: AlgorithmFactory = (options) => {
  const servers = new ServerSet('map', options?.allBackups ?? false);
  const map = new ServerMap(servers);
  let changed = false;
  const onChange = () => (changed = true);
  const rebuild = (view: GroupView) => {
    servers.reset(view);
    map.recalc();
  };
  return {
    rebuild,
    pick(view, request) {
      if (view.size !== servers.size) rebuild(view);
      servers.sync(view, onChange);
      if (changed) map.recalc();
      changed = false;
      return map.next(request.avoid ?? -1);
    },
  };
};
