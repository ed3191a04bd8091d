import { describe, expect, it } from 'vitest';
import { beats, readScoreCode, scoreCode, scoreOf, type Score } from '../../../src/content/score.ts';
import { canonicalJson, fnv1a32 } from '../../../src/content/completion-code.ts';
import { emptyProgress, exportProgress, importProgress, noteScore, parseProgress } from '../../../src/content/progress.ts';
import type { MetricsReport } from '../../../src/engine/types.ts';

const s = (goodPerSec: number, availability: number, cost: number | null): Score => ({ goodPerSec, availability, costPerMillionGoodUsd: cost });

describe('a challenge score', () => {
  it('reads goodput, availability and cost per million good from the report, rounded as the code keeps them', () => {
    const m = { slo: { latencyMs: 300, good: 998_441, goodPerSec: 998_441.4, goodShare: 0.998 }, errorRate: 0.000_12, cost: { perMillionGoodUsd: 0.178_212_4 } } as unknown as MetricsReport;
    expect(scoreOf(m)).toEqual({ goodPerSec: 998_441, availability: 0.9999, costPerMillionGoodUsd: 0.178_212 });
  });

  it('is better when cheaper per million good requests; at equal cost, with more goodput, then more availability', () => {
    expect(beats(s(900_000, 0.99, 0.17), s(999_000, 1, 0.18))).toBe(true);
    expect(beats(s(999_000, 1, 0.18), s(900_000, 0.99, 0.17))).toBe(false);
    expect(beats(s(999_000, 0.99, 0.18), s(998_000, 1, 0.18))).toBe(true);
    expect(beats(s(999_000, 1, 0.18), s(999_000, 0.99, 0.18))).toBe(true);
    expect(beats(s(999_000, 1, 0.18), s(999_000, 1, 0.18))).toBe(false);
    expect(beats(s(1, 0.5, null), undefined)).toBe(true);
    expect(beats(s(1, 0.5, 5), s(1_000_000, 1, null))).toBe(true);
  });
});

describe('the completion code of a score', () => {
  const best = s(998_441, 1, 0.178_212);

  it('spells the fields and a checksum over them and the name (FNV-1a of their sorted JSON)', () => {
    const check = fnv1a32(new TextEncoder().encode(canonicalJson({ lesson: 22, learner: 'Ada', good: 998_441, availBp: 10_000, costMicro: 178_212 })));
    expect(scoreCode(22, 'Ada', best)).toBe(`L22-998441-10000-178212-${check.toString(16).toUpperCase().padStart(8, '0')}`);
  });

  it('reads back to the same numbers, and matches only for the same name', () => {
    const code = scoreCode(22, 'Ada', best);
    expect(readScoreCode(code, 'Ada')).toEqual({ ok: true, lesson: 22, score: best, matches: true });
    expect(readScoreCode(` ${code.toLowerCase()} `, ' Ada ')).toMatchObject({ ok: true, matches: true });
    expect(readScoreCode(code, 'Bob')).toMatchObject({ ok: true, matches: false });
  });

  it('does not match once a number is edited', () => {
    const code = scoreCode(22, 'Ada', best);
    expect(readScoreCode(code.replace('-178212-', '-078212-'), 'Ada')).toMatchObject({ ok: true, matches: false });
    expect(readScoreCode(code.replace('L22-998441', 'L22-999441'), 'Ada')).toMatchObject({ ok: true, matches: false });
  });

  it('refuses text that is not a code, and availability above 100 %', () => {
    expect(readScoreCode('BL-7F3A-91C2', '')).toMatchObject({ ok: false });
    expect(readScoreCode('L22-1-10001-1-00000000', '')).toEqual({ ok: false, message: 'This code is damaged: availability above 100 %.' });
  });
});

describe('the best score in progress', () => {
  it('keeps the better score and when it was reached', () => {
    let p = noteScore(emptyProgress(), 'black-friday-1m', s(990_000, 0.999, 0.2), '2026-12-02T10:00:00.000Z');
    p = noteScore(p, 'black-friday-1m', s(999_000, 1, 0.25), '2026-12-02T11:00:00.000Z');
    expect(p.lessons['black-friday-1m'].best).toEqual({ goodPerSec: 990_000, availability: 0.999, costPerMillionGoodUsd: 0.2, at: '2026-12-02T10:00:00.000Z' });
    p = noteScore(p, 'black-friday-1m', s(999_000, 1, 0.18), '2026-12-02T12:00:00.000Z');
    expect(p.lessons['black-friday-1m'].best?.costPerMillionGoodUsd).toBe(0.18);
  });

  it('survives storage and an export file, inside the file’s own completion code', () => {
    const p = noteScore(emptyProgress(), 'black-friday-1m', s(999_000, 1, 0.18), '2026-12-02T12:00:00.000Z');
    expect(parseProgress(JSON.parse(JSON.stringify(p)))).toEqual({ progress: p, notice: null });
    const back = importProgress(exportProgress(p, '2026-12-02T13:00:00.000Z'));
    expect(back).toMatchObject({ ok: true, codeMatches: true, progress: p });
  });
});
