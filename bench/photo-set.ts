/**
 * The benchmark's "photo" group: the committed photo fixtures (bench/photo-fixtures.ts) as
 * frames, the development part also turned by 90°, 180° and 270° (the decoder must not depend
 * on the code being upright), with the ground-truth corners turned along.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { PHOTO_DIR, type PhotoFixture } from './photo-fixtures';
import type { TruthCode } from './screen';

export const PHOTO_GROUPS = ['photo dev', 'photo dev 90°', 'photo dev 180°', 'photo dev 270°', 'photo held-out'];

type Rgba = { data: Uint8ClampedArray; width: number; height: number };

export interface BenchPhoto {
  file: string;
  group: string;
  kind: string;
  codes: TruthCode[];
  load: () => Promise<Rgba>;
}

/** `image` turned clockwise by `degrees` (a multiple of 90). */
export function turn(image: Rgba, degrees: number): Rgba {
  const { data, width: w, height: h } = image;
  if (degrees % 360 === 0) return image;
  const quarter = degrees % 180 !== 0;
  const out = new Uint8ClampedArray(data.length);
  const ow = quarter ? h : w;
  const src = new Uint32Array(data.buffer, data.byteOffset, w * h);
  const dst = new Uint32Array(out.buffer);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const [nx, ny] = degrees === 90 ? [h - 1 - y, x] : degrees === 180 ? [w - 1 - x, h - 1 - y] : [y, w - 1 - x];
      dst[ny * ow + nx] = src[y * w + x] as number;
    }
  }
  return { data: out, width: ow, height: quarter ? w : h };
}

/** A point of a w×h image, in the image turned clockwise by `degrees` (continuous coordinates). */
function turnPoint([x, y]: [number, number], w: number, h: number, degrees: number): [number, number] {
  return degrees === 90 ? [h - y, x] : degrees === 180 ? [w - x, h - y] : degrees === 270 ? [y, w - x] : [x, y];
}

async function read(file: string): Promise<Rgba> {
  const { data, info } = await sharp(join(PHOTO_DIR, file)).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
  // A copy at offset 0, so the turn can view it as 32-bit pixels.
  return { data: Uint8ClampedArray.from(data), width: info.width, height: info.height };
}

/** Every photo frame of the group, dev part once per rotation, held-out part upright. */
export function loadPhotoSet(): BenchPhoto[] {
  const manifest = JSON.parse(readFileSync(join(PHOTO_DIR, 'manifest.json'), 'utf8')) as PhotoFixture[];
  const out: BenchPhoto[] = [];
  for (const degrees of [0, 90, 180, 270]) {
    for (const f of manifest.filter((m) => m.set === 'dev')) {
      out.push({
        file: f.file,
        group: degrees === 0 ? 'photo dev' : `photo dev ${degrees}°`,
        kind: f.kind,
        codes: f.codes.map((c) => ({ ...c, corners: c.corners.map((p) => turnPoint(p, f.width, f.height, degrees)) })),
        load: async () => turn(await read(f.file), degrees),
      });
    }
  }
  for (const f of manifest.filter((m) => m.set === 'heldout'))
    out.push({ file: f.file, group: 'photo held-out', kind: f.kind, codes: f.codes, load: () => read(f.file) });
  return out;
}
