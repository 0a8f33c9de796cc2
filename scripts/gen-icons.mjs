// Generates every installer icon from the one source, resources/icon.svg (npm run icons):
// PNGs at each size (Linux), icon.ico (Windows) and icon.icns (macOS), into resources/build/.
// Chromium draws the SVG (the same browser the e2e tests use), so no image tool is needed.
// resources/build/icons.json records the source's SHA-256: a unit test fails when the icons
// are older than the SVG.
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

const ROOT = join(import.meta.dirname, '..');
const SOURCE = join(ROOT, 'resources', 'icon.svg');
const OUT = join(ROOT, 'resources', 'build');
export const SIZES = [16, 24, 32, 48, 64, 128, 256, 512, 1024];

/** ICO: a directory of PNG images (Windows Vista and later read PNG entries), sizes up to 256. */
function ico(pngs) {
  const entries = pngs.filter(([size]) => size <= 256);
  const header = Buffer.alloc(6 + 16 * entries.length);
  header.writeUInt16LE(0, 0);
  header.writeUInt16LE(1, 2);
  header.writeUInt16LE(entries.length, 4);
  let offset = header.length;
  entries.forEach(([size, png], i) => {
    const e = 6 + 16 * i;
    header.writeUInt8(size === 256 ? 0 : size, e);
    header.writeUInt8(size === 256 ? 0 : size, e + 1);
    header.writeUInt16LE(1, e + 4); // colour planes
    header.writeUInt16LE(32, e + 6); // bits per pixel
    header.writeUInt32LE(png.length, e + 8);
    header.writeUInt32LE(offset, e + 12);
    offset += png.length;
  });
  return Buffer.concat([header, ...entries.map(([, png]) => png)]);
}

/** ICNS: typed PNG chunks (icp4 16, icp5 32, icp6 64, ic07 128, ic08 256, ic09 512, ic10 1024). */
function icns(pngs) {
  const types = { 16: 'icp4', 32: 'icp5', 64: 'icp6', 128: 'ic07', 256: 'ic08', 512: 'ic09', 1024: 'ic10' };
  const chunks = pngs
    .filter(([size]) => types[size])
    .map(([size, png]) => {
      const head = Buffer.alloc(8);
      head.write(types[size], 0, 'latin1');
      head.writeUInt32BE(png.length + 8, 4);
      return Buffer.concat([head, png]);
    });
  const head = Buffer.alloc(8);
  head.write('icns', 0, 'latin1');
  head.writeUInt32BE(8 + chunks.reduce((n, c) => n + c.length, 0), 4);
  return Buffer.concat([head, ...chunks]);
}

async function main() {
  const svg = readFileSync(SOURCE, 'utf8');
  mkdirSync(join(OUT, 'icons'), { recursive: true });
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
  const pngs = [];
  try {
    const page = await browser.newPage();
    for (const size of SIZES) {
      await page.setViewportSize({ width: size, height: size });
      await page.setContent(`<html><body style="margin:0;background:transparent">${svg.replace('<svg ', `<svg width="${size}" height="${size}" `)}</body></html>`);
      const png = await page.screenshot({ omitBackground: true, clip: { x: 0, y: 0, width: size, height: size } });
      writeFileSync(join(OUT, 'icons', `${size}x${size}.png`), png);
      pngs.push([size, png]);
    }
  } finally {
    await browser.close();
  }
  writeFileSync(join(OUT, 'icon.png'), pngs.find(([s]) => s === 512)[1]);
  writeFileSync(join(OUT, 'icon.ico'), ico(pngs));
  writeFileSync(join(OUT, 'icon.icns'), icns(pngs));
  const sha256 = createHash('sha256').update(svg).digest('hex');
  writeFileSync(join(OUT, 'icons.json'), JSON.stringify({ source: 'resources/icon.svg', sha256, sizes: SIZES }, null, 2) + '\n');
  console.log(`icons: ${SIZES.length} PNGs, icon.ico, icon.icns from resources/icon.svg (${sha256.slice(0, 12)})`);
}

await main();
