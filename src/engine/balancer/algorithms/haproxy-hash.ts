/**
 * HAProxy 2.6 `balance uri` / `url_param` / `hdr(<name>)` (src/backend.c get_server_uh/ph/hh, real-systems
 * §2.7) by hashKey "path" / "query:<name>" / "header:<name>": sdbm, looked up map-based or consistent; no key
 * goes round robin; uri and hdr hash nothing (0) with one usable server. Simplifies: the engine's key is the
 * path without its query and the parameter's decoded value; an empty header or parameter counts as missing.
 */
import type { AlgorithmFactory } from '../algorithm.ts';
import { sdbm } from './haproxy-hash-functions.ts';
import { HaproxyHashing } from './haproxy-hashing.ts';

export const create: AlgorithmFactory = (options) => {
  const hashing = new HaproxyHashing(options);
  const alwaysHashes = (options?.hashKey ?? 'path').startsWith('query:');
  return {
    rebuild: (view) => hashing.rebuild(view),
    pick(view, request) {
      hashing.sync(view);
      const servers = hashing.servers;
      const avoid = request.avoid ?? -1;
      if (servers.totWeight === 0) return -1;
      if (servers.totUsed === 1 && !alwaysHashes) return hashing.byHash(0, avoid);
      if (request.key === '') return hashing.roundRobin(avoid);
      return hashing.byHash(hashing.finish(sdbm(request.key)), avoid);
    },
  };
};
