import { describe, expect, it } from 'vitest';
import { MetricSeries } from '../../../../../src/engine/scaling/metrics-pipeline.ts';
import { PredictivePolicy, forecastLoad } from '../../../../../src/engine/scaling/policies/predictive.ts';
import { DAY, HOUR, MIN, context, feed } from '../support.ts';

/** Requests per second: 100, with a daily evening peak of 1000 from 18:00 to 20:00. */
const dailyPeak = (t: number) => {
  const hour = (t % DAY) / HOUR;
  return hour >= 18 && hour < 20 ? 1000 : 100;
};

function history(days: number, load: (t: number) => number = dailyPeak): MetricSeries {
  const s = new MetricSeries();
  feed(s, 0, days * DAY, load, MIN);
  return s;
}

const policy = (extra: Partial<ConstructorParameters<typeof PredictivePolicy>[0]> = {}) =>
  new PredictivePolicy({ metric: 'RequestRate', targetPerInstance: 100, mode: 'ForecastAndScale', ...extra });

describe('predictive scaling', () => {
  it('forecasts an hour as the mean of the same hour on the previous days (up to 14)', () => {
    const s = history(3, (t) => (t < DAY ? 100 : t < 2 * DAY ? 200 : 600));
    expect(forecastLoad(s, 3 * DAY + 5 * HOUR)).toBe(300);
    expect(forecastLoad(s, 3 * DAY + 5 * HOUR, 'Average', 1)).toBe(600);
    expect(forecastLoad(s, 0)).toBeNull();
    const long = history(20, (t) => Math.floor(t / DAY));
    expect(forecastLoad(long, 20 * DAY)).toBe((6 + 19) / 2);
  });

  it('launches ahead of a repeated daily peak by the scheduling buffer (300 s)', () => {
    const s = history(2);
    const p = policy();
    expect(p.nextEvaluationMs(DAY + 17 * HOUR + 50 * MIN)).toBe(DAY + 17 * HOUR + 55 * MIN);
    const g = { current: 1, desired: 1, min: 1, max: 20 };
    expect(p.evaluate(context(DAY + 16 * HOUR + 55 * MIN, g, { RequestRate: s }))).toBeNull();
    const d = p.evaluate(context(DAY + 17 * HOUR + 55 * MIN, g, { RequestRate: s }));
    expect(d).toEqual({ desired: 10, reason: 'predictive RequestRate: forecast 1000 for 18:00 on day 2 → 10 instances → desired 10' });
    expect(p.lastForecast).toEqual({ hourStartMs: DAY + 18 * HOUR, load: 1000, capacity: 10 });
  });

  it('acts once per hour, and never scales in', () => {
    const s = history(2);
    const p = policy();
    const g = { current: 10, desired: 10, min: 1, max: 20 };
    expect(p.evaluate(context(DAY + 17 * HOUR + 55 * MIN, { ...g, desired: 1, current: 1 }, { RequestRate: s }))?.desired).toBe(10);
    expect(p.evaluate(context(DAY + 17 * HOUR + 56 * MIN, { ...g, desired: 1, current: 1 }, { RequestRate: s }))).toBeNull();
    expect(p.evaluate(context(DAY + 18 * HOUR + 55 * MIN, g, { RequestRate: s }))).toBeNull();
    expect(p.evaluate(context(DAY + 19 * HOUR + 55 * MIN, g, { RequestRate: s }))).toBeNull();
    expect(p.lastForecast?.capacity).toBe(1);
  });

  it('holds its forecast for the hour, from the pre-launch to the next one, so a dynamic scale-in stops there', () => {
    const s = history(2);
    const p = policy();
    expect(p.holds(DAY + 17 * HOUR + 55 * MIN)).toBe(0); // nothing forecast yet
    p.evaluate(context(DAY + 17 * HOUR + 55 * MIN, { current: 1, desired: 1, min: 1, max: 20 }, { RequestRate: s }));
    expect(p.holds(DAY + 17 * HOUR + 55 * MIN)).toBe(10);
    expect(p.holds(DAY + 18 * HOUR + 54 * MIN)).toBe(10);
    expect(p.holds(DAY + 18 * HOUR + 55 * MIN)).toBe(0); // the 19:00 forecast takes over at 18:55
    const only = policy({ mode: 'ForecastOnly' });
    only.evaluate(context(DAY + 17 * HOUR + 55 * MIN, { current: 1, desired: 1, min: 1, max: 20 }, { RequestRate: s }));
    expect(only.holds(DAY + 18 * HOUR)).toBe(0);
  });

  it('needs at least 24 hours of history', () => {
    const s = history(1);
    const p = policy();
    expect(p.evaluate(context(17 * HOUR + 55 * MIN, {}, { RequestRate: s }))).toBeNull();
    const young = new MetricSeries();
    feed(young, 18 * HOUR, DAY + 17 * HOUR, dailyPeak, MIN);
    expect(forecastLoad(young, DAY + 18 * HOUR)).toBe(1000);
    expect(policy().evaluate(context(DAY + 17 * HOUR + 55 * MIN, {}, { RequestRate: young }))).toBeNull();
  });

  it('ForecastOnly (the AWS default) forecasts but never scales', () => {
    const s = history(2);
    const p = policy({ mode: undefined });
    expect(p.evaluate(context(DAY + 17 * HOUR + 55 * MIN, { desired: 1 }, { RequestRate: s }))).toBeNull();
    expect(p.lastForecast?.capacity).toBe(10);
    expect(p.forecastCapacity(s, DAY + 18 * HOUR)).toBe(10);
  });

  it('honours max by default; IncreaseMaxCapacity raises it to forecast × (1 + buffer)', () => {
    const s = history(2, (t) => ((t % DAY) / HOUR >= 18 ? 5000 : 100));
    const at = DAY + 17 * HOUR + 55 * MIN;
    expect(policy().evaluate(context(at, { desired: 1, max: 20 }, { RequestRate: s }))?.desired).toBe(20);
    const d = policy({ maxCapacityBreachBehavior: 'IncreaseMaxCapacity' }).evaluate(context(at, { desired: 1, max: 20 }, { RequestRate: s }));
    expect(d).toMatchObject({ desired: 50, max: 55 });
    const exact = policy({ maxCapacityBreachBehavior: 'IncreaseMaxCapacity', maxCapacityBufferPercent: 0 });
    expect(exact.evaluate(context(at, { desired: 1, max: 20 }, { RequestRate: s }))).toMatchObject({ desired: 50, max: 50 });
  });

  it('a custom buffer moves the launch time', () => {
    const p = policy({ schedulingBufferSec: 900 });
    expect(p.nextEvaluationMs(DAY + 17 * HOUR)).toBe(DAY + 17 * HOUR + 45 * MIN);
    const s = history(2);
    expect(p.evaluate(context(DAY + 17 * HOUR + 45 * MIN, { desired: 1 }, { RequestRate: s }))?.desired).toBe(10);
  });
});
