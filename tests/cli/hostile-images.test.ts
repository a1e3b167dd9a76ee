/**
 * Hostile and broken image files through the CLI's loader: each gets a clear one-line reason
 * (or decodes correctly), and nothing is sent.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { ImageLoadError, loadImageFile } from '../../cli/load-image';
import { decodeQrCodes } from '../../shared/decode/index';
import { pngClaiming, qrPng, tempDir } from '../helpers/qr-images';

const dir = tempDir('qrri-hostile-');

async function refused(name: string, content: Buffer): Promise<string> {
  const path = join(dir, name);
  writeFileSync(path, content);
  const error = await loadImageFile(path).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ImageLoadError);
  const message = (error as Error).message;
  expect(message.split('\n')).toHaveLength(1);
  expect(message.startsWith(path)).toBe(true);
  return message;
}

describe('hostile images', () => {
  it('refuses a decompression bomb (a tiny PNG declaring 30,000 × 30,000) from its header', async () => {
    const bomb = pngClaiming(30_000, 30_000);
    expect(bomb.length).toBeLessThan(200);
    expect(await refused('bomb.png', bomb)).toMatch(/30000×30000 pixels; the limit is 50 megapixels/u);
  });

  it('refuses a file over 30 MB before reading it as an image', async () => {
    expect(await refused('huge.png', Buffer.alloc(31 * 1024 * 1024, 1))).toMatch(/31\.0 MB; the limit is 30 MB/u);
  });

  it.each([
    ['not an image', 'page.png', Buffer.from('<html><body>hello</body></html>'), /not an image/u],
    ['a truncated JPEG', 'cut.jpg', null, /corrupt or truncated|not an image/u],
    ['a TIFF (unsupported format)', 'scan.tif', 'tiff', /tiff images are not supported/u],
    ['a truncated BMP', 'cut.bmp', Buffer.from('BM\u0000\u0000'), /truncated BMP/u],
  ])('refuses %s with a reason', async (_name, file, content, reason) => {
    let bytes: Buffer;
    if (content === null)
      bytes = (
        await sharp(await qrPng('x'))
          .jpeg()
          .toBuffer()
      ).subarray(0, 300);
    else if (content === 'tiff')
      bytes = await sharp(await qrPng('x'))
        .tiff()
        .toBuffer();
    else bytes = content as Buffer;
    expect(await refused(file, bytes)).toMatch(reason);
  });

  it('reads the first frame of an animated GIF', async () => {
    const frames = await Promise.all(
      ['sip:+99111253020300001', 'sip:+99111253020300002'].map(async (t) =>
        sharp(await qrPng(t))
          .resize(240, 240)
          .toBuffer(),
      ),
    );
    const gif = await sharp(frames, { join: { animated: true } })
      .gif({ delay: [500, 500] })
      .toBuffer();
    expect((await sharp(gif).metadata()).pages).toBe(2);
    const path = join(dir, 'animated.gif');
    writeFileSync(path, gif);
    expect(decodeQrCodes(await loadImageFile(path)).map((c) => c.text)).toEqual(['sip:+99111253020300001']);
  });

  it.each([
    ['a CMYK JPEG', (png: Buffer) => sharp(png).toColourspace('cmyk').jpeg({ quality: 95 }).toBuffer(), 'cmyk.jpg'],
    ['a 16-bit PNG', (png: Buffer) => sharp(png).toColourspace('rgb16').png().toBuffer(), 'deep.png'],
  ])('decodes %s', async (_name, convert, file) => {
    const bytes = await convert(await qrPng('tel:+99111253020382685'));
    const meta = await sharp(bytes).metadata();
    expect(file === 'cmyk.jpg' ? meta.space : meta.depth).toBe(file === 'cmyk.jpg' ? 'cmyk' : 'ushort');
    const path = join(dir, file);
    writeFileSync(path, bytes);
    expect(decodeQrCodes(await loadImageFile(path)).map((c) => c.text)).toEqual(['tel:+99111253020382685']);
  });
});
