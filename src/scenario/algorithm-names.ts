/** The algorithm registry's keys; each is also the file name in src/engine/balancer/algorithms/. */
export const ALGORITHM_NAMES = [
  'round-robin',
  'weighted-round-robin',
  'least-connections',
  'least-outstanding-requests',
  'random',
  'power-of-two-choices',
  'peak-ewma',
  'least-response-time',
  'ip-hash',
  'hash',
  'consistent-hash',
  'maglev',
  'flow-hash',
  'haproxy-roundrobin',
  'haproxy-static-rr',
  'haproxy-leastconn',
  'haproxy-first',
  'haproxy-source',
  'haproxy-hash',
] as const;

export type AlgorithmName = (typeof ALGORITHM_NAMES)[number];

/** Algorithms that choose by a hash of the request's key. */
export const HASH_ALGORITHMS: readonly AlgorithmName[] = ['ip-hash', 'hash', 'consistent-hash', 'maglev', 'haproxy-source', 'haproxy-hash'];

/** HAProxy's own algorithms (`balance …`): they read hashType, allBackups and haproxyId. */
export const HAPROXY_ALGORITHMS: readonly AlgorithmName[] = ['haproxy-roundrobin', 'haproxy-static-rr', 'haproxy-leastconn', 'haproxy-first', 'haproxy-source', 'haproxy-hash'];

/** nginx methods whose module has no `backup` flag (ngx_http_upstream_{hash,ip_hash,random}_module): a backup server is a config error. */
export const NGINX_NO_BACKUP: readonly AlgorithmName[] = ['ip-hash', 'hash', 'consistent-hash', 'random'];
