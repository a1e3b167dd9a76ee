/**
 * The CLI's image loader picks its decoder from a file's first bytes: PNG through cli/load-png.ts
 * (Node's zlib), without loading sharp (~100 ms of the CLI's start-up), everything else through
 * sharp. Both paths give the same pixels — every PNG colour type, depth and filter is compared
 * with libvips — so the same codes; a broken PNG is refused with the same reason as before.
 */
import { symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { crc32 } from 'node:zlib';
import sharp from 'sharp';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { ImageLoadError, loadImageFile } from '../../cli/load-image';
import { decodeQrCodes } from '../../shared/decode/index';
import { pngClaiming, pngOf, qrPng, tempDir } from '../helpers/qr-images';

const sharpCalls = vi.hoisted(() => ({ count: 0 }));
vi.mock('sharp', async (importOriginal) => {
  const { default: real } = await importOriginal<{ default: typeof sharp }>();
  const counted = new Proxy(real, {
    apply: (target, self, args) => {
      sharpCalls.count++;
      const instance: unknown = Reflect.apply(target, self, args);
      return instance;
    },
  });
  return { default: counted };
});

const dir = tempDir('qrri-load-image-');
const TEXT = 'sip:+99111253020382685';

function write(name: string, bytes: Buffer): string {
  const path = join(dir, name);
  writeFileSync(path, bytes);
  return path;
}

/** The RGBA pixels sharp gives for `bytes` (as the loader reads every format but PNG). */
async function sharpPixels(bytes: Buffer): Promise<Buffer> {
  return sharp(bytes).toColourspace('srgb').ensureAlpha().raw({ depth: 'uchar' }).toBuffer();
}

/** `png` with its image data re-cut into `parts` IDAT chunks, of which only the first `keep` are written (then IEND). */
function splitImageData(png: Buffer, parts: number, keep: number): Buffer {
  const idat: Buffer[] = [];
  let offset = 8;
  let firstIdat = 0;
  while (png.toString('latin1', offset + 4, offset + 8) !== 'IEND') {
    const length = png.readUInt32BE(offset);
    if (png.toString('latin1', offset + 4, offset + 8) === 'IDAT') {
      firstIdat ||= offset;
      idat.push(png.subarray(offset + 8, offset + 8 + length));
    }
    offset += 12 + length;
  }
  const data = Buffer.concat(idat);
  const size = Math.ceil(data.length / parts);
  const chunks = Array.from({ length: keep }, (_, k) => {
    const body = Buffer.concat([Buffer.from('IDAT', 'latin1'), data.subarray(k * size, (k + 1) * size)]);
    const chunk = Buffer.alloc(body.length + 8);
    chunk.writeUInt32BE(body.length - 4, 0);
    body.copy(chunk, 4);
    chunk.writeUInt32BE(crc32(body), body.length + 4);
    return chunk;
  });
  return Buffer.concat([png.subarray(0, firstIdat), ...chunks, png.subarray(offset)]);
}

async function refusal(path: string): Promise<string> {
  const error = await loadImageFile(path).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ImageLoadError);
  return (error as Error).message;
}

beforeEach(() => {
  sharpCalls.count = 0;
});

