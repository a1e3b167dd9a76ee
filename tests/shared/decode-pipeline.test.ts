/**
 * The locate-then-decode pipeline on the committed fixtures (one small image per benchmark
 * category, made by bench/fixtures.ts) and on a few generated frames: every code found with
 * the right text and corners, negatives empty, Shift-JIS text, 4K frames, reused decoders.
 * Correctness only: timing belongs to `npm run bench`.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import QRCode from 'qrcode';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { decodeQrCodes, QrDecoder, type DecodedQrCode, type RgbaImage } from '../../shared/decode/index';
import { qrPng } from '../helpers/qr-images';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'decode');

interface Truth {
  text: string;
  modules: number;
  corners: [number, number][];
}

const manifest = JSON.parse(readFileSync(join(FIXTURES, 'manifest.json'), 'utf8')) as { file: string; category: string; codes: Truth[] }[];

async function rgba(input: string | Buffer): Promise<RgbaImage & { data: Uint8ClampedArray }> {
  const { data, info } = await sharp(input).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
  return { data: new Uint8ClampedArray(data.buffer, data.byteOffset, data.length), width: info.width, height: info.height };
}

/** Worst corner error of `found` against `truth`, in modules. */
function cornerError(truth: Truth, found: DecodedQrCode): number {
  const [a, b] = truth.corners as [[number, number], [number, number]];
  const module = Math.hypot(b[0] - a[0], b[1] - a[1]) / truth.modules;
  return Math.max(
    ...truth.corners.map(([x, y], i) => Math.hypot((found.corners[i]?.x ?? Infinity) - x, (found.corners[i]?.y ?? Infinity) - y) / module),
  );
}

describe('decodeQrCodes on the fixture set', () => {
  it.each(manifest.map((m) => [m.category, m] as const))('%s', async (_category, fixture) => {
    const codes = decodeQrCodes(await rgba(join(FIXTURES, fixture.file)));
    expect(codes.map((c) => c.text).sort()).toEqual(fixture.codes.map((c) => c.text).sort());
    for (const truth of fixture.codes) {
      const found = codes.find((c) => c.text === truth.text);
      // Corners in order top-left, top-right, bottom-right, bottom-left of the symbol, within a module.
      expect(cornerError(truth, found as DecodedQrCode)).toBeLessThan(1);
    }
  });
});

describe('text', () => {
  // "会議室 914 083 136" in Shift-JIS: a byte-mode code without ECI, as Japanese generators make them.
  const sjis = Uint8Array.from([0x89, 0xef, 0x8b, 0x63, 0x8e, 0xba, ...Buffer.from(' 914 083 136', 'latin1')]);

  it('reads a Shift-JIS byte-mode code', async () => {
    expect(new TextDecoder('shift_jis').decode(sjis)).toBe('会議室 914 083 136');
    const png = await QRCode.toBuffer([{ data: sjis, mode: 'byte' }], { type: 'png', scale: 5, margin: 4 });
    expect(decodeQrCodes(await rgba(png)).map((c) => c.text)).toEqual(['会議室 914 083 136']);
  });

  it('reads a kanji-mode code', async () => {
    const codes: Record<string, number> = { 会: 0x89ef, 議: 0x8b63, 室: 0x8eba };
    const png = await QRCode.toBuffer([{ data: '会議室', mode: 'kanji' }], {
      type: 'png',
      scale: 5,
      margin: 4,
      toSJISFunc: (c) => codes[c] ?? 0,
    });
    expect(decodeQrCodes(await rgba(png)).map((c) => c.text)).toEqual(['会議室']);
  });
});

describe('frames and options', () => {
  /** A white frame with codes pasted at the given places. */
  async function frame(width: number, height: number, items: { text: string; x: number; y: number; scale: number }[]) {
    const layers = await Promise.all(items.map(async ({ text, x, y, scale }) => ({ input: await qrPng(text, scale), left: x, top: y })));
    return rgba(
      await sharp({ create: { width, height, channels: 4, background: '#ffffff' } })
        .composite(layers)
        .png({ compressionLevel: 1 })
        .toBuffer(),
    );
  }

  it('finds small codes on a 4K frame (read at half resolution) with full-resolution corners', async () => {
    const image = await frame(3840, 2160, [
      { text: 'https://meeting.huaweicloud.com/#/j/914083136', x: 3000, y: 1500, scale: 4 },
      { text: 'sip:+99111253020382685', x: 400, y: 300, scale: 3 },
    ]);
    const codes = decodeQrCodes(image);
    expect(codes.map((c) => c.text).sort()).toEqual(['https://meeting.huaweicloud.com/#/j/914083136', 'sip:+99111253020382685']);
    const sip = codes.find((c) => c.text.startsWith('sip:'));
    // Quiet zone of 4 modules at 3 px: the symbol starts 12 px inside the pasted image.
    expect(sip?.corners[0].x).toBeCloseTo(412, -1);
    expect(sip?.corners[0].y).toBeCloseTo(312, -1);
  });

  it('accepts a Uint8Array at an odd offset (no 32-bit view possible)', async () => {
    const image = await frame(400, 300, [{ text: 'tel:+99111253020382685', x: 100, y: 40, scale: 5 }]);
    const shifted = new Uint8Array(image.data.length + 1).subarray(1);
    shifted.set(image.data);
    expect(decodeQrCodes({ data: shifted, width: 400, height: 300 }).map((c) => c.text)).toEqual(['tel:+99111253020382685']);
  });

  it('reuses one QrDecoder across frames of different sizes', async () => {
    const decoder = new QrDecoder();
    const big = await frame(1920, 1080, [{ text: 'big frame', x: 900, y: 500, scale: 6 }]);
    const small = await frame(320, 240, [{ text: 'small frame', x: 60, y: 30, scale: 5 }]);
    expect(decoder.decode(big).map((c) => c.text)).toEqual(['big frame']);
    expect(decoder.decode(small).map((c) => c.text)).toEqual(['small frame']);
    expect(decoder.decode(big).map((c) => c.text)).toEqual(['big frame']);
  });

  it('honours tryHarder: false and a zero budget without failing', async () => {
    const image = await frame(640, 480, [{ text: '914083136', x: 200, y: 100, scale: 6 }]);
    expect(decodeQrCodes(image, { tryHarder: false }).map((c) => c.text)).toEqual(['914083136']);
    const rushed = decodeQrCodes(image, { budgetMs: 0 });
    expect(rushed.every((c) => c.text === '914083136')).toBe(true);
  });

  it('reports at most MAX_CODES_PER_IMAGE codes, each once', async () => {
    const items = Array.from({ length: 10 }, (_, i) => ({
      text: `code ${i}`,
      x: 20 + (i % 5) * 250,
      y: 20 + Math.floor(i / 5) * 260,
      scale: 5,
    }));
    const codes = decodeQrCodes(await frame(1280, 560, items));
    expect(codes.length).toBe(8);
    expect(new Set(codes.map((c) => c.text)).size).toBe(8);
  });
});
