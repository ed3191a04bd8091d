import { describe, expect, it } from 'vitest';
import { goalsShownAt, solutionThrough, taskStepAt, taskSteps } from '../../../src/content/tasks.ts';
import type { Lesson, Step } from '../../../src/content/lesson.ts';
import type { LessonGoal } from '../../../src/content/conditions.ts';

const step = (number: number, task: boolean): Step => ({ number, title: `s${number}`, markdown: '', scene: null, wait: null, tries: [], predict: null, hints: task ? { nudge: 'n', concept: 'c', control: 'x' } : null, reveal: null, case: null });
const goal = (id: string): LessonGoal => ({ id, label: id, kind: 'report', path: 'requests.total', atLeast: 1 });
// two tasks, at steps 2 and 5 (lesson 6's shape): one change and one goal each, and a goal for the whole lesson
const lesson: Pick<Lesson, 'steps' | 'solution' | 'solutionSteps' | 'goals' | 'goalSteps'> = {
  steps: [1, 2, 3, 4, 5].map((n) => step(n, n === 2 || n === 5)),
  solution: [
    { atMs: 0, change: { action: 'crash', target: 'a' } },
    { atMs: 0, change: { action: 'crash', target: 'b' } },
  ],
  solutionSteps: [2, 5],
  goals: [goal('all'), goal('first'), goal('second')],
  goalSteps: { all: 1, first: 2, second: 5 },
};

describe('a lesson of several tasks', () => {
  it('sets a task on each step with hints', () => {
    expect(taskSteps(lesson)).toEqual([2, 5]);
  });

  it('is on the last task at or before the step, else on the first', () => {
    expect([1, 2, 3, 4, 5].map((s) => taskStepAt([2, 5], s))).toEqual([2, 2, 2, 2, 5]);
    expect(taskStepAt([], 3)).toBe(1);
  });

  it('solves a task with its changes and those of the tasks before it, never a later one', () => {
    expect(solutionThrough(lesson, 2).map((c) => c.change)).toEqual([lesson.solution[0].change]);
    expect(solutionThrough(lesson, 5)).toEqual(lesson.solution);
  });

  it('shows a goal from the step that asks for it on', () => {
    expect(goalsShownAt(lesson, 1).map((g) => g.id)).toEqual(['all']);
    expect(goalsShownAt(lesson, 4).map((g) => g.id)).toEqual(['all', 'first']);
    expect(goalsShownAt(lesson, 5).map((g) => g.id)).toEqual(['all', 'first', 'second']);
  });
});
