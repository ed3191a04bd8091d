import { describe, expect, it } from 'vitest';
import { createActor, fromPromise, waitFor } from 'xstate';
import type { GoalResult } from '../../../src/engine/goals/index.ts';
import { HINT_LEVELS, lessonMachine, type LessonInput } from '../../../src/machines/lesson.machine.ts';

const met = (id: string, ok: boolean): GoalResult => ({ id, label: id, met: ok, detail: '', value: null });
const INPUT: LessonInput = { stepCount: 5, waits: [2], taskSteps: [4], checkMs: 90_000 };

function start({ checkResults = [met('a', true), met('b', true)], input = INPUT } = {}) {
  const shown: number[] = [];
  const done: boolean[] = [];
  const said: string[] = [];
  const calls = { solve: 0, reset: 0, check: 0 };
  const solvedAt: number[] = [];
  const machine = lessonMachine.provide({
    actions: {
      showStep: (_, { step }) => void shown.push(step),
      markDone: (_, { solved }) => void done.push(solved),
      announce: (_, { text }) => void said.push(text),
    },
    actors: {
      check: fromPromise(async () => (calls.check++, checkResults)),
      solve: fromPromise<void, number>(async ({ input: step }) => {
        calls.solve++;
        solvedAt.push(step);
      }),
      reset: fromPromise<void, void>(async () => {
        calls.reset++;
      }),
    },
  });
  const actor = createActor(machine, { input }).start();
  return { actor, shown, done, said, calls, solvedAt };
}

