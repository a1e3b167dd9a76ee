import { mkdtempSync, writeFileSync } from 'node:fs';
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
export async function writeQrImage(dir: string, name: string, text: string, format: 'png' | 'jpeg' | 'webp' | 'gif' = 'png'): Promise<string> {
  const png = await qrPng(text);
  const path = join(dir, `${name}.${format === 'jpeg' ? 'jpg' : format}`);
  writeFileSync(path, format === 'png' ? png : await sharp(png).toFormat(format).toBuffer());
  return path;
}
