/**
 * HAProxy 2.6 `balance roundrobin` (src/lb_fwrr.c, real-systems §2.2–2.3, §2.9): weighted, dynamic
 * (weights × 16), heavy servers front-loaded (5,1,1 gives `a a a b a a c`); backups only when no
 * active server is usable, then only the first usable backup unless allBackups. A server that goes
 * down, comes back or changes weight is re-placed as lb_fwrr.c does. Simplifies: one thread group;
 * no maxconn, so no server is skipped as saturated.
 */
import type { AlgorithmFactory, GroupView } from '../algorithm.ts';
import { Fwrr } from './haproxy-fwrr.ts';
import { ServerSet, type ServerChange } from './haproxy-servers.ts';

export const create: AlgorithmFactory = (options) => {
  const servers = new ServerSet('dynamic', options?.allBackups ?? false);
  const fwrr = new Fwrr(servers);
  const onChange: ServerChange = (i, nowUsable, eweight) => {
    if (!nowUsable) fwrr.down(i);
    else if (servers.usable[i] === 0) fwrr.up(i, eweight);
    else fwrr.reweight(i, eweight);
  };
  const rebuild = (view: GroupView) => {
    servers.reset(view);
    fwrr.init();
  };
  return {
    rebuild,
    pick(view, request) {
      if (view.size !== servers.size) rebuild(view);
      servers.sync(view, onChange);
      const g = servers.lookupGroup();
      return g < 0 ? servers.fbck : fwrr.next(g, request.avoid ?? -1);
    },
    inspect: () => fwrr.inspect(Math.max(0, servers.lookupGroup())),
  };
};
