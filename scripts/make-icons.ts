/**
 * Renders the app and tray icons from the SVG sources below into build/ (committed; rerun
 * after changing the drawing): `npx tsx scripts/make-icons.ts`.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import sharp from 'sharp';

/** A QR-like finder square with a "call" arrow: the app's mark. */
function mark(fg: string, bg: string | null): string {
  const back = bg ? `<rect width="64" height="64" rx="14" fill="${bg}"/>` : '';
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64">${back}
    <g fill="none" stroke="${fg}" stroke-width="5"><rect x="9" y="9" width="20" height="20" rx="3"/><rect x="35" y="9" width="20" height="20" rx="3"/><rect x="9" y="35" width="20" height="20" rx="3"/></g>
    <g fill="${fg}"><rect x="16" y="16" width="6" height="6"/><rect x="42" y="16" width="6" height="6"/><rect x="16" y="42" width="6" height="6"/>
    <path d="M37 46h10v-6l9 9-9 9v-6H37z"/></g></svg>`;
}

function render(svg: string, size: number): Promise<Buffer> {
  return sharp(Buffer.from(svg)).resize(size, size).png().toBuffer();
}

async function png(svg: string, size: number, path: string): Promise<void> {
  await writeFile(path, await render(svg, size));
}

/** A Windows .ico holding PNG images (supported since Vista): header, directory, then the PNGs. */
function ico(images: { size: number; data: Buffer }[]): Buffer {
  const header = Buffer.alloc(6);
  header.writeUInt16LE(0, 0);
  header.writeUInt16LE(1, 2);
  header.writeUInt16LE(images.length, 4);
  let offset = 6 + 16 * images.length;
  const entries = images.map(({ size, data }) => {
    const entry = Buffer.alloc(16);
    entry.writeUInt8(size >= 256 ? 0 : size, 0);
    entry.writeUInt8(size >= 256 ? 0 : size, 1);
    entry.writeUInt16LE(1, 4); // colour planes
    entry.writeUInt16LE(32, 6); // bits per pixel
    entry.writeUInt32LE(data.length, 8);
    entry.writeUInt32LE(offset, 12);
    offset += data.length;
    return entry;
  });
  return Buffer.concat([header, ...entries, ...images.map((i) => i.data)]);
}

await mkdir('build/tray', { recursive: true });
await png(mark('#ffffff', '#1f6feb'), 1024, 'build/icon.png');
// macOS template images: black + alpha, the system tints them for light and dark menu bars.
await png(mark('#000000', null), 16, 'build/tray/trayTemplate.png');
await png(mark('#000000', null), 32, 'build/tray/trayTemplate@2x.png');
// Windows / Linux: a dark glyph for light panels and a light glyph for dark panels.
for (const [name, colour] of [
  ['tray-dark', '#1b1f24'],
  ['tray-light', '#f0f3f6'],
] as const) {
  await png(mark(colour, null), 16, `build/tray/${name}.png`);
  await png(mark(colour, null), 32, `build/tray/${name}@2x.png`);
  // Windows trays pick the size they need from one .ico (16, 20, 24, 32 px at 100–200% scaling).
  const sizes = [16, 20, 24, 32, 48];
  await writeFile(
    `build/tray/${name}.ico`,
    ico(await Promise.all(sizes.map(async (size) => ({ size, data: await render(mark(colour, null), size) })))),
  );
}
console.log('icons written to build/');
