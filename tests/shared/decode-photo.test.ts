/**
 * The fallback chain of decodeQrCodes on the committed photo set (tests/fixtures/photo, made by
 * bench/photo-fixtures.ts): one test per failure kind of issue 11, each on development photos
 * the locator alone did not read, upright and turned; no wrong text anywhere in the set; the
 * chain's extra steps only with tryHarder and within the budget. Correctness only: timing
 * belongs to `npm run bench`.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { decodeQrCodes, type RgbaImage } from '../../shared/decode/index';
import { PHOTO_KINDS, renderPhoto, type Photo as RenderedPhoto, type PhotoKind } from '../../bench/photo';
import { Rng } from '../../bench/rng';
import { qrPng } from '../helpers/qr-images';

const PHOTOS = join(import.meta.dirname, '..', 'fixtures', 'photo');

interface Photo {
  file: string;
  set: 'dev' | 'heldout';
  kind: string;
  codes: { text: string }[];
}

const manifest = JSON.parse(readFileSync(join(PHOTOS, 'manifest.json'), 'utf8')) as Photo[];
const photo = (file: string): Photo => manifest.find((m) => m.file === file) as Photo;

async function rgba(file: string): Promise<RgbaImage & { data: Uint8ClampedArray }> {
  const { data, info } = await sharp(join(PHOTOS, file)).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
  return { data: Uint8ClampedArray.from(data), width: info.width, height: info.height };
}

/** `image` turned clockwise by a quarter turn. */
function quarterTurn({ data, width: w, height: h }: RgbaImage): RgbaImage {
  const src = new Uint32Array(data.buffer, data.byteOffset, w * h);
  const out = new Uint32Array(w * h);
  for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) out[x * h + (h - 1 - y)] = src[y * w + x] as number;
  return { data: new Uint8ClampedArray(out.buffer), width: h, height: w };
}

/** Photo `index` of `kind` from another seed, drawn as bench/photo-fixtures.ts draws its sets (each fork takes a number from its parent). */
function freshPhoto(kind: PhotoKind, index: number): RenderedPhoto {
  const root = new Rng(1103);
  let kindRng = root.fork(0);
  for (let k = 1; k <= PHOTO_KINDS.indexOf(kind); k++) kindRng = root.fork(k);
  for (let i = 0; i < index; i++) kindRng.fork(i);
  return renderPhoto(kindRng.fork(index), kind);
}

/**
 * Development photos of each failure kind that the locator alone (before the chain) did not read,
 * each read upright and turned by 90°, 180° and 270°. (dev/perspective-07 is read only at some
 * rotations: jsqr on the candidate's box depends on the orientation; not listed.)
 */
const KINDS: [string, string[]][] = [
  // A 164 px thumbnail with 3 px modules and a 2-module quiet zone: one finder pattern lost.
  ['small image', ['dev/small-09.jpg']],
  // Pages at 35–45°: the near finder pattern measures twice the far one; read through loose triples and jsqr on the box.
  ['strong perspective (jsqr on the candidate box reads what the grid does not)', ['dev/perspective-01.jpg', 'dev/perspective-06.jpg']],
  // Version-1 codes (no alignment pattern): one at 33°/34° of tilt (the far finder's modules 0.7×
  // the near ones'), one a 55 px thumbnail of 2 px modules (read doubled). The grid's fourth
  // corner is where the finder patterns' outer edges meet, found in each pattern's own module size.
  ['strong perspective read by the grid (fourth corner from the finder edges)', ['dev/perspective-09.jpg', 'dev/small-08.jpg']],
  // A page at 41°: its far finder patterns are much narrower one way than the other. The
  // cross-check refused a pattern over 1.6× as tall as wide but not one 2.5× as wide as tall, so
  // they were found at 0° and 180° only; it now allows 2.5× either way.
  ['finder patterns foreshortened along the scanned rows', ['dev/perspective-00.jpg']],
  // A sticker on a bottle: module positions traced along the timing lines.
  ['curved surface', ['dev/curved-02.jpg']],
];

describe('the decode chain on photographs', () => {
  it.each(KINDS)('%s', async (_kind, files) => {
    for (const file of files) {
      let image: RgbaImage = await rgba(file);
      const truth = photo(file).codes.map((c) => c.text);
      for (let turn = 0; turn < 4; turn++) {
        expect({ file, turn, texts: decodeQrCodes(image).map((c) => c.text) }).toEqual({ file, turn, texts: truth });
        image = quarterTurn(image);
      }
    }
  });

  it('reads a page at 40° whose finder patterns measure far under the module of its timing lines', async () => {
    // A fresh photo (seed 1103, in neither committed part), as the fixtures are made: foreshortening
    // makes the finder patterns' runs 0.65–0.7× the module along both timing lines, so neither
    // alternates as often as their size predicts; looked at again at the size their transitions
    // imply, they do.
    const photo = freshPhoto('perspective', 1);
    const { width, height } = photo.canvas;
    const jpeg = await sharp(Buffer.from(photo.canvas.toRgba().buffer), { raw: { width, height, channels: 4 } })
      .removeAlpha()
      .jpeg({ quality: photo.jpeg })
      .toBuffer();
    const { data, info } = await sharp(jpeg).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
    let image: RgbaImage = { data: Uint8ClampedArray.from(data), width: info.width, height: info.height };
    for (let turn = 0; turn < 4; turn++) {
      expect({ turn, texts: decodeQrCodes(image).map((c) => c.text) }).toEqual({ turn, texts: photo.codes.map((c) => c.text) });
      image = quarterTurn(image);
    }
  });

  it('reports no wrong text on any photo, development or held-out', async () => {
    let read = 0;
    for (const m of manifest) {
      const texts = decodeQrCodes(await rgba(m.file)).map((c) => c.text);
      expect({ file: m.file, wrong: texts.filter((t) => !m.codes.some((c) => c.text === t)) }).toEqual({ file: m.file, wrong: [] });
      if (texts.length > 0) read++;
    }
    // The chain reads most of the set (a floor, not a benchmark: npm run bench has the numbers).
    expect(read).toBeGreaterThan(manifest.filter((m) => m.codes.length > 0).length * 0.8);
  });

  it('reads a faded, defocused print whose ink and paper are 25 grey levels apart', async () => {
    // Blocks across a finder ring then span under 24 levels: with a fixed flatness limit they took
    // one colour as a whole and the rings vanished; the limit now follows the level's noise.
    const text = 'https://meeting.huaweicloud.com/#/j/914083136';
    const { data, info } = await sharp(await qrPng(text, 6))
      .linear(25 / 255, 110)
      .blur(2)
      .extend({ top: 40, bottom: 40, left: 120, right: 120, background: { r: 135, g: 135, b: 135 } })
      .ensureAlpha()
      .raw()
      .toBuffer({ resolveWithObject: true });
    const image = { data: new Uint8ClampedArray(data.buffer, data.byteOffset, data.length), width: info.width, height: info.height };
    expect(decodeQrCodes(image).map((c) => c.text)).toEqual([text]);
  });

  it('runs the extra steps only with tryHarder and before the deadline', async () => {
    for (const file of ['dev/small-09.jpg', 'dev/perspective-00.jpg']) {
      const image = await rgba(file);
      expect(decodeQrCodes(image, { tryHarder: false })).toEqual([]);
      // A deadline already past: the locator's first pass only.
      expect(decodeQrCodes(image, { budgetMs: -1 })).toEqual([]);
      expect(decodeQrCodes(image).map((c) => c.text)).toEqual(photo(file).codes.map((c) => c.text));
    }
  });
});
