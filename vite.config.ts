/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import type { Plugin } from 'vite';
import { assertLessonsValid } from './src/content/node-loader.ts';

/** A broken lesson fails the build with the file, the JSON path and the reason. */
function checkLessons(): Plugin {
  return {
    name: 'balancer-lab:check-lessons',
    buildStart() {
      assertLessonsValid('lessons');
    },
  };
}

export default defineConfig({
  // Relative asset URLs: the built site works from any sub-path of any static host.
  base: './',
  plugins: [svelte(), checkLessons()],
  worker: { format: 'es' },
  build: { target: 'es2022', sourcemap: true },
  server: { host: '127.0.0.1' },
  preview: { host: '127.0.0.1' },
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/content/**/*.test.ts'],
    environment: 'node',
    pool: 'threads',
    // long simulations and child processes; CI has 2 cores
    testTimeout: 60_000,
  },
});
