// Renders public/icon.svg to the PNG icons the web app manifest names (192 and 512 px, and a maskable 512 with
// a safe margin), with the same headless Chromium the end-to-end tests use. Run once after changing the icon:
// `npx tsx scripts/write-icons.ts`; the PNGs are committed.
import { existsSync, readFileSync } from 'node:fs';
import { chromium } from '@playwright/test';

const svg = readFileSync('public/icon.svg', 'utf8');
const browser = await chromium.launch({ executablePath: existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined, args: ['--no-sandbox'] });
for (const [file, size, margin] of [['public/icon-192.png', 192, 0], ['public/icon-512.png', 512, 0], ['public/icon-maskable-512.png', 512, 0.1]] as const) {
  const page = await browser.newPage({ viewport: { width: size, height: size } });
  const inner = Math.round(size * (1 - 2 * margin));
  await page.setContent(`<body style="margin:0;background:${margin > 0 ? "#1f5fbf" : "transparent"};display:grid;place-items:center;height:${size}px">${svg.replace('<svg ', `<svg width="${inner}" height="${inner}" `)}</body>`);
  await page.screenshot({ path: file, omitBackground: margin === 0 });
  await page.close();
  console.log(`wrote ${file}`);
}
await browser.close();
