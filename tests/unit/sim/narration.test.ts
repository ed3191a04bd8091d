import { describe, expect, it } from 'vitest';
import { narrationOf } from '../../../src/sim/narration.ts';

const event = (kind: string, message: string) => ({ seq: 1, timeMs: 30_000, kind, subject: 'b', message });

describe('narration', () => {
  it('says failures, recoveries and rejections with their time', () => {
    expect(narrationOf(event('crash', 'b crashed: its in-flight requests failed'))).toBe('At 30.0 s, b crashed: its in-flight requests failed.');
    expect(narrationOf(event('rejecting', 'b is rejecting requests with 503.'))).toBe('At 30.0 s, b is rejecting requests with 503.');
    expect(narrationOf(event('some-new-kind', 'something new'))).toBe('At 30.0 s, something new.');
  });

  it('keeps quiet about the learner’s own changes and routine entries', () => {
    expect(narrationOf(event('config', 'weight of a set to 3'))).toBeNull();
    expect(narrationOf(event('start', 'simulation started'))).toBeNull();
  });
});
