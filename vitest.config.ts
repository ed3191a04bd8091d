import { availableParallelism } from 'node:os';
import { defineConfig, mergeConfig } from 'vitest/config';
import viteConfig from './vite.config.ts';
import { LongFirstSequencer } from './tests/support/long-first-sequencer.ts';

// The unit and content tests: the site's own Vite configuration (the lessons and the messages are built the same
// way), with the test settings below.
export default mergeConfig(
  viteConfig,
  defineConfig({
    test: {
      include: ['tests/unit/**/*.test.ts', 'tests/content/**/*.test.ts'],
      environment: 'node',
      pool: 'threads',
      // the test files share a worker's module graph instead of re-importing the engine for each of ~180 files:
      // the suite's CPU time fell from 4 min 42 s to 2 min 53 s (no test relies on fresh module state)
      isolate: false,
      // one worker per core: Vitest's default leaves one core to itself (cores − 1), which on CI's 2 cores ran
      // every file on one worker while the other core idled; the main process only collects results
      maxWorkers: Math.max(2, availableParallelism()),
      // the long files start first, so that the two workers share the rest (see the sequencer)
      sequence: { sequencer: LongFirstSequencer },
      // long simulations and child processes; CI has 2 cores
      testTimeout: 60_000,
    },
  }),
);
