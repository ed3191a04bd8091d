import { describe, expect, it } from 'vitest';
import { revealLookup } from '../../../../src/ui/lesson/reveal-values.ts';
import type { HealthReport, MetricsReport } from '../../../../src/engine/types.ts';

const health = { windows: [{ target: 'web-1', cause: 'crashed', failedAtMs: 20_000, endedAtMs: 60_001, detectedBy: 'active health check', detectMs: 40_001, failedRequests: 383 }] } as unknown as HealthReport;
const metrics = { requests: { failed: 1069 } } as unknown as MetricsReport;

describe('the learner’s own numbers for a reveal', () => {
  it('reads blind windows, failures and event times from the run', () => {
    const look = revealLookup({ metrics, health, events: [{ seq: 1, timeMs: 105_000, kind: 'dns-unhealthy', subject: 'record-1', message: '' }] });
    expect(look('window.web-1.detectSec')).toBe('40');
    expect(look('window.web-1.failed')).toBe('383');
    expect(look('failed')).toBe('1,069');
    expect(look('event.dns-unhealthy.record-1')).toBe('105');
  });

  it('has nothing to say about what the run has not produced', () => {
    const look = revealLookup({ metrics: null, health: null, events: [] });
    expect(look('failed')).toBeNull();
    expect(look('window.web-2.detectSec')).toBeNull();
    expect(look('event.crash.web-1')).toBeNull();
  });
});
