import { describe, expect, it } from 'vitest';
import { decodeQrCodes } from '../../shared/decode/index';
import { qrCanvas } from '../helpers/qr-images';

describe('decodeQrCodes', () => {
  it('finds one code with its corners in image coordinates', async () => {
    const image = await qrCanvas([{ text: 'sip:+99111253020382685', x: 100, y: 60, scale: 6 }], 480, 360);
    const codes = decodeQrCodes(image);
    expect(codes.map((c) => c.text)).toEqual(['sip:+99111253020382685']);
    const [topLeft, topRight, bottomRight, bottomLeft] = codes[0]?.corners ?? [];
    // Quiet zone: 4 modules of 6 px, so the symbol starts 24 px inside the pasted image.
    expect(topLeft?.x).toBeCloseTo(124, -1);
    expect(topLeft?.y).toBeCloseTo(84, -1);
    expect(topRight!.x).toBeGreaterThan(topLeft!.x + 100);
    expect(bottomLeft!.y).toBeGreaterThan(topLeft!.y + 100);
    expect(bottomRight!.x).toBeCloseTo(topRight!.x, -1);
  });

  it('finds every code when a picture holds several', async () => {
    const texts = ['会议ID：914 083 136 来宾密码：123123', 'sip:+99111253020382685', 'https://example.com/menu'];
    const image = await qrCanvas(
      texts.map((text, i) => ({ text, x: 20 + i * 330, y: 40 + i * 30, scale: 5 })),
      1040,
      480,
    );
    expect(
      decodeQrCodes(image)
        .map((c) => c.text)
        .sort(),
    ).toEqual([...texts].sort());
  });

  it('decodes an inverted (light on dark) code', async () => {
    const image = await qrCanvas([{ text: '914083136', x: 40, y: 40 }], 320, 320);
    for (let i = 0; i < image.data.length; i += 4) {
      image.data[i] = 255 - (image.data[i] ?? 0);
      image.data[i + 1] = 255 - (image.data[i + 1] ?? 0);
      image.data[i + 2] = 255 - (image.data[i + 2] ?? 0);
    }
    expect(decodeQrCodes(image).map((c) => c.text)).toEqual(['914083136']);
  });

  it('leaves the caller’s pixels untouched', async () => {
    const image = await qrCanvas([{ text: 'tel:+99111253020382685', x: 10, y: 10 }], 260, 260);
    const before = Buffer.from(image.data).toString('base64');
    decodeQrCodes(image);
    expect(Buffer.from(image.data).toString('base64')).toBe(before);
  });

  it.each([
    ['a blank image', { data: new Uint8ClampedArray(64 * 64 * 4).fill(255), width: 64, height: 64 }],
    ['zero width', { data: new Uint8ClampedArray(0), width: 0, height: 10 }],
    ['a buffer shorter than its size', { data: new Uint8ClampedArray(16), width: 100, height: 100 }],
    ['fractional dimensions', { data: new Uint8ClampedArray(400), width: 2.5, height: 4 }],
  ])('returns no codes for %s', (_name, image) => {
    expect(decodeQrCodes(image)).toEqual([]);
  });
});
