// Renders media/icon/icon.svg to media/icon/icon.png (128×128, the size the extension's `icon` needs)
// in Debian's Chromium. Run it after changing the SVG: `node scripts/render-icon.mjs`.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { openBrowser, REPO_ROOT } from './code-server.mjs';

const svg = path.join(REPO_ROOT, 'media', 'icon', 'icon.svg');
const png = path.join(REPO_ROOT, 'media', 'icon', 'icon.png');
const browser = await openBrowser({ viewport: { width: 128, height: 128 } });
try {
  await browser.page.setContent(`<body style="margin:0;background:transparent">${fs.readFileSync(svg, 'utf8')}</body>`);
  await browser.page.locator('svg').screenshot({ path: png, omitBackground: true });
} finally {
  await browser.close();
}
console.log(`${path.relative(REPO_ROOT, png)}: ${fs.statSync(png).size} bytes`);
