/** The internals panel's data (explain/internals.ts builds it); plain data, importing nothing. */
export interface MemberInternals {
  id: string;
  active: number;
  weight: number;
  inRotation: boolean;
  /** Smooth WRR (nginx): current and effective weight. */
  current?: number;
  effective?: number;
  /** Latency estimate, ms (peak-EWMA cost, least_time rt). */
  costMs?: number;
  /** Ring points (ketama) or table slots (Maglev) owned. */
  share?: number;
}

/** Consistent hashing: which of the group's recent keys move if one target leaves (explain/key-moves.ts). */
export interface KeyMoves {
  leaving: string;
  /** Distinct recent keys looked at. */
  keys: number;
  /** Of them, on the leaving target now. */
  onLeaving: number;
  /** Of them, with another owner once it has left (those on it, and any others the rebuild moves). */
  moved: number;
  /** Moved keys that were not on the leaving target (0 for a ketama ring; a few for Maglev). */
  movedFromOthers: number;
  /** Where the moved keys go, by target. */
  movedTo: Record<string, number>;
  /** A few moved keys by name. */
  examples: { key: string; from: string; to: string }[];
  /** How many would move under `hash mod n` instead. */
  moduloMoved: number;
  /**
   * The ketama ring to draw: arcs of hash space (shares of 2^32, clockwise from 0) by the target that owns them,
   * and each recent key where it hashes, its target now and once the leaving target has gone. Absent for Maglev.
   */
  ring?: { arcs: { from: number; to: number; owner: string }[]; keys: { at: number; owner: string; to: string }[] };
}

export interface GroupInternals {
  group: string;
  algorithm: string;
  members: MemberInternals[];
  /** Rotation: the member the next scan starts at. */
  next?: string;
  /** HAProxy: its trees in order (first = next candidate), each entry a target with the key it is sorted by. */
  trees?: { name: string; keyName: string; order: { id: string; key: number }[] }[];
  /** HAProxy FWRR: the window's position and total weight. */
  window?: { position: number; weight: number };
  /** Hash algorithms: the last key picked by, its hash, and where it landed (ring point or table slot, of how many). */
  lastKey?: { key: string; hash: number; position: number; of: number; owner: string };
  /** Consistent hashing, when asked for a leaving target: the keys that would move. */
  keyMoves?: KeyMoves;
}
