/**
 * Writes the committed photo set (tests/fixtures/photo/): synthetic photographs from photo.ts,
 * a development part and a held-out part from different seeds, JPEG at quality 50–80, with
 * their ground truth in manifest.json. The benchmark's "photo" group and the decode tests read
 * the files; run `npx tsx bench/photo-fixtures.ts` only after changing the generator.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import sharp from 'sharp';
import { PHOTO_KINDS, renderPhoto, type PhotoKind } from './photo';
import { Rng } from './rng';
import type { TruthCode } from './screen';

export const PHOTO_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', 'tests', 'fixtures', 'photo');

export interface PhotoFixture {
  /** Relative to PHOTO_DIR. */
  file: string;
  set: 'dev' | 'heldout';
  kind: PhotoKind;
  width: number;
  height: number;
  codes: TruthCode[];
  tags: Record<string, string | number>;
}

/** Photos per kind in the development part; the held-out part has half as many. */
const DEV_COUNTS: Record<PhotoKind, number> = {
  small: 14,
  perspective: 10,
  curved: 10,
  'motion-blur': 8,
  'low-contrast': 8,
  damaged: 8,
  'no-code': 4,
};
const SEEDS = { dev: 1101, heldout: 1102 } as const;

async function writeSet(set: 'dev' | 'heldout'): Promise<PhotoFixture[]> {
  const root = new Rng(SEEDS[set]);
  const out: PhotoFixture[] = [];
  mkdirSync(join(PHOTO_DIR, set), { recursive: true });
  for (const [k, kind] of PHOTO_KINDS.entries()) {
    const kindRng = root.fork(k);
    const count = set === 'dev' ? DEV_COUNTS[kind] : Math.ceil(DEV_COUNTS[kind] / 2);
    for (let i = 0; i < count; i++) {
      const photo = renderPhoto(kindRng.fork(i), kind);
      const { canvas } = photo;
      let image = sharp(Buffer.from(canvas.toRgba().buffer), { raw: { width: canvas.width, height: canvas.height, channels: 4 } });
      if (photo.downscaleTo)
        image = sharp(
          await image.resize(photo.downscaleTo.width, photo.downscaleTo.height, { fit: 'fill', kernel: 'lanczos3' }).png().toBuffer(),
        );
      const file = `${set}/${kind}-${String(i).padStart(2, '0')}.jpg`;
      const info = await image.removeAlpha().jpeg({ quality: photo.jpeg }).toFile(join(PHOTO_DIR, file));
      const codes = photo.codes.map((c) => ({
        ...c,
        corners: c.corners.map(([x, y]) => [Number(x.toFixed(2)), Number(y.toFixed(2))] as [number, number]),
      }));
      out.push({ file, set, kind, width: info.width, height: info.height, codes, tags: { ...photo.tags, jpeg: photo.jpeg } });
    }
  }
  return out;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  rmSync(PHOTO_DIR, { recursive: true, force: true });
  const started = Date.now();
  const fixtures = [...(await writeSet('dev')), ...(await writeSet('heldout'))];
  writeFileSync(join(PHOTO_DIR, 'manifest.json'), `${JSON.stringify(fixtures, null, 1)}\n`);
  console.log(`wrote ${fixtures.length} photos to ${PHOTO_DIR} in ${((Date.now() - started) / 1000).toFixed(0)} s`);
}
