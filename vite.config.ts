import { defineConfig } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { VitePWA } from 'vite-plugin-pwa';
import { paraglideVitePlugin } from '@inlang/paraglide-js';
import { compileHints } from './scripts/vite-compile-hints.ts';
import { lessonsPlugin } from './scripts/vite-lessons.ts';

/**
 * Offline: a Workbox service worker (generated, not hand-written) precaches every file of the build — the
 * page, its chunks (lessons, compare, exports, teaching), the simulation worker, the schema and the icons — so
 * the site works offline after one visit. `registerType: 'prompt'`: a new version waits until the learner
 * chooses to reload (src/ui/shell/UpdatePrompt.svelte registers it). Every URL is relative to the service
 * worker's own folder, so it works under any sub-path; hash routes mean one navigation URL, answered from the
 * precached index.html whatever its query.
 */
const pwa = VitePWA({
  registerType: 'prompt',
  injectRegister: false,
  includeAssets: ['icon.svg'],
  manifest: {
    name: 'Balancer Lab',
    short_name: 'Balancer Lab',
    description: 'Learn load balancing by building, breaking and fixing simulated systems.',
    start_url: './',
    scope: './',
    display: 'standalone',
    background_color: '#f4f6f8',
    theme_color: '#1f5fbf',
    icons: [
      { src: 'icon-192.png', sizes: '192x192', type: 'image/png' },
      { src: 'icon-512.png', sizes: '512x512', type: 'image/png' },
      { src: 'icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
      { src: 'icon.svg', sizes: 'any', type: 'image/svg+xml' },
    ],
  },
  workbox: {
    globPatterns: ['**/*.{js,css,html,svg,png,json,webmanifest}'],
    globIgnores: ['**/*.map'],
    maximumFileSizeToCacheInBytes: 4 * 1024 * 1024,
    navigateFallback: 'index.html',
    cleanupOutdatedCaches: true,
    // The first visit's page is served by the service worker as soon as it is installed (no reload needed): the
    // chunks it has not loaded yet (the lesson player from the home page, the sandbox, compare) then come from the
    // precache if the network goes. A later version still waits for the learner (registerType 'prompt').
    clientsClaim: true,
  },
});

/**
 * UI text: messages/<locale>.json, compiled by Paraglide into src/i18n/paraglide/ (generated, not committed;
 * `npm run i18n` does the same with the same options for svelte-check). The page picks its locale itself
 * (src/i18n/locale.ts) and overrides Paraglide's getLocale; elsewhere (Node, tests) the base locale, English.
 * Lesson text: the lessons' index.<locale>.md, goals.<locale>.json, claims.<locale>.json (src/content/lesson-text.ts),
 * applied at build time (scripts/vite-lessons.ts).
 */
const paraglide = paraglideVitePlugin({
  project: './project.inlang',
  outdir: './src/i18n/paraglide',
  strategy: ['baseLocale'],
  emitTsDeclarations: true,
  emitReadme: false,
});

export default defineConfig({
  // Relative asset URLs: the built site works from any sub-path of any static host.
  base: './',
  plugins: [paraglide, svelte(), lessonsPlugin(), compileHints(), pwa],
  worker: { format: 'es' },
  build: {
    target: 'es2022',
    // No <link rel="modulepreload"> for a lazy chunk's imports: Vite's preload helper adds one element per
    // import as the chunk is asked for, and Chromium spends 0.5–9 ms on each: 23–90 ms of main-thread time in two
    // to four tasks of up to 36 ms at a lesson's start-up (32 links), 15–55 ms at the sandbox's (18), measured in
    // the page on a quiet 2-core machine; in perf:ui they were the "setTimeout ()" long frames of 19–61 ms, and a
    // lesson's start-up had a task over 50 ms in 2 of 10. Without them the browser finds a chunk's imports as it
    // reads the chunk: the same picture time here (lesson 1 step 2: 1,083 ms median either way, 10 start-ups each;
    // main-thread CPU 397 against 517 ms in a traced one); with 100 ms of network latency at 16 Mbit/s, a first
    // lesson visit's picture 2.65–2.80 s against 2.34–2.52 s and the sandbox's the same (1.6–2.0 s). Later visits
    // come from the offline cache. The CSS of lazy chunks is still loaded by the helper.
    modulePreload: false,
    sourcemap: true,
    rolldownOptions: {
      output: {
        // What the entry imports (statically, all the way down) is one chunk, not seventeen small ones shared with
        // the lazy parts: fewer requests and module records as the page starts, and better compression. perf:ui,
        // 2×5 first visits each way, interleaved, load 1.6–3: run open 1.31 → 0.98–1.08 s, picture 1.42 →
        // 1.09–1.20 s, initial JS 63.2 → 58.2 KB gz, start-up tasks of 20 ms of CPU or more 3 → 2 (median).
        codeSplitting: {
          groups: [
            { name: 'start', test: /src[\\/]main\.ts$/, includeDependenciesRecursively: true },
            // Svelte creates an Error as its constants module loads (STALE_REACTION). Under DevTools (and Playwright,
            // which perf:ui and the e2e use) V8 then reparses the top level of the whole script that made it, for the
            // stack's source positions: 16–20 ms of main-thread CPU in one task for 'start'; a few KB in a chunk of
            // their own are reparsed in well under a millisecond. Without DevTools nothing changes.
            { name: 'svelte-constants', test: /svelte[\\/]src[\\/]internal[\\/]client[\\/]constants\.js$/, priority: 1 },
          ],
        },
      },
    },
  },
  server: { host: '127.0.0.1' },
  // PREVIEW_PORT lets several checkouts run their end-to-end tests side by side
  preview: { host: '127.0.0.1', port: Number(process.env.PREVIEW_PORT ?? 4173) },
});