describe('lesson machine', () => {
  it('starts reading at the step asked for, clamped to the lesson', () => {
    expect(start({ input: { ...INPUT, step: 3 } }).actor.getSnapshot().context.step).toBe(3);
    expect(start({ input: { ...INPUT, step: 99 } }).actor.getSnapshot().context.step).toBe(5);
    expect(start().actor.getSnapshot().value).toBe('reading');
  });

  it('Continue waits for the step to be waited for; Back and links always move', () => {
    const { actor, shown } = start();
    actor.send({ type: 'lesson.next' });
    expect(actor.getSnapshot().context.step).toBe(2);
    actor.send({ type: 'lesson.next' });
    expect(actor.getSnapshot().context.step).toBe(2); // still waiting
    actor.send({ type: 'lesson.waited', step: 2 });
    actor.send({ type: 'lesson.next' });
    expect(actor.getSnapshot().context.step).toBe(3);
    actor.send({ type: 'lesson.back' });
    actor.send({ type: 'lesson.goto', step: 5 });
    expect(shown).toEqual([2, 3, 2, 5]);
    actor.send({ type: 'lesson.next' });
    expect(actor.getSnapshot().context.step).toBe(5); // the last step
  });

  it('a change or a running clock turns reading into experimenting', () => {
    const { actor } = start();
    actor.send({ type: 'lesson.acted' });
    expect(actor.getSnapshot().value).toBe('experimenting');
    const other = start().actor;
    other.send({ type: 'lesson.time', timeMs: 5000 });
    expect(other.getSnapshot().value).toBe('experimenting');
  });

  it('passes when every goal holds at the check, marks the lesson done and says so', async () => {
    const { actor, done, said } = start();
    actor.send({ type: 'lesson.time', timeMs: 90_000 });
    await waitFor(actor, (s) => s.matches('passed'));
    expect(done).toEqual([false]);
    expect(said).toContain('Lesson complete: every goal is met.');
    expect(actor.getSnapshot().context.goals.every((g) => g.met)).toBe(true);
  });

  it('a failed check goes back to experimenting, and checks again only after a rewind below the check', async () => {
    const { actor, calls, done } = start({ checkResults: [met('a', true), met('b', false)] });
    actor.send({ type: 'lesson.time', timeMs: 91_000 });
    await waitFor(actor, (s) => s.matches('experimenting') && s.context.checkFailed);
    actor.send({ type: 'lesson.time', timeMs: 92_000 });
    expect(calls.check).toBe(1);
    actor.send({ type: 'lesson.time', timeMs: 10_000 });
    actor.send({ type: 'lesson.time', timeMs: 90_000 });
    await waitFor(actor, (s) => s.matches('experimenting') && !s.matches('checking'));
    expect(calls.check).toBe(2);
    expect(done).toEqual([]);
  });

  it('Solve goes to the task step, applies the solution, checks and records that Solve was used', async () => {
    const { actor, calls, done, shown } = start();
    actor.send({ type: 'lesson.solve' });
    await waitFor(actor, (s) => s.matches('passed'));
    expect(calls.solve).toBe(1);
    expect(shown).toEqual([4]);
    expect(done).toEqual([true]);
    expect(actor.getSnapshot().context.hintLevel).toBe(HINT_LEVELS);
  });

  it('in a lesson of two tasks, Solve fixes the task the learner is on: the first before and at its step, the second from its step on', async () => {
    const tasks = { ...INPUT, waits: [], taskSteps: [2, 5] };
    for (const [from, to] of [[1, 2], [2, 2], [4, 2], [5, 5]]) {
      const { actor, shown, solvedAt } = start({ input: { ...tasks, step: from } });
      actor.send({ type: 'lesson.solve' });
      await waitFor(actor, (s) => s.matches('passed'));
      expect(solvedAt).toEqual([to]);
      expect(shown).toEqual([to]);
    }
  });

  it('Reset reopens the world and starts reading again, forgetting the last check', async () => {
    const { actor, calls } = start({ checkResults: [met('a', false)] });
    actor.send({ type: 'lesson.time', timeMs: 90_000 });
    await waitFor(actor, (s) => s.context.checkFailed);
    actor.send({ type: 'lesson.reset' });
    await waitFor(actor, (s) => s.matches('reading'));
    expect(calls.reset).toBe(1);
    expect(actor.getSnapshot().context).toMatchObject({ checkFailed: false, checked: false, goals: [] });
  });

  it('hints escalate one level at a time up to the solution, and start over on another step', () => {
    const { actor } = start({ input: { ...INPUT, step: 4 } });
    for (let i = 0; i < 6; i++) actor.send({ type: 'lesson.hint' });
    expect(actor.getSnapshot().context.hintLevel).toBe(HINT_LEVELS);
    actor.send({ type: 'lesson.back' });
    expect(actor.getSnapshot().context.hintLevel).toBe(0);
  });

  it('a prediction is locked in before the outcome, and cannot be changed after', () => {
    const { actor } = start();
    actor.send({ type: 'lesson.predict', step: 1, option: 2 });
    actor.send({ type: 'lesson.predict', step: 1, option: 0 });
    expect(actor.getSnapshot().context.predictions).toEqual({ 1: 2 });
    actor.send({ type: 'lesson.observed', step: 3, option: 1 });
    actor.send({ type: 'lesson.predict', step: 3, option: 1 });
    expect(actor.getSnapshot().context.predictions).toEqual({ 1: 2 });
    expect(actor.getSnapshot().context.observed).toEqual({ 3: 1 });
  });

  it('ignores Solve and Reset while a check is running', async () => {
    let finish: (r: GoalResult[]) => void = () => {};
    const machine = lessonMachine.provide({ actors: { check: fromPromise(() => new Promise<GoalResult[]>((r) => (finish = r))) } });
    const actor = createActor(machine, { input: INPUT }).start();
    actor.send({ type: 'lesson.time', timeMs: 90_000 });
    expect(actor.getSnapshot().value).toBe('checking');
    actor.send({ type: 'lesson.reset' });
    actor.send({ type: 'lesson.solve' });
    expect(actor.getSnapshot().value).toBe('checking');
    finish([met('a', true)]);
    await waitFor(actor, (s) => s.matches('passed'));
  });

  it('once checked, the goal list keeps the judgement at the check second while the run goes on; going back before it lets the list follow the run again', async () => {
    const { actor } = start();
    actor.send({ type: 'lesson.goals', results: [met('a', true), met('b', false)] }); // before the check: the run so far
    expect(actor.getSnapshot().context.goals.map((g) => g.met)).toEqual([true, false]);
    actor.send({ type: 'lesson.time', timeMs: 90_000 });
    await waitFor(actor, (s) => s.matches('passed'));
    expect(actor.getSnapshot().context.goals.map((g) => g.met)).toEqual([true, true]);
    actor.send({ type: 'lesson.goals', results: [met('a', true), met('b', false)] }); // later: a total grew past its bound
    expect(actor.getSnapshot().context.goals.map((g) => g.met)).toEqual([true, true]);
    actor.send({ type: 'lesson.time', timeMs: 10_000 }); // rewound before the check
    actor.send({ type: 'lesson.goals', results: [met('a', false), met('b', false)] });
    expect(actor.getSnapshot().context.goals.map((g) => g.met)).toEqual([false, false]);
  });
});
