/**
 * HAProxy 2.6 `balance first` (src/lb_fas.c, real-systems §2.6): the usable server with the lowest id that
 * has room (fewer requests than its slots, HAProxy's maxconn) takes the request; weights are ignored (0
 * takes a server out); backups as in every haproxy-* algorithm. Simplifies: with every server full, HAProxy
 * queues in the backend; here the request waits on the server with the least overflow (then lowest id).
 */
import type { AlgorithmFactory, GroupView } from '../algorithm.ts';
import { ServerSet } from './haproxy-servers.ts';

export const create: AlgorithmFactory = (options) => {
  const servers = new ServerSet('dynamic', options?.allBackups ?? false);
  let byId: number[] = []; // members in server-id order (configuration order on equal ids)
  const rebuild = (view: GroupView) => {
    servers.reset(view);
    byId = Array.from({ length: view.size }, (_, i) => i).sort((a, b) => servers.puid[a] - servers.puid[b] || a - b);
  };
  const overflow = (view: GroupView, i: number) => view.active(i) - (view.concurrency?.(i) ?? Infinity);
  return {
    rebuild,
    pick(view, request) {
      if (view.size !== servers.size) rebuild(view);
      servers.sync(view, () => {});
      const g = servers.lookupGroup();
      if (g < 0) return servers.fbck;
      const avoid = request.avoid ?? -1;
      let avoided = -1, leastFull = -1;
      for (const i of byId) {
        if (servers.usable[i] !== 1 || servers.isBackup[i] !== g) continue;
        if (overflow(view, i) < 0) {
          if (i !== avoid) return i;
          avoided = i;
        } else if (leastFull < 0 || overflow(view, i) < overflow(view, leastFull)) leastFull = i;
      }
      return avoided >= 0 ? avoided : leastFull;
    },
  };
};
