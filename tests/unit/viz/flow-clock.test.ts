import { describe, expect, it } from 'vitest';
import { FlowClock, LEG_WALL_MS } from '../../../src/viz/flow-clock.ts';

describe('the dots clock', () => {
  it('measures the playback rate from the snapshots (simulated ms per wall ms)', () => {
    const c = new FlowClock();
    c.observe(0, 0);
    for (let f = 1; f <= 6; f++) c.observe(f * 160, f * 16); // 10× speed
    expect(c.rate).toBe(10);
    expect(c.legMs).toBe(LEG_WALL_MS * 10);
  });

  it('ignores one odd frame (the median of the last five)', () => {
    const c = new FlowClock();
    c.observe(0, 0);
    for (let f = 1; f <= 4; f++) c.observe(f * 16, f * 16);
    c.observe(64 + 50_000, 80); // a jump forward
    expect(c.rate).toBe(1);
  });

  it('runs a hop and a frame behind the newest snapshot, interpolates, and stops a frame later when snapshots stop', () => {
    const c = new FlowClock();
    c.observe(0, 0);
    for (let f = 1; f <= 5; f++) c.observe(f * 16, f * 16);
    const lag = LEG_WALL_MS + 16;
    expect(c.viewTime(80)).toBeCloseTo(80 - lag);
    expect(c.viewTime(88)).toBeCloseTo(88 - lag);
    expect(c.viewTime(96)).toBeCloseTo(96 - lag);
    expect(c.viewTime(500)).toBeCloseTo(96 - lag); // paused: frozen
  });

  it('never goes backwards, except on a rewind', () => {
    const c = new FlowClock();
    c.observe(0, 0);
    for (let f = 1; f <= 5; f++) c.observe(f * 16, f * 16);
    const t = c.viewTime(96);
    expect(c.viewTime(90)).toBe(t); // the wall clock may stutter; the view does not step back
    expect(c.observe(40, 100)).toBe('rewind');
    expect(c.viewTime(100)).toBeLessThan(t);
  });

  it('says what a snapshot did to time', () => {
    const c = new FlowClock();
    expect(c.observe(500, 0)).toBe('start');
    expect(c.observe(516, 16)).toBe('advance');
    expect(c.observe(516, 32)).toBe('same');
    expect(c.observe(100, 48)).toBe('rewind');
  });
});
