/** What the playback machine drives: one run (the sandbox) or a pair kept level (compare mode). */
import type { Speed } from './speed.ts';

export interface PlaybackTarget {
  /** One animation frame: pull `wallMs × speed` more simulated time (back-pressured); true when the worker fell behind. */
  tick(wallMs: number, speed: Speed): Promise<boolean>;
  /** Playing stopped: forgets the time owed, and fetches what playing fetches only now and then (the per-second series). */
  settle(): Promise<void>;
  /** To the next event. */
  step(): Promise<void>;
  /** On by `ms` of simulated time (not past the end), as if played. */
  forward(ms: number): Promise<void>;
  /** To simulated time `timeMs`, back or forward. */
  seek(timeMs: number): Promise<void>;
  /** Again from the scenario at time 0 (with another seed if given), with the live changes applied from the start unless `keep` is false. */
  reset(seed?: number, keep?: boolean): Promise<unknown>;
  /** After a crash: the scenario again, in a fresh worker. */
  reopen(): Promise<unknown>;
  /** The simulated time on screen. */
  readonly timeMs: number;
  /** The simulated time of the newest answer (the screen follows it every fifth of a second while playing). */
  readonly reachedMs: number;
  readonly ended: boolean;
  /** The newest tick arrived at the run's stop (a lesson step's moment, sim-session.svelte.ts): playing pauses there. */
  readonly stopped: boolean;
}
