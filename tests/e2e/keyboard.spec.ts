import { expect, test } from '@playwright/test';
import { LabPage } from './support/lab-page.ts';
import { collectPageErrors } from './support/page-errors.ts';
import { artifactPath } from './support/artifacts.ts';

test('the lab works from the keyboard: shortcuts, their list, and every control in tab order', async ({ page }) => {
  const errors = collectPageErrors(page);
  const lab = new LabPage(page);
  await lab.goto();
  await lab.ready();

  await page.keyboard.press('?');
  const dialog = page.getByTestId('shortcuts');
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText('Step to the next event');
  await page.screenshot({ path: artifactPath('shortcuts.png') });
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();

  await page.keyboard.press('+');
  await expect(page.getByTestId('speed-value')).toHaveText('2×');
  await page.keyboard.press('-');
  await page.keyboard.press('-');
  await expect(page.getByTestId('speed-value')).toHaveText('0.5×');

  // Shortcuts stay out of the way while typing.
  await lab.tab('scenario');
  await page.getByTestId('editor').focus();
  await page.keyboard.press('Space');
  await expect(lab.status).toHaveText('Paused');

  // Tab reaches the time controls, and a focused button is pressed with Space.
  await page.locator('body').click({ position: { x: 5, y: 5 } });
  const reached = new Set<string>();
  for (let i = 0; i < 40; i++) {
    await page.keyboard.press('Tab');
    const id = await page.evaluate(() => document.activeElement?.getAttribute('data-testid') ?? '');
    reached.add(id);
    if (id === 'play') break;
  }
  expect([...reached]).toEqual(expect.arrayContaining(['nav-sandbox', 'nav-compare', 'catalog', 'share', 'seed', 'play']));
  await page.keyboard.press('Space');
  await expect(lab.status).toHaveText('Running');
  await page.keyboard.press('Space');
  await expect(lab.status).toHaveText('Paused');
  expect(errors).toEqual([]);
});
