import { describe, expect, it } from 'vitest';
import { addStepTime, emptyProgress, exportProgress, markDone, notePrediction, noteHint, setLearner } from '../../../../src/content/progress.ts';
import { lessonStatus, progressCsv, progressRow } from '../../../../src/ui/teach/progress-table.ts';

const lessons = [{ slug: 'one', steps: [1, 2] }, { slug: 'two', steps: [1] }];

function file(name: string): string {
  let p = setLearner(emptyProgress(), name);
  p = addStepTime(p, 'one', 1, 90);
  p = addStepTime(p, 'one', 2, 30);
  p = notePrediction(p, 'one', 1, { chosen: 1, observed: 1, right: true });
  p = noteHint(p, 'one', 2, 3);
  p = markDone(p, 'one', false, '2026-03-01T10:00:00.000Z');
  return exportProgress(p, '2026-03-01T11:00:00.000Z');
}

describe("a class's progress table", () => {
  it('reads a file into a row with the code checked', () => {
    const result = progressRow('ada.json', file('Ada'));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.row).toMatchObject({ file: 'ada.json', learner: 'Ada', codeMatches: true, exportedAt: '2026-03-01T11:00:00.000Z' });
    expect(result.row.lessons.one).toMatchObject({ done: true, seconds: 120, predictionsRight: 1, predictionsMade: 1, hintSteps: 1, hintMax: 3, solveUsed: false });
    expect(lessonStatus(result.row.lessons.one)).toBe('done');
    expect(lessonStatus(result.row.lessons.two)).toBe('not started');
  });

  it('says why a file cannot be read', () => {
    expect(progressRow('notes.txt', 'hello')).toEqual({ ok: false, file: 'notes.txt', message: 'This file is not a progress file (it is not JSON).' });
  });

  it('flags a file edited after export', () => {
    const edited = JSON.parse(file('Ada'));
    edited.learner = 'Bob';
    const result = progressRow('bob.json', JSON.stringify(edited));
    expect(result.ok && result.row.codeMatches).toBe(false);
  });

  it('writes one CSV row per learner, with each step’s seconds', () => {
    const rows = ['Ada', '=cmd|x'].map((n, i) => progressRow(`${i}.json`, file(n))).flatMap((r) => (r.ok ? [r.row] : []));
    const csv = progressCsv(rows, lessons).split('\r\n');
    expect(csv[0]).toBe(
      'learner,file,code,exported at,one: status,one: minutes,one: predictions right,one: predictions made,one: hint steps,one: highest hint,one: solve used,one: completed at,one: step 1 seconds,one: step 2 seconds,two: status,two: minutes,two: predictions right,two: predictions made,two: hint steps,two: highest hint,two: solve used,two: completed at,two: step 1 seconds',
    );
    expect(csv[1]).toBe('Ada,0.json,matches,2026-03-01T11:00:00.000Z,done,2,1,1,1,3,no,2026-03-01T10:00:00.000Z,90,30,not started,,,,,,,,');
    expect(csv[2].startsWith("'=cmd|x,1.json,matches")).toBe(true);
    expect(csv).toHaveLength(4); // and a final line end
  });
});
