/**
 * Turns what the person gives us — a pasted or dropped file, PNG bytes from the clipboard, a
 * captured screen — into pictures whose RGBA pixels the decoder can read.
 *
 * Absurd input is refused before any decoding: files over 30 MB and images over 50 megapixels
 * (read from the file header, so a 12,000 × 12,000 PNG costs nothing), and anything that is not
 * PNG, JPEG, WebP, GIF or BMP. The browser's own decoder (`createImageBitmap`) does the rest.
 */
import type { RgbaImage } from '../../shared/decode/index';
import { HEADER_PROBE_BYTES, readImageHeader, type ImageHeader } from '../../shared/image-size';
import type { ScreenFrame } from '../../shared/ipc';

export const MAX_FILE_BYTES = 30 * 1024 * 1024;
export const MAX_MEGAPIXELS = 50;
const MAX_PIXELS = MAX_MEGAPIXELS * 1_000_000;

export type ImageProblem =
  | { kind: 'not-image' }
  | { kind: 'file-too-large'; bytes: number }
  | { kind: 'too-many-pixels'; width: number; height: number }
  | { kind: 'unreadable' };

export class ImageLoadError extends Error {
  constructor(readonly problem: ImageProblem) {
    super(`image refused: ${problem.kind}`);
    this.name = 'ImageLoadError';
  }
}

export interface Region {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** A loaded picture: its size, and its pixels on demand, region by region, at any scale. */
export interface Picture {
  readonly width: number;
  readonly height: number;
  /** RGBA pixels of `region`, scaled to `outWidth` × `outHeight`, on white (transparency would read as black). */
  read(region: Region, outWidth: number, outHeight: number): Promise<RgbaImage>;
  close(): void;
}

function checkSize(width: number, height: number): void {
  if (width <= 0 || height <= 0) throw new ImageLoadError({ kind: 'unreadable' });
  if (width * height > MAX_PIXELS) throw new ImageLoadError({ kind: 'too-many-pixels', width, height });
}

async function header(blob: Blob): Promise<ImageHeader> {
  const first = readImageHeader(new Uint8Array(await blob.slice(0, HEADER_PROBE_BYTES).arrayBuffer()));
  // A JPEG may carry a long preamble (EXIF, thumbnails) before its size: read the whole file.
  if (first.kind === 'unknown-size' && blob.size > HEADER_PROBE_BYTES) return readImageHeader(new Uint8Array(await blob.arrayBuffer()));
  return first;
}

function bitmapPicture(bitmap: ImageBitmap): Picture {
  return {
    width: bitmap.width,
    height: bitmap.height,
    read({ x, y, w, h }, outWidth, outHeight) {
      const canvas = new OffscreenCanvas(outWidth, outHeight);
      const context = canvas.getContext('2d', { willReadFrequently: true });
      if (!context) return Promise.reject(new ImageLoadError({ kind: 'unreadable' }));
      context.fillStyle = '#ffffff';
      context.fillRect(0, 0, outWidth, outHeight);
      // Smoothing only when shrinking: it averages modules instead of dropping whole rows.
      const shrinking = outWidth < w || outHeight < h;
      context.imageSmoothingEnabled = shrinking;
      if (shrinking) context.imageSmoothingQuality = 'high';
      context.drawImage(bitmap, x, y, w, h, 0, 0, outWidth, outHeight);
      const { data } = context.getImageData(0, 0, outWidth, outHeight);
      return Promise.resolve({ data, width: outWidth, height: outHeight });
    },
    close: () => bitmap.close(),
  };
}

/**
 * Loads an image file or blob. Throws `ImageLoadError` for files that are too large, too many
 * pixels, not an image, or undecodable.
 */
export async function loadPicture(blob: Blob): Promise<Picture> {
  if (blob.size > MAX_FILE_BYTES) throw new ImageLoadError({ kind: 'file-too-large', bytes: blob.size });
  const head = await header(blob);
  if (head.kind === 'not-image') throw new ImageLoadError({ kind: 'not-image' });
  // Without a size from the header the pixel limit cannot be enforced before decoding: refuse.
  if (head.kind === 'unknown-size') throw new ImageLoadError({ kind: 'unreadable' });
  checkSize(head.width, head.height);
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(blob);
  } catch {
    throw new ImageLoadError({ kind: 'unreadable' });
  }
  // The header might lie about the size; the decoded bitmap does not.
  try {
    checkSize(bitmap.width, bitmap.height);
  } catch (error) {
    bitmap.close();
    throw error;
  }
  return bitmapPicture(bitmap);
}

/** PNG bytes (from the clipboard) as a picture. */
export function loadPngBytes(png: Uint8Array): Promise<Picture> {
  return loadPicture(new Blob([png.slice()], { type: 'image/png' }));
}

/** A captured screen's pixels as RGBA (Electron gives BGRA). Copies; the frame stays as it was. */
export function frameToRgba(frame: ScreenFrame): RgbaImage {
  const { width, height } = frame;
  const size = width * height * 4;
  if (frame.data.length < size) throw new ImageLoadError({ kind: 'unreadable' });
  const rgba = new Uint8ClampedArray(frame.data.subarray(0, size));
  if (frame.format === 'bgra') {
    for (let i = 0; i < size; i += 4) {
      const blue = rgba[i] ?? 0;
      rgba[i] = rgba[i + 2] ?? 0;
      rgba[i + 2] = blue;
    }
  }
  return { data: rgba, width, height };
}

function crop(image: RgbaImage, { x, y, w, h }: Region): RgbaImage {
  const out = new Uint8ClampedArray(w * h * 4);
  for (let row = 0; row < h; row++) {
    const start = ((y + row) * image.width + x) * 4;
    out.set(image.data.subarray(start, start + w * 4), row * w * 4);
  }
  return { data: out, width: w, height: h };
}

/** A captured screen as a picture: full-size reads are cropped in memory, scaled ones drawn. */
export function framePicture(frame: ScreenFrame): Picture {
  checkSize(frame.width, frame.height);
  const image = frameToRgba(frame);
  let bitmap: Promise<Picture> | undefined;
  return {
    width: image.width,
    height: image.height,
    read(region, outWidth, outHeight) {
      if (outWidth === region.w && outHeight === region.h) return Promise.resolve(crop(image, region));
      const imageData = new ImageData(new Uint8ClampedArray(image.data), image.width, image.height);
      bitmap ??= createImageBitmap(imageData).then(bitmapPicture);
      return bitmap.then((picture) => picture.read(region, outWidth, outHeight));
    },
    close() {
      void bitmap?.then((picture) => picture.close());
    },
  };
}
