import { existsSync } from 'node:fs';
import { defineConfig, devices } from '@playwright/test';

// Debian's Chromium when the machine has it (CI installs it); otherwise Playwright's own download.
const systemChromium = '/usr/bin/chromium';
const onCi = Boolean(process.env.CI);
// the port of `npm run preview` (vite.config.ts reads the same variable)
const base = `http://127.0.0.1:${process.env.PREVIEW_PORT ?? 4173}`;

export default defineConfig({
  testDir: 'tests/e2e',
  outputDir: 'test-results',
  fullyParallel: false,
  forbidOnly: onCi,
  retries: 0,
  // two workers everywhere, CI's 2 cores included: each spec file runs in one worker, in its own browser context
  // (its own storage, downloads and service-worker state); the preview server is shared and only serves files
  workers: 2,
  reporter: 'list',
  // Waits are on conditions; these limits only say when a wait has failed. A first load or a keyboard journey on a
  // busy 2-core machine (other work beside the suite, or two workers) passed the old 5 s and 30 s while the page was
  // only slow, not wrong. A spec that means a time bound ("within a few seconds") says so with its own timeout.
  timeout: 60_000,
  expect: { timeout: 10_000 },
  use: {
    baseURL: base,
    trace: 'off',
    // The site registers a service worker (offline use). Specs run without it, so that every request reaches the
    // server (page.route works, nothing is served from a cache left by an earlier page) and no "ready to work
    // offline" or "new version" message appears mid-test; offline.spec.ts turns it on for itself.
    serviceWorkers: 'block',
  },
  projects: [
    {
      name: 'chromium',
      use: {
        ...devices['Desktop Chrome'],
        launchOptions: {
          executablePath: existsSync(systemChromium) ? systemChromium : undefined,
          args: [
            '--headless',
            '--no-sandbox',
            '--disable-gpu',
            '--disable-background-networking',
            '--disable-component-update',
            '--disable-sync',
            '--no-first-run',
          ],
        },
      },
    },
  ],
  // The production build (made by `npm run build` before the e2e step of `npm test`) served as a static site.
  webServer: {
    command: 'npm run preview',
    url: base,
    reuseExistingServer: !onCi,
    timeout: 60_000,
    stdout: 'ignore',
    stderr: 'pipe',
  },
});