describe('PNG without sharp', () => {
  it.each([
    ['RGBA (qrcode)', (png: Buffer) => Promise.resolve(png)],
    ['palette', (png: Buffer) => sharp(png).png({ palette: true }).toBuffer()],
    ['grey', (png: Buffer) => sharp(png).toColourspace('b-w').png().toBuffer()],
    ['grey + alpha', (png: Buffer) => sharp(png).toColourspace('b-w').ensureAlpha(0.5).png().toBuffer()],
    ['RGB', (png: Buffer) => sharp(png).removeAlpha().png().toBuffer()],
  ])('reads a %s PNG to the pixels sharp gives, without calling sharp', async (_name, convert) => {
    const bytes = await convert(await qrPng(TEXT));
    const expected = await sharpPixels(bytes);
    sharpCalls.count = 0;
    const image = await loadImageFile(write(`variant-${_name.replace(/\W+/gu, '-')}.png`, bytes));
    expect(sharpCalls.count).toBe(0);
    expect(image.format).toBe('png');
    expect(Buffer.from(image.data.buffer, image.data.byteOffset, image.data.length).equals(expected)).toBe(true);
    expect(decodeQrCodes(image).map((c) => c.text)).toEqual([TEXT]);
  });

  /** Rows of pseudo-random samples (every bit pattern turns up), `stride` bytes each. */
  function noise(stride: number, height: number, seed: number): Buffer[] {
    let state = seed;
    return Array.from({ length: height }, () =>
      Buffer.from(Array.from({ length: stride }, () => (state = (state * 1103515245 + 12345) >>> 0) >>> 24)),
    );
  }
  const WIDTH = 13; // an odd width leaves part of the last byte of a row unused at 1, 2 and 4 bits
  const LAYOUTS: [string, number, number, number][] = [
    ['grey', 0, 1, 1],
    ['grey', 0, 2, 1],
    ['grey', 0, 4, 1],
    ['grey', 0, 8, 1],
    ['grey', 0, 16, 1],
    ['RGB', 2, 8, 3],
    ['RGB', 2, 16, 3],
    ['palette', 3, 1, 1],
    ['palette', 3, 2, 1],
    ['palette', 3, 4, 1],
    ['palette', 3, 8, 1],
    ['grey + alpha', 4, 8, 2],
    ['grey + alpha', 4, 16, 2],
    ['RGBA', 6, 8, 4],
    ['RGBA', 6, 16, 4],
  ];
  it.each(LAYOUTS)(
    'reads %s (colour type %i) at %i bits with every filter to the pixels libvips gives',
    async (name, colourType, depth, channels) => {
      const rows = noise((WIDTH * channels * depth + 7) >> 3, 40, colourType * 100 + depth);
      // A palette of every index the depth allows, some entries translucent.
      const entries = 1 << depth;
      const extra: [string, Buffer][] =
        colourType === 3
          ? [
              ['PLTE', Buffer.from(Array.from({ length: entries * 3 }, (_, i) => (i * 67 + 13) & 255))],
              ['tRNS', Buffer.from(Array.from({ length: Math.min(entries, 5) }, (_, i) => i * 60))],
            ]
          : [];
      const bytes = pngOf({ width: WIDTH, depth, colourType, rows, extra });
      const image = await loadImageFile(write(`layout-${colourType}-${depth}.png`, bytes));
      expect(sharpCalls.count).toBe(0);
      expect(Buffer.from(image.data.buffer, image.data.byteOffset, image.data.length).equals(await sharpPixels(bytes)), name).toBe(true);
    },
  );

  it.each([
    ['grey', 0, 8, Buffer.from([0, 0x40])],
    ['grey', 0, 2, Buffer.from([0, 1])],
    ['RGB', 2, 8, Buffer.from([0, 0x40, 0, 0x41, 0, 0x42])],
    ['RGB', 2, 16, Buffer.from([0x40, 0x40, 0x41, 0x41, 0x42, 0x42])],
  ])(
    'makes the tRNS colour of a %s image (colour type %i) at %i bits transparent, as libvips does',
    async (_name, colourType, depth, key) => {
      const channels = colourType === 2 ? 3 : 1;
      const rows = noise((WIDTH * channels * depth + 7) >> 3, 6, 7);
      // Pixels 0 and 1 of every row take the key's samples (at 8 bits and more).
      if (depth >= 8)
        for (const row of rows)
          for (let i = 0; i < 2 * channels; i++) row[i] = key[depth === 16 ? i % (2 * channels) : (2 * i + 1) % key.length] as number;
      const bytes = pngOf({ width: WIDTH, depth, colourType, rows, extra: [['tRNS', key]] });
      const image = await loadImageFile(write(`key-${colourType}-${depth}.png`, bytes));
      const alphas = Array.from({ length: WIDTH * rows.length }, (_, i) => image.data[i * 4 + 3]);
      expect(alphas).toContain(0);
      expect(Buffer.from(image.data.buffer, image.data.byteOffset, image.data.length).equals(await sharpPixels(bytes))).toBe(true);
    },
  );

  it('reads palette indices past the end of the palette as opaque black, as libvips does', async () => {
    const rows = [Buffer.from([0, 1, 2, 200]), Buffer.from([1, 0, 255, 3])];
    const bytes = pngOf({ width: 4, depth: 8, colourType: 3, rows, extra: [['PLTE', Buffer.from([10, 20, 30, 40, 50, 60])]] });
    const image = await loadImageFile(write('short-palette.png', bytes));
    expect(Array.from(image.data.subarray(8, 16))).toEqual([0, 0, 0, 255, 0, 0, 0, 255]);
    expect(Buffer.from(image.data.buffer, image.data.byteOffset, image.data.length).equals(await sharpPixels(bytes))).toBe(true);
  });

  it('reads the PNG and the JPEG of one code to the same code, only the JPEG through sharp', async () => {
    const png = await qrPng(TEXT);
    const jpeg = await sharp(png).jpeg({ quality: 90 }).toBuffer();
    sharpCalls.count = 0;
    const fromPng = await loadImageFile(write('code.png', png));
    expect(sharpCalls.count).toBe(0);
    const fromJpeg = await loadImageFile(write('code.jpg', jpeg));
    expect(sharpCalls.count).toBeGreaterThan(0);
    expect([fromPng.format, fromJpeg.format]).toEqual(['png', 'jpeg']);
    expect([fromPng.width, fromPng.height]).toEqual([fromJpeg.width, fromJpeg.height]);
    expect(decodeQrCodes(fromPng).map((c) => c.text)).toEqual([TEXT]);
    expect(decodeQrCodes(fromJpeg).map((c) => c.text)).toEqual([TEXT]);
  });

  it('goes by the bytes, not the name: a PNG named .jpg and a JPEG named .png', async () => {
    const png = await qrPng(TEXT);
    const jpeg = await sharp(png).jpeg().toBuffer();
    expect((await loadImageFile(write('really-png.jpg', png))).format).toBe('png');
    expect((await loadImageFile(write('really-jpeg.png', jpeg))).format).toBe('jpeg');
  });

  it('reads an interlaced PNG through sharp', async () => {
    const bytes = await sharp(await qrPng(TEXT))
      .png({ progressive: true })
      .toBuffer();
    const expected = await sharpPixels(bytes);
    const image = await loadImageFile(write('interlaced.png', bytes));
    expect(Buffer.from(image.data.buffer, image.data.byteOffset, image.data.length).equals(expected)).toBe(true);
  });

  it('refuses a decompression bomb from its header, before inflating anything', async () => {
    expect(await refusal(write('bomb.png', pngClaiming(30_000, 30_000)))).toMatch(/30000×30000 pixels; the limit is 50 megapixels$/u);
    expect(sharpCalls.count).toBe(0);
  });

  it('accepts a bad checksum alone, as libvips does', async () => {
    const bytes = Buffer.from(await qrPng(TEXT));
    const idat = bytes.indexOf('IDAT');
    const crcAt = idat + 4 + bytes.readUInt32BE(idat - 4);
    bytes.writeUInt8(bytes.readUInt8(crcAt) ^ 0xff, crcAt);
    expect(decodeQrCodes(await loadImageFile(write('bad-crc.png', bytes))).map((c) => c.text)).toEqual([TEXT]);
  });
});

