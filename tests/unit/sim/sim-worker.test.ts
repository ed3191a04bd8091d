import { afterEach, describe, expect, it } from 'vitest';
import { expose } from 'comlink';
import { SimWorker, StaleAnswer } from '../../../src/sim/sim-worker.ts';
import type { SimApi } from '../../../workers/sim-api.ts';

/** A "worker" in the same thread whose API answers `version()` with the order it was created in. */
function countingWorkers(): { create: () => Worker; created: () => number } {
  let created = 0;
  return {
    created: () => created,
    create: () => {
      const n = ++created;
      const { port1, port2 } = new MessageChannel();
      expose({ version: () => n } as unknown as SimApi, port1);
      const worker = port2 as unknown as Worker;
      worker.terminate = () => {
        port1.close();
        port2.close();
      };
      return worker;
    },
  };
}

/** A gate the test opens by hand. */
function gate(): { wait: () => Promise<void>; open: () => void; calls: () => number } {
  let open = () => {};
  let calls = 0;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { wait: () => (calls++, opened), open, calls: () => calls };
}

const version = (api: unknown) => (api as { version(): Promise<number> }).version();
const live: SimWorker[] = [];
afterEach(() => live.splice(0).forEach((w) => w.dispose()));

describe('SimWorker start-up', () => {
  it('starts no worker before firstStart resolves; the questions asked meanwhile are then answered by one worker', async () => {
    const workers = countingWorkers();
    const first = gate();
    const sim = new SimWorker({ createWorker: workers.create, firstStart: first.wait });
    live.push(sim);
    const answers = [sim.ask(version), sim.ask(version)];
    await new Promise((r) => setTimeout(r, 20));
    expect(workers.created()).toBe(0);
    first.open();
    expect(await Promise.all(answers)).toEqual([1, 1]);
    expect(workers.created()).toBe(1);
    // asked for once, however many questions waited
    expect(first.calls()).toBe(1);
  });

  it('does not wait again after a restart: the next question starts a fresh worker at once', async () => {
    const workers = countingWorkers();
    const first = gate();
    const sim = new SimWorker({ createWorker: workers.create, firstStart: first.wait });
    live.push(sim);
    const answer = sim.ask(version);
    first.open();
    expect(await answer).toBe(1);
    sim.restart();
    expect(await sim.ask(version)).toBe(2);
    expect(first.calls()).toBe(1);
  });

  it('starts no worker when it is disposed while waiting: the question is answered as stale', async () => {
    const workers = countingWorkers();
    const first = gate();
    const sim = new SimWorker({ createWorker: workers.create, firstStart: first.wait });
    const answer = sim.ask(version);
    sim.dispose();
    first.open();
    await expect(answer).rejects.toBeInstanceOf(StaleAnswer);
    expect(workers.created()).toBe(0);
  });

  it('without firstStart the first question starts the worker at once, as before', async () => {
    const workers = countingWorkers();
    const sim = new SimWorker({ createWorker: workers.create });
    live.push(sim);
    const answer = sim.ask(version);
    // created synchronously, within ask()
    expect(workers.created()).toBe(1);
    expect(await answer).toBe(1);
  });
});
