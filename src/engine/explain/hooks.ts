/**
 * The recorder's hooks: the points of a request's life where an explanation recorder (explain/recorder.ts)
 * listens. The engine calls them as `if (s.explain !== null) s.explain.x(s, …)`, one line per site, so a
 * run without a recorder pays one null check per site and nothing else. A recorder only reads the state;
 * it never draws a random number or changes anything, so a run with one is the same run (digests hold).
 * Generic over the state type so this module imports nothing (state.ts holds `ExplainHooks<SimState>`).
 */
export interface ExplainHooks<S> {
  /**
   * False when the recorder watches no request's journey (the live lab's recorder keeps only notable
   * lists): the engine then calls only `finished`, so the other hooks cost nothing per request.
   */
  readonly recordsJourneys: boolean;
  /** A request was admitted into `slot` (its id, arrival time and class are set). */
  arrived(s: S, slot: number): void;
  /** The client's resolver answered the DNS name: the record it gave, and whether from its cache. */
  dnsAnswered(s: S, client: number, recordIndex: number, fromCache: boolean): void;
  /**
   * The address the client tried first (balancer `refused`) refused its connection and the answer has
   * more: it went on to balancer `next` (-1: every address refused, or `tries` false: it does not try others).
   */
  nextAddress(s: S, client: number, refused: number, next: number, tries: boolean): void;
  /** The request reached balancer `balancer` (index), node `node`, and its target group is set. */
  routed(s: S, slot: number, balancer: number, node: number): void;
  /**
   * Balancer `balancer`'s Gateway Load Balancer passed the request's flow to appliance `appliance` (-1: none), a
   * new flow or not; `ms` added, or -1 when the flow was dropped; `waitMs` of it in the appliance's queue, or -1
   * when the drop was for a full queue; `serviceMs` of it inspecting.
   */
  inspected(s: S, balancer: number, appliance: number, newFlow: boolean, ms: number, waitMs: number, serviceMs: number): void;
  /** A layer-4 balancer looks at the client's open connection before choosing. */
  connection(s: S, client: number, group: number): void;
  /** A sticky group looked the client's binding up: the bound target (-1: none) and the one it may use (-1: none). */
  sticky(s: S, group: number, stuck: number, bound: number): void;
  /** The group's algorithm is about to pick a target. */
  beforePick(s: S, group: number): void;
  /** The algorithm picked target `t` (-1: none), after `passes` slow-start passes. */
  picked(s: S, group: number, t: number, passes: number): void;
  /** The attempt in `slot` is about to be sent to target `t` (state before it is counted). */
  sending(s: S, slot: number, t: number): void;
  /** Target `t` starts serving `slot` for `serviceMs` (everything included). */
  serving(s: S, slot: number, t: number, serviceMs: number): void;
  /** An attempt failed with `outcome`; `retry` says whether the group tries another target. */
  attemptFailed(s: S, slot: number, outcome: number, retry: boolean): void;
  /** The request finished with `outcome` (OUTCOME_OK or a failure code). */
  finished(s: S, slot: number, outcome: number): void;
}
