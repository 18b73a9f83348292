// @ts-check
// Regenerates icons/*.png from the SVGs using Debian's Chromium (no browser download).
import { readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const dir = fileURLToPath(new URL('../icons/', import.meta.url));
// Small sizes get the simplified drawing so the line stays legible.
/** @type {[number, string][]} */
const targets = [
  [16, 'icon-small.svg'],
  [32, 'icon-small.svg'],
  [48, 'icon.svg'],
  [128, 'icon.svg'],
];

const browser = await chromium.launch({
  executablePath: process.env.CHROME_PATH || '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu'],
});
try {
  // Scale factor 1 so one CSS pixel is one PNG pixel.
  const page = await browser.newPage({ deviceScaleFactor: 1 });
  for (const [size, file] of targets) {
    const svg = (await readFile(dir + file, 'utf8'))
      .replace(/<svg\b/, `<svg width="${size}" height="${size}"`); // size the root, viewBox scales the art
    await page.setViewportSize({ width: size, height: size });
    // No margins and block display so the SVG fills the viewport exactly.
    await page.setContent(`<style>html,body{margin:0}svg{display:block}</style>${svg}`);
    // omitBackground keeps the rounded corners transparent.
    await writeFile(`${dir}${size}.png`, await page.screenshot({ omitBackground: true }));
    console.log(`icons/${size}.png <- ${file}`);
  }
} finally {
  await browser.close();
}
