import { mkdtempSync, writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import QRCode from 'qrcode';
import sharp from 'sharp';

/** A QR code of `text` as a PNG buffer (black on white, quiet zone included). */
export function qrPng(text: string, scale = 6): Promise<Buffer> {
  return QRCode.toBuffer(text, { type: 'png', scale, margin: 4, errorCorrectionLevel: 'M' });
}

/** An RGBA image holding a QR code of `text` at `(x, y)` on a white canvas. */
export async function qrCanvas(items: { text: string; x: number; y: number; scale?: number }[], width: number, height: number) {
  const layers = await Promise.all(items.map(async ({ text, x, y, scale }) => ({ input: await qrPng(text, scale), left: x, top: y })));
  const { data, info } = await sharp({ create: { width, height, channels: 4, background: '#ffffff' } })
    .composite(layers)
    .raw()
    .toBuffer({ resolveWithObject: true });
  return { data: new Uint8ClampedArray(data.buffer, data.byteOffset, data.length), width: info.width, height: info.height };
}

/** A fresh temporary folder for files a test writes. */
export function tempDir(prefix = 'qrri-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** Writes a QR image of `text` in the given format and returns its path. */
export async function writeQrImage(
  dir: string,
  name: string,
  text: string,
  format: 'png' | 'jpeg' | 'webp' | 'gif' = 'png',
): Promise<string> {
  const png = await qrPng(text);
  const path = join(dir, `${name}.${format === 'jpeg' ? 'jpg' : format}`);
  writeFileSync(path, format === 'png' ? png : await sharp(png).toFormat(format).toBuffer());
  return path;
}

function crc32(data: Buffer): number {
  let crc = ~0;
  for (const byte of data) {
    crc ^= byte;
    for (let k = 0; k < 8; k++) crc = (crc >>> 1) ^ (0xedb88320 & -(crc & 1));
  }
  return ~crc >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, 'latin1');
  data.copy(out, 8);
  out.writeUInt32BE(crc32(Buffer.concat([Buffer.from(type, 'latin1'), data])), 8 + data.length);
  return out;
}

function ihdr(width: number, height: number, depth = 8, colourType = 0): Buffer {
  const data = Buffer.alloc(13);
  data.writeUInt32BE(width, 0);
  data.writeUInt32BE(height, 4);
  data.set([depth, colourType, 0, 0, 0], 8);
  return chunk('IHDR', data);
}

const SIGNATURE = Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]);

/** A valid little PNG whose header claims `width` × `height` (refused from the header alone). */
export function pngClaiming(width: number, height: number): Buffer {
  return Buffer.concat([SIGNATURE, ihdr(width, height), chunk('IDAT', deflateSync(Buffer.alloc(1024))), chunk('IEND', Buffer.alloc(0))]);
}

/**
 * A PNG written byte by byte: `rows` are the unfiltered sample bytes of each row, filtered here
 * with filters Paeth, average, up, sub, none in turn from the first row (PNG section 9), so a
 * reader is checked on every filter and on each one's use of the row above. `extra` chunks (PLTE, tRNS) go before the image data.
 */
export function pngOf(options: { width: number; depth: number; colourType: number; rows: Buffer[]; extra?: [string, Buffer][] }): Buffer {
  const { width, depth, colourType, rows } = options;
  const channels = { 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 }[colourType] ?? 1;
  const bpp = Math.max(1, (channels * depth) >> 3);
  const filtered = rows.map((row, y) => {
    const up = rows[y - 1];
    const out = Buffer.alloc(row.length + 1);
    const filter = 4 - (y % 5);
    out[0] = filter;
    for (let i = 0; i < row.length; i++) {
      const a = i >= bpp ? (row[i - bpp] as number) : 0;
      const b = up?.[i] ?? 0;
      const c = i >= bpp ? (up?.[i - bpp] ?? 0) : 0;
      const p = a + b - c;
      const paeth =
        Math.abs(p - a) <= Math.abs(p - b) && Math.abs(p - a) <= Math.abs(p - c) ? a : Math.abs(p - b) <= Math.abs(p - c) ? b : c;
      const predictor = [0, a, b, (a + b) >> 1, paeth][filter] as number;
      out[i + 1] = ((row[i] as number) - predictor) & 255;
    }
    return out;
  });
  return Buffer.concat([
    SIGNATURE,
    ihdr(width, rows.length, depth, colourType),
    ...(options.extra ?? []).map(([type, data]) => chunk(type, data)),
    chunk('IDAT', deflateSync(Buffer.concat(filtered))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}
