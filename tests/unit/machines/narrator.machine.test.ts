import { describe, expect, it } from 'vitest';
import { SimulatedClock, createActor } from 'xstate';
import { narratorMachine, summarize } from '../../../src/machines/narrator.machine.ts';

function narrator() {
  const said: string[] = [];
  const clock = new SimulatedClock();
  const actor = createActor(narratorMachine.provide({ actions: { say: (_, { text }) => void said.push(text) } }), { clock }).start();
  const note = (text: string) => actor.send({ type: 'narrator.note', text });
  return { said, clock, actor, note };
}

describe('narrator machine', () => {
  it('says the first note at once', () => {
    const { said, note } = narrator();
    note('b crashed.');
    expect(said).toEqual(['b crashed.']);
  });

  it('gathers a burst during the quiet time and says it as one summary when the quiet time ends', () => {
    const { said, note, clock } = narrator();
    note('t1 crashed.');
    for (let i = 2; i <= 6; i++) note(`t${i} crashed.`);
    clock.increment(1999);
    expect(said).toEqual(['t1 crashed.']);
    clock.increment(1);
    expect(said).toEqual(['t1 crashed.', 't2 crashed. t3 crashed. t4 crashed. And 2 more events.']);
  });

  it('after a quiet time with nothing new, the next note is said at once again', () => {
    const { said, note, clock, actor } = narrator();
    note('a crashed.');
    clock.increment(2000);
    expect(actor.getSnapshot().value).toBe('idle');
    note('a recovered.');
    expect(said).toEqual(['a crashed.', 'a recovered.']);
  });

  it('a summary starts another quiet time', () => {
    const { said, note, clock } = narrator();
    note('one.');
    note('two.');
    clock.increment(2000);
    note('three.');
    clock.increment(1000);
    expect(said).toEqual(['one.', 'two.']);
    clock.increment(1000);
    expect(said).toEqual(['one.', 'two.', 'three.']);
  });

  it('clearing drops what was gathered (a new scenario was loaded)', () => {
    const { said, note, clock, actor } = narrator();
    note('one.');
    note('two.');
    actor.send({ type: 'narrator.clear' });
    clock.increment(5000);
    expect(said).toEqual(['one.']);
  });

  it('summarizes a few notes in full and counts the rest', () => {
    expect(summarize(['a.', 'b.'])).toBe('a. b.');
    expect(summarize(['a.', 'b.', 'c.', 'd.'])).toBe('a. b. c. And 1 more event.');
  });
});
