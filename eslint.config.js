// Lint rules keep the layers honest: the engine stays pure (no UI, no DOM, no clocks, no unseeded
// randomness) and the worker stays free of the UI. Style is left to the authors; only correctness rules.
import { defineConfig } from 'eslint/config';
import tseslint from 'typescript-eslint';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';

/** Import paths into the page's layers, written relatively ("../../ui/x") or from the root ("src/ui/x"). */
const uiLayerPaths = {
  regex: '^(\\.\\.?/)*(src/)?(ui|viz|machines|sim)(/|$)',
  message: 'The engine and the worker must not depend on the page (src/ui, src/viz, src/machines, src/sim).',
};
const workerPaths = {
  regex: '^(\\.\\.?/)*workers(/|$)',
  message: 'The engine must not depend on its hosts (workers/).',
};
const uiPackages = {
  group: ['svelte', 'svelte/*', 'd3', 'd3-*'],
  message: 'UI libraries belong to the page, not to the engine or the worker.',
};

export default defineConfig(
  {
    ignores: ['dist/', 'node_modules/', 'test-results/', 'playwright-report/', 'tests/e2e/artifacts/', 'bench-results/', 'src/i18n/paraglide/', 'public/*.json'],
  },
  tseslint.configs.recommended,
  svelte.configs.recommended,
  {
    languageOptions: {
      globals: { ...globals.browser, ...globals.node },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_' }],
      // SvelteKit-only rule; this app is plain Svelte with hash routes.
      'svelte/no-navigation-without-resolve': 'off',
    },
  },
  {
    files: ['**/*.svelte', '**/*.svelte.ts'],
    languageOptions: {
      parserOptions: { parser: tseslint.parser, extraFileExtensions: ['.svelte'] },
    },
  },
  {
    files: ['src/engine/**/*.ts'],
    languageOptions: { globals: {} },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            uiPackages,
            { group: ['comlink', 'comlink/*', 'xstate', 'xstate/*'], message: 'The engine is plain computation: no RPC, no state-machine library.' },
            uiLayerPaths,
            workerPaths,
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        ...['window', 'document', 'navigator', 'localStorage', 'requestAnimationFrame', 'setTimeout', 'setInterval', 'performance', 'fetch'].map(
          (name) => ({ name, message: 'The engine is pure and deterministic: no DOM, no timers, no wall clock, no I/O. The host decides when time advances.' }),
        ),
      ],
      'no-restricted-properties': [
        'error',
        { object: 'Math', property: 'random', message: 'Use the seeded random streams (src/engine/core) so runs are reproducible.' },
        { object: 'Date', property: 'now', message: 'Simulated time only: the engine must not read the wall clock.' },
        { object: 'performance', property: 'now', message: 'Simulated time only: the engine must not read the wall clock.' },
      ],
    },
  },
  {
    files: ['workers/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [uiPackages, uiLayerPaths] }],
    },
  },
  {
    // the scenario format sits below the engine: the engine reads scenarios, never the other way round
    files: ['src/scenario/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [uiPackages, uiLayerPaths, { group: ['**/engine/**', '**/engine'], message: 'src/scenario is below the engine: move shared definitions into src/scenario.' }] },
      ],
    },
  },
  {
    // exporters and log importers are pure text-to-text modules below the page: no UI, no DOM, no engine internals
    files: ['src/export/**/*.ts', 'src/import/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [uiPackages, uiLayerPaths, workerPaths, { group: ['**/engine/**', '**/engine'], message: 'Exports read the scenario, not the engine: share definitions through src/scenario.' }] },
      ],
    },
  },
);
