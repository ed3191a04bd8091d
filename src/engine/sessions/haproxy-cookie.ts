/**
 * HAProxy's cookie persistence, `cookie <name> insert indirect nocache` (src/http_ana.c
 * `http_manage_client_side_cookies` and the insertion in `http_process_res_common`; real-systems §2.13;
 * docs/haproxy-integration.md §4, vectors C1–C7 recorded on HAProxy 2.6.12). Each target's cookie value is
 * its id. A request whose cookie names a server of the group that is not stopped (down by its checks or in
 * maintenance; drain, weight 0 and backup do not stop it) goes straight there (sessions.ts stickyTarget,
 * choose.ts, `FLAG_DIRECT`); any other is load-balanced, and the answer the server gives it carries
 * `Set-Cookie: <name>=<server>`, which the client keeps (`indirect`: a request sent by its cookie gets
 * none). HAProxy's own errors (503 with no server, 504) carry no cookie, so the client keeps its old one.
 * With `traffic.clients.keepsStaleCookie` a client keeps the first cookie it got and ignores later ones, so
 * persistence returns when its server does.
 *
 * Each client keeps one cookie per name (session-data.ts): backends that name the same cookie share it,
 * the last answer's `Set-Cookie` winning; backends with different names keep their own.
 *
 * Simplifies: a session cookie (no `maxidle`/`maxlife`); the server's own cookies are not modelled.
 */
import type { SimState } from '../state.ts';
import { FAIL, OUTCOME_OK } from '../types.ts';
import { FLAG_DIRECT } from '../request/pool.ts';

/**
 * The request in `slot` is over with `outcome` after its last attempt at target t: when a server answered
 * a load-balanced request of a haproxy-cookie group, the answer sets the client's cookie. Returns the
 * cookie's value (the target's id), or undefined when the answer carried none.
 */
export function answerCookie(s: SimState, slot: number, t: number, outcome: number): string | undefined {
  const pool = s.pool;
  const sd = s.sessions;
  const g = pool.group[slot];
  const cfg = s.groups[g].cfg;
  if (sd === null || cfg.stickiness?.kind !== 'haproxy-cookie') return undefined;
  // only an answer from the server carries it, and `indirect` sends none to a client whose cookie was used
  if ((outcome !== OUTCOME_OK && outcome !== FAIL.error) || (pool.flags[slot] & FLAG_DIRECT) !== 0) return undefined;
  const client = pool.client[slot];
  const b = sd.stickyFor(g, cfg);
  if (client >= b.clients) return undefined;
  if (b.target(client) < 0 || s.scenario.traffic.clients.keepsStaleCookie !== true) b.bind(client, t, Infinity);
  return s.store.ids[t];
}
