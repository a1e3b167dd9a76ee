/**
 * The benchmark corpus: seeded, so every machine generates the same images; written once into
 * bench/.corpus/ (gitignored) with a manifest of the ground truth, and reused while the generator
 * version and seed are unchanged. `npx tsx bench/corpus.ts` (re)generates it on its own.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import sharp from 'sharp';
import { renderCamera, type CameraSpec } from './camera';
import type { Canvas } from './raster';
import { Rng } from './rng';
import { renderScreen, type TruthCode } from './screen';

/** Bump when the generator changes what it draws, so cached corpora are regenerated. */
const GENERATOR_VERSION = 4;
/** The corpus `npm run bench` uses; `--seed N` builds another (in .corpus/seed-N) as a held-out check. */
export const DEFAULT_SEED = 20240604;

const CACHE = join(dirname(fileURLToPath(import.meta.url)), '.corpus');

export function corpusDir(seed: number): string {
  return seed === DEFAULT_SEED ? CACHE : join(CACHE, `seed-${seed}`);
}

export interface CorpusImage {
  /** Absolute path once loaded (relative to the corpus folder in the manifest). */
  file: string;
  category: string;
  kind: 'screen' | 'camera';
  width: number;
  height: number;
  codes: TruthCode[];
  tags: Record<string, string | number>;
}

interface Manifest {
  generator: number;
  seed: number;
  images: CorpusImage[];
}

interface CategoryDef {
  name: string;
  kind: 'screen' | 'camera';
  count: number;
  render(rng: Rng): { canvas: Canvas; codes: TruthCode[]; tags: Record<string, string | number> };
}

const screen = (name: string, width: number, height: number, scales: number[], codes: number[], count: number): CategoryDef => ({
  name,
  kind: 'screen',
  count,
  render: (rng) => renderScreen(rng, { width, height, scale: rng.pick(scales), codes: rng.pick(codes), dark: rng.chance(0.5) }),
});

const camera = (name: string, count: number, vary: (rng: Rng) => Partial<CameraSpec>): CategoryDef => ({
  name,
  kind: 'camera',
  count,
  render: (rng) => {
    const [width, height] = rng.pick([
      [1280, 720],
      [1280, 720],
      [1280, 720],
      [1920, 1080],
      [1920, 1080],
      [640, 480],
    ] as const);
    // Every camera frame is a little tilted, turned, soft, noisy and unevenly lit; each category
    // then pushes one of these (or all, for "mixed") to the range the issue names.
    const base: CameraSpec = { width, height, code: true, tilt: 8, roll: 12, blur: 0.12, noise: 3, light: 0.9, glare: 0, inverted: false };
    return renderCamera(rng, { ...base, ...vary(rng) });
  },
});

export const CATEGORIES: CategoryDef[] = [
  screen('screen 1080p', 1920, 1080, [1, 1.25, 1.5], [1, 2, 2, 3, 3], 24),
  screen('screen 1440p', 2560, 1440, [1.25, 1.5], [1, 2, 2, 3, 3], 20),
  screen('screen 4K', 3840, 2160, [1.25, 1.5], [1, 2, 2, 3, 3], 24),
  screen('screen 1080p, no code', 1920, 1080, [1, 1.25, 1.5], [0], 12),
  screen('screen 4K, no code', 3840, 2160, [1.25, 1.5], [0], 12),
  camera('camera perspective ±25°', 30, () => ({ tilt: 25 })),
  camera('camera blur', 30, (rng) => ({ blur: rng.range(0.2, 0.45) })),
  camera('camera noise', 30, (rng) => ({ noise: rng.range(8, 24) })),
  camera('camera uneven light', 30, (rng) => ({ light: rng.range(0.2, 0.45) })),
  camera('camera glare', 30, (rng) => ({ glare: rng.range(0.6, 0.95) })),
  camera('camera rotation', 30, () => ({ roll: 180 })),
  camera('camera inverted', 30, () => ({ inverted: true })),
  camera('camera mixed', 30, (rng) => ({
    tilt: 20,
    roll: 180,
    blur: rng.range(0.1, 0.3),
    noise: rng.range(3, 14),
    light: rng.range(0.4, 1),
    glare: rng.chance(0.4) ? rng.range(0.4, 0.8) : 0,
    inverted: rng.chance(0.2),
  })),
  camera('camera, no code', 20, () => ({ code: false })),
];

const slug = (name: string): string =>
  name
    .replace(/[^a-z0-9]+/gi, '-')
    .replace(/^-|-$/g, '')
    .toLowerCase();

/** Generates the corpus unless an up-to-date one is cached; returns its manifest. */
export async function loadCorpus(log: (line: string) => void = () => {}, seed = DEFAULT_SEED): Promise<CorpusImage[]> {
  const dir = corpusDir(seed);
  const manifestPath = join(dir, 'manifest.json');
  if (existsSync(manifestPath)) {
    const cached = JSON.parse(readFileSync(manifestPath, 'utf8')) as Manifest;
    if (cached.generator === GENERATOR_VERSION && cached.seed === seed)
      return cached.images.map((image) => ({ ...image, file: join(dir, image.file) }));
  }
  for (const entry of existsSync(dir) ? readdirSync(dir) : [])
    if (!entry.startsWith('seed-')) rmSync(join(dir, entry), { recursive: true, force: true });
  const images: CorpusImage[] = [];
  const root = new Rng(seed);
  for (const [c, category] of CATEGORIES.entries()) {
    const started = Date.now();
    const catRng = root.fork(c);
    for (let i = 0; i < category.count; i++) {
      const rng = catRng.fork(i);
      const { canvas, codes, tags } = category.render(rng);
      // Half the screenshots and all camera frames are JPEG, as they reach the app.
      const jpeg = category.kind === 'camera' || rng.chance(0.5) ? rng.int(category.kind === 'camera' ? 75 : 70, 92) : 0;
      const file = `${slug(category.name)}/${String(i).padStart(3, '0')}.${jpeg ? 'jpg' : 'png'}`;
      mkdirSync(dirname(join(dir, file)), { recursive: true });
      const raw = sharp(Buffer.from(canvas.toRgba().buffer), { raw: { width: canvas.width, height: canvas.height, channels: 4 } });
      await (jpeg ? raw.jpeg({ quality: jpeg }) : raw.png({ compressionLevel: 3 })).toFile(join(dir, file));
      images.push({
        file,
        category: category.name,
        kind: category.kind,
        width: canvas.width,
        height: canvas.height,
        codes,
        tags: { ...tags, jpeg },
      });
    }
    log(`corpus: ${category.name}: ${category.count} images in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  }
  const manifest: Manifest = { generator: GENERATOR_VERSION, seed, images };
  writeFileSync(manifestPath, JSON.stringify(manifest, null, 1));
  return images.map((image) => ({ ...image, file: join(dir, image.file) }));
}

/** An image of the corpus as RGBA, the way the app's decoder receives frames. */
export async function readRgba(image: CorpusImage): Promise<{ data: Uint8ClampedArray; width: number; height: number }> {
  const { data, info } = await sharp(image.file).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
  return { data: new Uint8ClampedArray(data.buffer, data.byteOffset, data.length), width: info.width, height: info.height };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const seed = Number(process.argv[2] ?? DEFAULT_SEED);
  const images = await loadCorpus(console.log, seed);
  console.log(`corpus: ${images.length} images in ${corpusDir(seed)}`);
}
