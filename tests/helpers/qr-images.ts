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

/** A valid little PNG whose header claims `width` × `height` (refused from the header alone). */
export function pngClaiming(width: number, height: number): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const out = Buffer.alloc(12 + data.length);
    out.writeUInt32BE(data.length, 0);
    out.write(type, 4, 'latin1');
    data.copy(out, 8);
    out.writeUInt32BE(crc32(Buffer.concat([Buffer.from(type, 'latin1'), data])), 8 + data.length);
    return out;
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 0, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(Buffer.alloc(1024))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}
