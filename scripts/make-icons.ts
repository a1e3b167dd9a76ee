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

async function png(svg: string, size: number, path: string): Promise<void> {
  await writeFile(path, await sharp(Buffer.from(svg)).resize(size, size).png().toBuffer());
}

await mkdir('build/tray', { recursive: true });
await png(mark('#ffffff', '#1f6feb'), 1024, 'build/icon.png');
// macOS template images: black + alpha, the system tints them for light and dark menu bars.
await png(mark('#000000', null), 16, 'build/tray/trayTemplate.png');
await png(mark('#000000', null), 32, 'build/tray/trayTemplate@2x.png');
// Windows / Linux: a dark glyph for light panels and a light glyph for dark panels.
for (const [name, colour] of [['tray-dark', '#1b1f24'], ['tray-light', '#f0f3f6']] as const) {
  await png(mark(colour, null), 16, `build/tray/${name}.png`);
  await png(mark(colour, null), 32, `build/tray/${name}@2x.png`);
}
console.log('icons written to build/');
