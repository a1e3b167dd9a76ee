/**
 * decodeQrCodesLazily (shared/decode/lazy.ts), the CLI's decoder: jsqr is loaded only for an
 * image whose read needs it, once, and every image gives exactly what decodeQrCodes gives.
 */
import { join } from 'node:path';
import sharp from 'sharp';
import { describe, expect, it, vi } from 'vitest';
import { decodeQrCodesLazily } from '../../shared/decode/lazy';
import type { RgbaImage } from '../../shared/decode/types';
import { qrPng } from '../helpers/qr-images';

const jsqrLoads = vi.hoisted(() => ({ count: 0 }));
vi.mock('jsqr', async (importOriginal) => {
  jsqrLoads.count++;
  return importOriginal();
});

const PHOTOS = join(import.meta.dirname, '..', 'fixtures', 'photo');

async function rgba(input: string | Buffer): Promise<RgbaImage> {
  const { data, info } = await sharp(input).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
  return { data: Uint8ClampedArray.from(data), width: info.width, height: info.height };
}

describe('decodeQrCodesLazily', () => {
  it('reads a clean code without loading jsqr', async () => {
    const codes = await decodeQrCodesLazily(await rgba(await qrPng('https://meeting.huaweicloud.com/#/j/304264067', 3)));
    expect(codes.map((c) => c.text)).toEqual(['https://meeting.huaweicloud.com/#/j/304264067']);
    expect(jsqrLoads.count).toBe(0);
  });

  it('loads jsqr once, for the images that need it, and gives what decodeQrCodes gives', async () => {
    // The tilted page is read by jsqr on its upright crop; the curved sticker is not read at all,
    // after every step of the chain (jsqr's included) has been tried.
    const images = await Promise.all(['dev/perspective-00.jpg', 'dev/curved-01.jpg'].map((file) => rgba(join(PHOTOS, file))));
    images.push(await rgba(await qrPng('sip:+99111253020382685', 4)));
    const lazily = [];
    for (const image of images) lazily.push(await decodeQrCodesLazily(image));
    expect(jsqrLoads.count).toBe(1);
    expect(lazily.map((codes) => codes.length)).toEqual([1, 0, 1]);
    const { decodeQrCodes } = await import('../../shared/decode/index');
    expect(lazily).toEqual(images.map((image) => decodeQrCodes(image)));
    expect(jsqrLoads.count).toBe(1);
  });
});
