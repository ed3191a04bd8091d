/** Where specs save screenshots for a human to look at (gitignored), and the call that takes them. */
import { copyFile, mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, type Locator, type Page } from '@playwright/test';

export function artifactPath(name: string): string {
  return fileURLToPath(new URL(`../artifacts/${name}`, import.meta.url));
}

/**
 * Whether screenshots are saved: always on a developer's machine; in CI (a clean clone that keeps no files) only
 * with E2E_SCREENSHOTS=1. The suite takes about 120, at half a second each on a busy 2-core machine.
 */
const SAVE_SCREENSHOTS = !process.env.CI || process.env.E2E_SCREENSHOTS === '1';

const isPage = (target: Page | Locator): target is Page => 'mainFrame' in target;

/**
 * Saves a screenshot of the page, or of one element, as tests/e2e/artifacts/<name>. When screenshots are not saved,
 * the element must still be visible, as its screenshot would require.
 */
export async function snap(target: Page | Locator, name: string, options: { fullPage?: boolean } = {}): Promise<void> {
  if (SAVE_SCREENSHOTS) await target.screenshot({ path: artifactPath(name), ...options });
  else if (!isPage(target)) await expect(target).toBeVisible();
}

/**
 * Keeps a copy of a downloaded file (a PNG export, say) beside the screenshots, under the same rule: in CI only with
 * E2E_SCREENSHOTS=1. A clean clone has no artifacts folder, so it is made first.
 */
export async function keepDownload(sourcePath: string, name: string): Promise<void> {
  if (!SAVE_SCREENSHOTS) return;
  const path = artifactPath(name);
  await mkdir(dirname(path), { recursive: true });
  await copyFile(sourcePath, path);
}
