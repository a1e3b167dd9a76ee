/**
 * Writes the small committed fixture set for tests/shared/decode-pipeline.test.ts: one image per
 * benchmark category, small (a 1280×720 screenshot, 480×360 camera frames), rendered by the
 * corpus generators with fixed seeds, plus their ground truth. Run `npx tsx bench/fixtures.ts`
 * after changing the generators; the tests only read the files.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import sharp from 'sharp';
import { renderCamera, type CameraSpec } from './camera';
import type { Canvas } from './raster';
import { Rng } from './rng';
import { renderScreen, type TruthCode } from './screen';

const OUT = join(dirname(fileURLToPath(import.meta.url)), '..', 'tests', 'fixtures', 'decode');

interface Fixture {
  name: string;
  category: string;
  seed: number;
  jpeg: number;
  render(rng: Rng): { canvas: Canvas; codes: TruthCode[] };
}

const camera = (spec: Partial<CameraSpec>) => (rng: Rng) =>
  renderCamera(rng, {
    width: 480,
    height: 360,
    code: true,
    tilt: 8,
    roll: 12,
    blur: 0.12,
    noise: 3,
    light: 0.9,
    glare: 0,
    inverted: false,
    ...spec,
  });

const FIXTURES: Fixture[] = [
  {
    name: 'screen-light',
    category: 'screen',
    seed: 11,
    jpeg: 0,
    render: (rng) => renderScreen(rng, { width: 1280, height: 720, scale: 1.25, codes: 2, dark: false }),
  },
  {
    name: 'screen-dark',
    category: 'screen',
    seed: 12,
    jpeg: 0,
    render: (rng) => renderScreen(rng, { width: 1280, height: 720, scale: 1, codes: 3, dark: true }),
  },
  {
    name: 'screen-none',
    category: 'screen, no code',
    seed: 13,
    jpeg: 0,
    render: (rng) => renderScreen(rng, { width: 1280, height: 720, scale: 1.25, codes: 0, dark: true }),
  },
  { name: 'camera-perspective', category: 'camera perspective', seed: 21, jpeg: 75, render: camera({ tilt: 25 }) },
  { name: 'camera-blur', category: 'camera blur', seed: 22, jpeg: 75, render: camera({ blur: 0.35 }) },
  { name: 'camera-noise', category: 'camera noise', seed: 23, jpeg: 75, render: camera({ noise: 18 }) },
  { name: 'camera-light', category: 'camera uneven light', seed: 24, jpeg: 75, render: camera({ light: 0.3 }) },
  { name: 'camera-glare', category: 'camera glare', seed: 25, jpeg: 75, render: camera({ glare: 0.9 }) },
  { name: 'camera-rotation', category: 'camera rotation', seed: 26, jpeg: 75, render: camera({ roll: 180 }) },
  { name: 'camera-inverted', category: 'camera inverted', seed: 27, jpeg: 75, render: camera({ inverted: true }) },
  { name: 'camera-none', category: 'camera, no code', seed: 28, jpeg: 70, render: camera({ code: false }) },
];

mkdirSync(OUT, { recursive: true });
const manifest: { file: string; category: string; codes: TruthCode[] }[] = [];
for (const f of FIXTURES) {
  const { canvas, codes } = f.render(new Rng(f.seed));
  const raw = sharp(Buffer.from(canvas.toRgba().buffer), { raw: { width: canvas.width, height: canvas.height, channels: 4 } });
  const file = `${f.name}.${f.jpeg ? 'jpg' : 'png'}`;
  await (f.jpeg ? raw.jpeg({ quality: f.jpeg }) : raw.png({ compressionLevel: 9, palette: true })).toFile(join(OUT, file));
  manifest.push({
    file,
    category: f.category,
    codes: codes.map((c) => ({ ...c, corners: c.corners.map(([x, y]) => [Number(x.toFixed(2)), Number(y.toFixed(2))]) })),
  });
}
writeFileSync(join(OUT, 'manifest.json'), `${JSON.stringify(manifest, null, 1)}\n`);
console.log(`wrote ${manifest.length} fixtures to ${OUT}`);
