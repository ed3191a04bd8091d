/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import type { Plugin } from 'vite';
import { assertLessonsValid, loadLessonsFromDir, readLessonFiles } from './src/content/node-loader.ts';

const VIRTUAL_LESSONS = 'virtual:lessons';

/**
 * Lessons are read and validated here, at build time: a broken lesson fails the build with the file,
 * the JSON path and the reason, and the page receives the checked lessons as plain data
 * (`virtual:lessons`), so it needs no schema library to load them.
 */
function lessonsPlugin(): Plugin {
  return {
    name: 'balancer-lab:lessons',
    buildStart() {
      if (process.env.VITEST === undefined) assertLessonsValid('lessons');
    },
    resolveId(id) {
      return id === VIRTUAL_LESSONS ? `\0${VIRTUAL_LESSONS}` : null;
    },
    load(id) {
      if (id !== `\0${VIRTUAL_LESSONS}`) return null;
      for (const file of Object.keys(readLessonFiles('lessons'))) this.addWatchFile(`.${file}`);
      const { lessons, errors } = loadLessonsFromDir('lessons');
      return `export const lessons = ${JSON.stringify(lessons)};\nexport const lessonErrors = ${JSON.stringify(errors)};\n`;
    },
  };
}

export default defineConfig({
  // Relative asset URLs: the built site works from any sub-path of any static host.
  base: './',
  plugins: [svelte(), lessonsPlugin()],
  worker: { format: 'es' },
  build: { target: 'es2022', sourcemap: true },
  server: { host: '127.0.0.1' },
  // PREVIEW_PORT lets several checkouts run their end-to-end tests side by side
  preview: { host: '127.0.0.1', port: Number(process.env.PREVIEW_PORT ?? 4173) },
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/content/**/*.test.ts'],
    environment: 'node',
    pool: 'threads',
    // long simulations and child processes; CI has 2 cores
    testTimeout: 60_000,
  },
});
