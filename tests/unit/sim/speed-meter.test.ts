import { describe, expect, it } from 'vitest';
import { METER_WINDOW_MS, SpeedMeter, reachedToShow } from '../../../src/sim/speed-meter.ts';

describe('SpeedMeter', () => {
  it('has no rate until a whole window is sampled, then simulated ms per wall ms over the window', () => {
    const meter = new SpeedMeter();
    // a run at 0.6×: the time on screen moves 120 ms every 200 ms of wall time
    for (let wall = 0; wall < METER_WINDOW_MS; wall += 200) {
      meter.sample(wall * 0.6, wall);
      expect(meter.rate()).toBeNull();
    }
    meter.sample(METER_WINDOW_MS * 0.6, METER_WINDOW_MS);
    expect(meter.rate()).toBeCloseTo(0.6, 10);
  });

  it('measures the last window only: a run that slows down shows its new rate', () => {
    const meter = new SpeedMeter();
    let sim = 0;
    for (let wall = 0; wall <= 4000; wall += 250) {
      meter.sample(sim, wall);
      sim += wall < 2000 ? 250 : 100; // 1× for two seconds, then 0.4×
    }
    // the last 2 s (2000 → 4000 wall) moved 8 × 100 ms of simulated time
    expect(meter.rate()).toBeCloseTo(0.4, 10);
  });

  it('starts afresh when the time goes back (a rewind) or after reset', () => {
    const meter = new SpeedMeter();
    for (let wall = 0; wall <= 2000; wall += 500) meter.sample(wall, wall);
    expect(meter.rate()).toBe(1);
    meter.sample(0, 2500);
    expect(meter.rate()).toBeNull();
    meter.reset();
    expect(meter.rate()).toBeNull();
  });
});

describe('reachedToShow', () => {
  it('shows the rate at max speed, and otherwise only below nine tenths of the speed asked', () => {
    expect(reachedToShow(37, 'max')).toBe(37);
    expect(reachedToShow(0.95, 1)).toBeNull();
    expect(reachedToShow(0.89, 1)).toBe(0.89);
    expect(reachedToShow(null, 1)).toBeNull();
  });
});
