import sharp, { type Sharp } from 'sharp';
import { describe, expect, it } from 'vitest';
import { readImageHeader, sniffImageFormat } from '../../shared/image-size';

const bytes = (buffer: Buffer) => new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.length);

/** A 37 × 23 picture (odd sizes catch swapped or off-by-one fields) in the given encoding. */
async function picture(encode: (image: Sharp) => Sharp, alpha = false): Promise<Uint8Array> {
  const image = sharp({ create: { width: 37, height: 23, channels: alpha ? 4 : 3, background: { r: 200, g: 30, b: 90, alpha: 0.5 } } });
  return bytes(await encode(image).toBuffer());
}

/** A minimal 24-bit BMP (BITMAPINFOHEADER); `topDown` stores a negative height. */
function bmp(width: number, height: number, topDown = false): Uint8Array {
  const rowBytes = Math.ceil((width * 3) / 4) * 4;
  const file = Buffer.alloc(54 + rowBytes * height);
  file.write('BM', 0, 'ascii');
  file.writeUInt32LE(file.length, 2);
  file.writeUInt32LE(54, 10);
  file.writeUInt32LE(40, 14);
  file.writeInt32LE(width, 18);
  file.writeInt32LE(topDown ? -height : height, 22);
  file.writeUInt16LE(1, 26);
  file.writeUInt16LE(24, 28);
  return bytes(file);
}

/** The first 33 bytes of a PNG claiming `width` × `height`: signature and IHDR only. */
function pngHeader(width: number, height: number): Uint8Array {
  const head = Buffer.alloc(33);
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]).copy(head, 0);
  head.writeUInt32BE(13, 8);
  head.write('IHDR', 12, 'ascii');
  head.writeUInt32BE(width, 16);
  head.writeUInt32BE(height, 20);
  head.set([8, 6, 0, 0, 0], 24);
  return bytes(head);
}

describe('readImageHeader', () => {
  it.each([
    ['png', (i: Sharp) => i.png(), false],
    ['jpeg', (i: Sharp) => i.jpeg(), false],
    ['jpeg', (i: Sharp) => i.jpeg({ progressive: true }).withMetadata({ exif: { IFD0: { Copyright: 'x'.repeat(2000) } } }), false],
    ['gif', (i: Sharp) => i.gif(), false],
    ['webp', (i: Sharp) => i.webp({ lossless: false }), false],
    ['webp', (i: Sharp) => i.webp({ lossless: true }), false],
    ['webp', (i: Sharp) => i.webp({ lossless: false }), true],
  ] as const)('reads the size of a %s file (%#)', async (format, encode, alpha) => {
    expect(readImageHeader(await picture(encode, alpha))).toEqual({ kind: 'image', format, width: 37, height: 23 });
  });

  it('reads bottom-up and top-down BMP files', () => {
    expect(readImageHeader(bmp(37, 23))).toEqual({ kind: 'image', format: 'bmp', width: 37, height: 23 });
    expect(readImageHeader(bmp(37, 23, true))).toEqual({ kind: 'image', format: 'bmp', width: 37, height: 23 });
  });

  it('reads a huge size from a PNG header alone, without the pixels', () => {
    expect(readImageHeader(pngHeader(12_000, 12_000))).toEqual({ kind: 'image', format: 'png', width: 12_000, height: 12_000 });
    expect(readImageHeader(pngHeader(4_000_000_000, 1))).toMatchObject({ width: 4_000_000_000 });
  });

  it('says the size is unknown when the header is cut short', async () => {
    expect(readImageHeader(pngHeader(10, 10).subarray(0, 20))).toEqual({ kind: 'unknown-size', format: 'png' });
    const jpeg = await picture((i) => i.jpeg().withMetadata({ exif: { IFD0: { Copyright: 'x'.repeat(2000) } } }));
    expect(readImageHeader(jpeg.subarray(0, 200))).toEqual({ kind: 'unknown-size', format: 'jpeg' });
  });

  it('refuses what is not an image', () => {
    const text = new TextEncoder().encode('BMW meeting notes: 会议ID 914 083 136');
    expect(readImageHeader(text)).toEqual({ kind: 'not-image' });
    expect(readImageHeader(new Uint8Array())).toEqual({ kind: 'not-image' });
    expect(readImageHeader(new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg"/>'))).toEqual({ kind: 'not-image' });
    expect(sniffImageFormat(new TextEncoder().encode('RIFF....WAVEfmt '))).toBeUndefined();
  });
});
