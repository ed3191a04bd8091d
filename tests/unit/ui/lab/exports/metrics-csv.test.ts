import { describe, expect, it } from 'vitest';
import { metricsCsv } from '../../../../../src/ui/lab/exports/metrics-csv.ts';
import { exportName, slugOf } from '../../../../../src/ui/lab/exports/export-name.ts';
import { seriesOf } from '../../../viz/series-fixture.ts';

const target = (id: string) => ({ id, group: 'web', address: '10.0.0.1', registered: true, zone: null, instanceType: 't3.micro' });

describe('the metrics CSV', () => {
  it('has one row per simulated second, with each target’s requests and utilisation', () => {
    const series = seriesOf({ startSec: 4, arrived: [10, 12], ok: [9, 0], failed: [1, 0], p50: [20, 0], targetRequests: [[6, 7], [4, 5]], targetUtilization: [[0.5, 0.25], [0.125, 1 / 3]] });
    expect(metricsCsv(series, [target('a'), target('b'), target('not-in-series')]).split('\r\n')).toEqual([
      'second,arrived,ok,failed,error rate,p50 ms,p95 ms,p99 ms,a requests,a utilisation,b requests,b utilisation',
      '4,10,9,1,0.1,20,40,60,6,0.5,4,0.125',
      '5,12,0,0,,,,,7,0.25,5,0.333333', // a second with no finished request has no latency or error rate
      '',
    ]);
  });
});

describe('export file names', () => {
  it('are named after the scenario and the moment', () => {
    expect(exportName('Three equal servers behind round robin', 42_300, 'metrics', 'csv')).toBe('three-equal-servers-behind-round-robin-at-42s-metrics.csv');
    expect(exportName('Black Friday', 1_500, 'diagram', 'png')).toBe('black-friday-at-1_5s-diagram.png');
    expect(exportName('Ça va? Ünïcode / slashes', 0, 'chart-rate', 'svg')).toBe('ca-va-unicode-slashes-at-0s-chart-rate.svg');
  });

  it('never give an empty or overlong stem', () => {
    expect(slugOf('!!!')).toBe('scenario');
    expect(slugOf('x'.repeat(200))).toHaveLength(60);
  });
});
