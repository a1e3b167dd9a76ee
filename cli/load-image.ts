/**
 * Image files → RGBA for the decoder, under Node (the CLI). load-png.ts reads PNG; sharp reads
 * JPEG, WebP and GIF (first frame), and interlaced PNG; bmp-ts reads BMP, which libvips does not.
 * Limits keep hostile files harmless. Each library is loaded only for a file that needs it:
 * loading sharp (libvips) takes ~100 ms, most of the CLI's start-up, and PNG — screenshots, the
 * usual input — does not need it. The format comes from the file's first bytes, never its name.
 */
import { readFileSync, statSync } from 'node:fs';
import type { decode as bmpDecode } from 'bmp-ts';
import type sharpModule from 'sharp';
import type { RgbaImage } from '../shared/decode/index';
import { decodePng, pngHeader, type PngHeader } from './load-png';

export const MAX_IMAGE_BYTES = 30 * 1024 * 1024;
export const MAX_IMAGE_PIXELS = 50_000_000;
const SHARP_FORMATS = new Set(['png', 'jpeg', 'webp', 'gif']);

/** A file that cannot be turned into pixels; `message` is one line for people. */
export class ImageLoadError extends Error {
  override name = 'ImageLoadError';
}

export async function loadImageFile(path: string): Promise<RgbaImage & { format: string }> {
  const bytes = readImageBytes(path);
  if (bytes.length >= 2 && bytes.toString('latin1', 0, 2) === 'BM') return loadBmp(path, bytes, (await import('bmp-ts')).decode);
  const png = pngHeader(bytes);
  // Interlaced PNGs are rare (and their passes need more than load-png.ts does): libvips reads them.
  if (png && !png.interlaced) return loadPng(path, bytes, png);
  return loadWithSharp(path, bytes, (await import('sharp')).default);
}

/** The file's bytes, or an ImageLoadError saying why not. Synchronous: node:fs is loaded at start, fs/promises is not (~2 ms). */
function readImageBytes(path: string): Buffer {
  try {
    const info = statSync(path, { throwIfNoEntry: false });
    if (!info?.isFile()) throw new ImageLoadError(`${path}: no such file`);
    if (info.size > MAX_IMAGE_BYTES) {
      throw new ImageLoadError(`${path}: file is ${(info.size / 1048576).toFixed(1)} MB; the limit is 30 MB`);
    }
    return readFileSync(path);
  } catch (error) {
    if (error instanceof ImageLoadError) throw error;
    const code = (error as NodeJS.ErrnoException).code ?? String(error);
    throw new ImageLoadError(`${path}: the file cannot be read (${code}); check the path and the file's permissions`);
  }
}

function checkPixels(path: string, width: number, height: number): void {
  if (width * height > MAX_IMAGE_PIXELS) {
    throw new ImageLoadError(`${path}: image is ${width}×${height} pixels; the limit is 50 megapixels`);
  }
}

function loadBmp(path: string, bytes: Buffer, decodeBmp: typeof bmpDecode): RgbaImage & { format: string } {
  if (bytes.length < 26) throw new ImageLoadError(`${path}: truncated BMP file`);
  checkPixels(path, Math.abs(bytes.readInt32LE(18)), Math.abs(bytes.readInt32LE(22)));
  try {
    const bmp = decodeBmp(bytes, { toRGBA: true });
    const data = new Uint8ClampedArray(bmp.data);
    // 24-bit BMPs carry no alpha; the decoder only reads colour anyway, but keep pixels opaque.
    for (let i = 3; i < data.length; i += 4) data[i] = 255;
    return { data, width: bmp.width, height: bmp.height, format: 'bmp' };
  } catch {
    throw new ImageLoadError(`${path}: not a readable BMP image`);
  }
}

function loadPng(path: string, bytes: Buffer, header: PngHeader): RgbaImage & { format: string } {
  checkPixels(path, header.width, header.height);
  try {
    return { data: decodePng(bytes, header), width: header.width, height: header.height, format: 'png' };
  } catch {
    throw new ImageLoadError(`${path}: image data is corrupt or truncated`);
  }
}

async function loadWithSharp(path: string, bytes: Buffer, sharp: typeof sharpModule): Promise<RgbaImage & { format: string }> {
  const options = { limitInputPixels: MAX_IMAGE_PIXELS, pages: 1, failOn: 'truncated' } as const;
  let format: string | undefined;
  try {
    // Only the header is read here, so no pixel limit: the dimensions are checked just below.
    const meta = await sharp(bytes, { ...options, limitInputPixels: false }).metadata();
    format = meta.format;
    if (meta.width && meta.height) checkPixels(path, meta.width, meta.height);
  } catch (error) {
    if (error instanceof ImageLoadError) throw error;
    throw new ImageLoadError(`${path}: not an image (PNG, JPEG, WebP, GIF or BMP expected)`);
  }
  if (!format || !SHARP_FORMATS.has(format)) {
    throw new ImageLoadError(`${path}: ${format ?? 'unknown'} images are not supported (PNG, JPEG, WebP, GIF or BMP expected)`);
  }
  try {
    const { data, info } = await sharp(bytes, options)
      .rotate() // honour EXIF orientation of phone photos
      .toColourspace('srgb')
      .ensureAlpha()
      .raw({ depth: 'uchar' })
      .toBuffer({ resolveWithObject: true });
    return { data: new Uint8ClampedArray(data.buffer, data.byteOffset, data.length), width: info.width, height: info.height, format };
  } catch (error) {
    const reason =
      error instanceof Error && /pixel limit/iu.test(error.message)
        ? 'image is larger than 50 megapixels'
        : 'image data is corrupt or truncated';
    throw new ImageLoadError(`${path}: ${reason}`);
  }
}
