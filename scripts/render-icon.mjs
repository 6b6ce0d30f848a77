// Renders scripts/icon.svg to media/icon.png (128 × 128, transparent corners), the extension's icon in package.json,
// with the project's own headless Chromium. Run after editing the SVG: `node scripts/render-icon.mjs`.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { launchBrowser } from './browser.mjs';
import { REPO } from './vscode-env.mjs';

const SIZE = 128;
const svg = readFileSync(join(REPO, 'scripts', 'icon.svg'), 'utf8');
const { browser, context } = await launchBrowser({ viewport: { width: SIZE, height: SIZE } });
try {
  const page = await context.newPage();
  await page.setContent(
    `<!doctype html><html><body style="margin:0;background:transparent">` +
      `<img src="data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}" width="${SIZE}" height="${SIZE}" style="display:block"></body></html>`,
  );
  await page.locator('img').evaluate((img) => img.decode());
  const png = await page.screenshot({ clip: { x: 0, y: 0, width: SIZE, height: SIZE }, omitBackground: true });
  writeFileSync(join(REPO, 'media', 'icon.png'), png);
  console.log(`media/icon.png: ${png.length} bytes`);
} finally {
  await browser.close();
}
