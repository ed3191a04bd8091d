import { describe, expect, it } from 'vitest';
import { FramePacer, MAX_OWED_WALL_MS } from '../../../src/sim/frame-pacer.ts';
import type { Speed } from '../../../src/sim/speed.ts';

/** One question asked and answered `shortMs` short (0: in full); returns the simulated ms it asked for. */
function askAndAnswer(p: FramePacer, reachedMs: number, speed: Speed, short: (dtMs: number) => number): number {
  const leg = p.next(reachedMs, 600_000, speed);
  if (leg === null) throw new Error('nothing asked');
  const shortMs = short(leg.dtMs);
  p.answered(shortMs, speed, shortMs > 0);
  p.settled(leg);
  return leg.dtMs;
}

describe('the frame pacer: what a playing run asks the worker for', () => {
  it('turns a frame’s wall time into simulated time at the speed, a stalled frame counting for at most 250 ms', () => {
    const p = new FramePacer();
    p.frame(16);
    expect(askAndAnswer(p, 0, 10, () => 0)).toBe(160);
    p.frame(10_000); // a hidden tab, a stall
    expect(askAndAnswer(p, 160, 10, () => 0)).toBe(2_500);
  });

  it('keeps what the worker fell short by owed, up to MAX_OWED_WALL_MS, so a run behind for a moment catches up with the wall clock', () => {
    const p = new FramePacer();
    // ten frames of 100 ms at 1×, each answered with nothing done (V8 still compiling, say): 1,000 ms owed
    let asked = 0;
    for (let i = 0; i < 10; i++) {
      p.frame(100);
      asked = askAndAnswer(p, 0, 1, (dt) => dt);
    }
    expect(asked).toBe(MAX_OWED_WALL_MS);
    // five more such frames: still at most MAX_OWED_WALL_MS (a run that cannot keep up drops the rest)
    for (let i = 0; i < 5; i++) {
      p.frame(100);
      asked = askAndAnswer(p, 0, 1, (dt) => dt);
    }
    expect(asked).toBe(MAX_OWED_WALL_MS);
    // the worker keeps up again: the 1,000 owed (a frame's 16 ms on top stay within the bound), all of it done
    p.frame(16);
    expect(askAndAnswer(p, 0, 1, () => 0)).toBe(MAX_OWED_WALL_MS);
    p.frame(16);
    expect(askAndAnswer(p, 1_000, 1, () => 0)).toBe(16);
  });

  it('forgives the debt when playing stops, so playing on starts level with the wall clock, not with a jump', () => {
    const p = new FramePacer();
    p.frame(100);
    askAndAnswer(p, 0, 1, (dt) => dt); // 100 ms asked, none done
    p.forgive();
    p.frame(16);
    expect(askAndAnswer(p, 0, 1, () => 0)).toBe(16);
  });

  it('owes nothing at As fast as possible: each question asks for the rest of the run', () => {
    const p = new FramePacer();
    p.frame(16);
    expect(askAndAnswer(p, 1_000, 'max', (dt) => dt - 5)).toBe(599_000);
  });
});
