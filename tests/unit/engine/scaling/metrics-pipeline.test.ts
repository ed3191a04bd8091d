import { describe, expect, it } from 'vitest';
import { Alarm, MetricSeries, breaches } from '../../../../src/engine/scaling/metrics-pipeline.ts';
import { MIN, feed, feedMinutes } from './support.ts';

describe('MetricSeries', () => {
  it('a one-minute datapoint has the five CloudWatch statistics of its samples', () => {
    const s = new MetricSeries();
    for (const [t, v] of [[0, 10], [20_000, 30], [59_999, 20], [60_000, 99]]) s.add(t, v);
    expect(s.datapoint(0, 60, 'Average')).toBe(20);
    expect(s.datapoint(0, 60, 'Sum')).toBe(60);
    expect(s.datapoint(0, 60, 'Minimum')).toBe(10);
    expect(s.datapoint(0, 60, 'Maximum')).toBe(30);
    expect(s.datapoint(0, 60, 'SampleCount')).toBe(3);
    expect(s.datapoint(120_000, 60, 'Average')).toBeNull();
  });

  it('a five-minute datapoint averages all its samples, not the minute averages', () => {
    const s = new MetricSeries();
    feed(s, 0, 60_000, 100, 1000);
    feed(s, 60_000, 300_000, 0, 60_000);
    expect(s.datapoint(0, 300, 'SampleCount')).toBe(64);
    expect(s.datapoint(0, 300, 'Average')).toBe(6000 / 64);
    expect(s.datapoint(0, 300, 'Maximum')).toBe(100);
  });

  it('a datapoint is available at its period end, plus the publication delay', () => {
    const s = new MetricSeries();
    expect(s.latestPeriodEndMs(119_999, 60)).toBe(60_000);
    expect(s.latestPeriodEndMs(120_000, 60)).toBe(120_000);
    expect(s.latestPeriodEndMs(599_999, 300)).toBe(300_000);
    const late = new MetricSeries({ publicationDelaySec: 90 });
    expect(late.latestPeriodEndMs(149_999, 60)).toBe(0);
    expect(late.latestPeriodEndMs(150_000, 60)).toBe(60_000);
  });

  it('datapoints() returns the last M available periods, oldest first, null where empty', () => {
    const s = new MetricSeries();
    feedMinutes(s, [1, 2, 3]);
    s.add(4 * MIN + 1, 5);
    expect(s.datapoints(4 * MIN + 30_000, 60, 'Average', 5)).toEqual([null, 1, 2, 3, null]);
  });

  it('keeps samples only for the retention period and remembers the first sample', () => {
    const s = new MetricSeries({ retentionSec: 600 });
    feedMinutes(s, Array.from({ length: 20 }, (_, k) => k));
    expect(s.datapoint(0, 60, 'Average')).toBeNull();
    expect(s.datapoint(10 * MIN, 60, 'Average')).toBe(10);
    expect(s.firstSampleMs).toBe(30_000);
  });
});

describe('Alarm', () => {
  it('compares with >, >=, < and <=', () => {
    expect([breaches(50, '>', 50), breaches(50, '>=', 50), breaches(50, '<', 50), breaches(50, '<=', 50)]).toEqual([false, true, false, true]);
  });

  it('starts in INSUFFICIENT_DATA and stays there without datapoints', () => {
    const a = new Alarm({ threshold: 70, comparison: '>' });
    expect(a.state).toBe('INSUFFICIENT_DATA');
    expect(a.evaluate(5 * MIN, new MetricSeries())).toEqual([]);
    expect(a.state).toBe('INSUFFICIENT_DATA');
  });

  it('needs N of M breaching datapoints: 2 of 3 alarms on breach, ok, breach — not on breach, ok, ok', () => {
    const s = new MetricSeries();
    feedMinutes(s, [90, 10, 90]);
    const a = new Alarm({ threshold: 70, comparison: '>', evaluationPeriods: 3, datapointsToAlarm: 2 });
    const transitions = a.evaluate(3 * MIN, s);
    expect(transitions.map((t) => [t.atMs, t.to])).toEqual([
      [MIN, 'OK'],
      [3 * MIN, 'ALARM'],
    ]);
    expect(transitions[1].datapoints).toEqual([90, 10, 90]);

    const s2 = new MetricSeries();
    feedMinutes(s2, [90, 10, 10]);
    const b = new Alarm({ threshold: 70, comparison: '>', evaluationPeriods: 3, datapointsToAlarm: 2 });
    b.evaluate(3 * MIN, s2);
    expect(b.state).toBe('OK');
  });

  it('3 of 3 reacts only at the third breaching minute', () => {
    const s = new MetricSeries();
    feedMinutes(s, [80, 80, 80]);
    const a = new Alarm({ threshold: 50, comparison: '>', evaluationPeriods: 3 });
    a.evaluate(2 * MIN, s);
    expect(a.state).toBe('OK');
    a.evaluate(3 * MIN - 1, s);
    expect(a.state).toBe('OK');
    expect(a.evaluate(3 * MIN, s)).toHaveLength(1);
    expect(a.state).toBe('ALARM');
    expect(a.lastValue).toBe(80);
    expect(a.nextEvaluationMs(3 * MIN)).toBe(4 * MIN);
  });

  it('evaluates five-minute periods at five-minute boundaries', () => {
    const s = new MetricSeries();
    feed(s, 0, 10 * MIN, (t) => (t < 5 * MIN ? 10 : 90));
    const a = new Alarm({ threshold: 50, comparison: '>', periodSec: 300 });
    expect(a.evaluate(9 * MIN, s).map((t) => t.to)).toEqual(['OK']);
    expect(a.evaluate(10 * MIN, s).map((t) => [t.atMs, t.to])).toEqual([[10 * MIN, 'ALARM']]);
    expect(a.nextEvaluationMs(10 * MIN)).toBe(15 * MIN);
  });

  it('with a publication delay, the same breach is judged later', () => {
    const s = new MetricSeries({ publicationDelaySec: 120 });
    feedMinutes(s, [90]);
    const a = new Alarm({ threshold: 70, comparison: '>' });
    expect(a.evaluate(MIN, s)).toEqual([]);
    expect(a.evaluate(3 * MIN, s).map((t) => [t.atMs, t.to])).toEqual([[3 * MIN, 'ALARM']]);
    expect(a.nextEvaluationMs(3 * MIN)).toBe(4 * MIN);
  });

  it('treats missing data as configured', () => {
    const run = (treatMissingData: 'missing' | 'notBreaching' | 'breaching' | 'ignore') => {
      const s = new MetricSeries();
      feedMinutes(s, [90]);
      const a = new Alarm({ threshold: 70, comparison: '>', treatMissingData });
      a.evaluate(MIN, s);
      a.evaluate(3 * MIN, s);
      return a.state;
    };
    expect(run('missing')).toBe('INSUFFICIENT_DATA');
    expect(run('notBreaching')).toBe('OK');
    expect(run('breaching')).toBe('ALARM');
    expect(run('ignore')).toBe('ALARM');
  });
});
