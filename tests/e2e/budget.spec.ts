// The first screen's JavaScript stays within budget: index.html's module script and its preloads, gzipped, as
// `npm run perf:ui` measures them. Here because this suite runs after the build (a unit test would read an old one).
import { expect, test } from '@playwright/test';
import { readdirSync, readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';

const DIST = fileURLToPath(new URL('../../dist/', import.meta.url));
const BUDGET_KB = 150;

test(`the initial JavaScript is at most ${BUDGET_KB} KB gzipped, and the service worker precaches every file of the build`, () => {
  const html = readFileSync(`${DIST}index.html`, 'utf8');
  const initial = [...html.matchAll(/(?:src|href)="\.?\/?(assets\/[^"]+\.js)"/g)].map((m) => m[1]);
  expect(initial.length).toBeGreaterThan(0);
  const kb = initial.reduce((sum, f) => sum + gzipSync(readFileSync(`${DIST}${f}`), { level: 9 }).length, 0) / 1024;
  test.info().annotations.push({ type: 'initial JS', description: `${kb.toFixed(1)} KB gzipped (${initial.join(', ')})` });
  expect(kb).toBeLessThanOrEqual(BUDGET_KB);

  const sw = readFileSync(`${DIST}sw.js`, 'utf8');
  const precached = new Set([...sw.matchAll(/url:"([^"]+)"/g)].map((m) => m[1]));
  const assets = readdirSync(`${DIST}assets`).filter((f) => !f.endsWith('.map'));
  for (const file of assets) expect(precached).toContain(`assets/${file}`);
  for (const name of ['index.html', 'manifest.webmanifest', 'scenario.schema.json']) expect(precached).toContain(name);
  expect([...precached].some((u) => /^assets\/sim\.worker-.*\.js$/.test(u))).toBe(true);
  expect([...precached].some((u) => /^assets\/LessonRoute-.*\.js$/.test(u))).toBe(true);
  expect([...precached].every((u) => !u.startsWith('/') && !u.includes('://'))).toBe(true); // relative: any sub-path
});
