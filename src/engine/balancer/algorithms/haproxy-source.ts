/**
 * HAProxy 2.6 `balance source` (src/backend.c `get_server_sh`, real-systems §2.7): the client's IPv4
 * address as a 32-bit number; map-based takes map[address % T] (127.0.0.1 over a, b, c: 2130706433 % 3
 * = 2, so c), consistent avalanches it and takes the nearest node. With a single usable server nothing
 * is hashed (hash 0). Simplifies: IPv4 only.
 */
import type { AlgorithmFactory } from '../algorithm.ts';
import { HaproxyHashing } from './haproxy-hashing.ts';

export const create: AlgorithmFactory = (options) => {
  const hashing = new HaproxyHashing(options);
  return {
    rebuild: (view) => hashing.rebuild(view),
    pick(view, request) {
      hashing.sync(view);
      const servers = hashing.servers;
      if (servers.totWeight === 0) return -1;
      const hash = servers.totUsed === 1 ? 0 : hashing.finish(request.clientIp >>> 0);
      return hashing.byHash(hash, request.avoid ?? -1);
    },
  };
};
