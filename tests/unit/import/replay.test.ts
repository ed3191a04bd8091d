// The bounds of a replay: at most 100,000 requests, a clear refusal beyond, and a capped list of skipped lines.
import { describe, expect, it } from 'vitest';
import { importLine, importAccessLog, MAX_REPLAY_REQUESTS } from '../../../src/import/index.ts';

const line = (i: number) => `10.0.${(i >> 8) & 255}.${i & 255} - - [02/Dec/2026:10:00:00 +0000] "GET /item/${i} HTTP/1.1" 200 1 "-" "-"`;

describe('replay bounds', () => {
  it('accepts exactly 100,000 requests and refuses one more, saying the limit and how to cut the log', () => {
    const lines = Array.from({ length: MAX_REPLAY_REQUESTS + 1 }, (_, i) => line(i));
    const last = lines.pop()!;
    const text = lines.join('\n');
    const r = importAccessLog(text);
    expect(r.ok && r.replay.requests.length).toBe(100_000);
    const refused = importAccessLog(`${text}\n${last}`);
    expect(refused.ok ? [] : refused.errors.map(importLine)).toEqual(['line 100001: the log has more than 100,000 requests; a replay holds at most 100,000 (cut the log, for example with head -n 100000)']);
  });

  it('keeps the first 100 skipped-line messages and counts them all', () => {
    const r = importAccessLog([line(0), ...Array.from({ length: 250 }, () => 'junk')].join('\n'), 'nginx');
    if (!r.ok) throw new Error('not ok');
    expect(r.skippedCount).toBe(250);
    expect(r.skipped).toHaveLength(100);
    expect(importLine(r.skipped[99])).toMatch(/^line 101: /);
  });

  it('cuts header values to the scenario format\'s 256 characters and refuses paths longer than 256', () => {
    const ua = 'x'.repeat(300);
    const r = importAccessLog([`10.0.0.1 - - [02/Dec/2026:10:00:00 +0000] "GET / HTTP/1.1" 200 1 "-" "${ua}"`, `10.0.0.1 - - [02/Dec/2026:10:00:00 +0000] "GET /${'p'.repeat(300)} HTTP/1.1" 200 1 "-" "-"`].join('\n'));
    if (!r.ok) throw new Error('not ok');
    expect(r.replay.requests[0].headers!['user-agent']).toHaveLength(256);
    expect(r.skipped.map(importLine)).toEqual(['line 2: the path is longer than 256 characters']);
  });
});