describe('corrupt PNG', () => {
  it.each([
    [
      'scrambled image data',
      (png: Buffer) => {
        const bytes = Buffer.from(png);
        const idat = bytes.indexOf('IDAT');
        for (let k = idat + 10; k < idat + 60; k++) bytes[k] = (k * 37) & 255;
        return bytes;
      },
    ],
    ['a file cut in the middle of its image data', (png: Buffer) => png.subarray(0, Math.floor(png.length / 2))],
    // A lenient reader returns this one with its missing rows black.
    ['a file cut between two image data chunks', (png: Buffer) => splitImageData(png, 4, 2)],
    [
      'a header wider than its image data',
      (png: Buffer) => {
        const bytes = Buffer.from(png);
        bytes.writeUInt32BE(bytes.readUInt32BE(16) + 5, 16);
        return bytes;
      },
    ],
  ])('refuses %s as corrupt or truncated, without calling sharp', async (name, damage) => {
    const path = write(`${name.replace(/\W+/gu, '-')}.png`, damage(await qrPng(TEXT)));
    expect(await refusal(path)).toBe(`${path}: image data is corrupt or truncated`);
    expect(sharpCalls.count).toBe(0);
  });

  it('says why a path cannot be read (a loop of links) instead of failing with a system error', async () => {
    const [a, b] = [join(dir, 'loop-a.png'), join(dir, 'loop-b.png')];
    symlinkSync(b, a);
    symlinkSync(a, b);
    expect(await refusal(a)).toBe(`${a}: the file cannot be read (ELOOP); check the path and the file's permissions`);
    expect(await refusal(join(dir, 'missing.png'))).toBe(`${join(dir, 'missing.png')}: no such file`);
  });

  it('calls a PNG header without image data not an image, as before', async () => {
    const path = write('header-only.png', (await qrPng(TEXT)).subarray(0, 40));
    expect(await refusal(path)).toBe(`${path}: not an image (PNG, JPEG, WebP, GIF or BMP expected)`);
  });

  it('still reads a PNG whose image data comes in several chunks', async () => {
    const image = await loadImageFile(write('chunks.png', splitImageData(await qrPng(TEXT), 4, 4)));
    expect(decodeQrCodes(image).map((c) => c.text)).toEqual([TEXT]);
  });
});
