/**
 * PNG files → RGBA for the CLI, with Node's zlib: loading sharp (libvips) takes ~100 ms of
 * start-up, and PNG — screenshots — is the usual input. A PNG decoder library (pngjs) cost ~25 ms
 * more than this file when the process starts cold — its modules, and its per-pixel calls running
 * in the interpreter — and did not notice a file cut short (missing rows came out black). This is
 * the PNG specification's decoding (ISO/IEC 15948, sections 7–9: chunks, filters, sample depths)
 * for non-interlaced images; interlaced ones go to sharp. The image data must be whole and inflate
 * to exactly the rows the header declares, as libvips requires under failOn 'truncated'.
 * tests/cli/load-image.test.ts compares every colour type, depth and filter with libvips' pixels.
 */
import { inflateSync } from 'node:zlib';

const SIGNATURE = Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]);
/** Samples per pixel of each PNG colour type (grey, RGB, palette, grey + alpha, RGBA). */
const CHANNELS: Partial<Record<number, number>> = { 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 };
/** Bit depths each colour type allows. */
const DEPTHS: Partial<Record<number, number[]>> = { 0: [1, 2, 4, 8, 16], 2: [8, 16], 3: [1, 2, 4, 8], 4: [8, 16], 6: [8, 16] };

export interface PngHeader {
  width: number;
  height: number;
  depth: number;
  colourType: number;
  interlaced: boolean;
}

/**
 * The header of a PNG (the IHDR chunk, always first, at a fixed offset), read before any pixel
 * is inflated; undefined for anything that is not a PNG with a well-formed header and some image
 * data (sharp then says it is not an image, as it always did).
 */
export function pngHeader(bytes: Buffer): PngHeader | undefined {
  if (bytes.length < 33 || !bytes.subarray(0, 8).equals(SIGNATURE) || !bytes.includes('IDAT', 33, 'latin1')) return undefined;
  if (bytes.readUInt32BE(8) !== 13 || bytes.toString('latin1', 12, 16) !== 'IHDR') return undefined;
  const header = {
    width: bytes.readUInt32BE(16),
    height: bytes.readUInt32BE(20),
    depth: bytes[24] ?? 0,
    colourType: bytes[25] ?? 0,
    interlaced: bytes[28] !== 0,
  };
  return header.width > 0 && header.height > 0 ? header : undefined;
}

/** The chunks of a PNG up to IEND, by type (IDAT's in order); throws if one runs past the end of the file. */
function chunks(bytes: Buffer): Map<string, Buffer[]> {
  const found = new Map<string, Buffer[]>();
  for (let offset = 8; offset + 8 <= bytes.length;) {
    const length = bytes.readUInt32BE(offset);
    const type = bytes.toString('latin1', offset + 4, offset + 8);
    if (type === 'IEND') break;
    if (offset + 12 + length > bytes.length) throw new Error(`PNG ${type} chunk is cut short`);
    found.set(type, [...(found.get(type) ?? []), bytes.subarray(offset + 8, offset + 8 + length)]);
    offset += 12 + length;
  }
  return found;
}

/**
 * The pixels of a non-interlaced PNG whose header was checked (pngHeader), as 8-bit RGBA.
 * Throws on corrupt or truncated image data; a bad checksum alone is not an error (as in libvips).
 */
export function decodePng(bytes: Buffer, header: PngHeader): Uint8ClampedArray {
  const { width, height, depth, colourType } = header;
  const channels = CHANNELS[colourType];
  if (channels === undefined || header.interlaced || !DEPTHS[colourType]?.includes(depth)) throw new Error('unsupported PNG layout');
  const stride = (width * channels * depth + 7) >> 3;
  const found = chunks(bytes);
  // Throws on a stream cut short, and on one longer than the image (maxOutputLength).
  const rows = inflateSync(Buffer.concat(found.get('IDAT') ?? []), { maxOutputLength: (stride + 1) * height });
  if (rows.length !== (stride + 1) * height) throw new Error('PNG image data is short');
  unfilter(rows, stride, height, Math.max(1, (channels * depth) >> 3));
  const transparency = found.get('tRNS')?.[0];
  const colours = colourType === 3 ? palette(found.get('PLTE')?.[0], transparency) : undefined;
  return toRgba(rows, header, stride, colours, colourType === 3 ? undefined : transparency);
}

/** Undoes each row's filter in place (PNG section 9); `rows` holds a filter byte before each row. */
function unfilter(rows: Buffer, stride: number, height: number, bpp: number): void {
  for (let y = 0; y < height; y++) {
    const at = y * (stride + 1) + 1;
    const up = at - stride - 1; // the previous row's first byte; unused on the first row
    const filter = rows[at - 1];
    for (let i = 0; i < stride; i++) {
      const a = i >= bpp ? (rows[at + i - bpp] as number) : 0;
      const b = y > 0 ? (rows[up + i] as number) : 0;
      const x = rows[at + i] as number;
      if (filter === 1) rows[at + i] = x + a;
      else if (filter === 2) rows[at + i] = x + b;
      else if (filter === 3) rows[at + i] = x + ((a + b) >> 1);
      else if (filter === 4) {
        const c = i >= bpp && y > 0 ? (rows[up + i - bpp] as number) : 0;
        const pa = Math.abs(b - c);
        const pb = Math.abs(a - c);
        const pc = Math.abs(a + b - 2 * c);
        rows[at + i] = x + (pa <= pb && pa <= pc ? a : pb <= pc ? b : c);
      } else if (filter !== 0) throw new Error(`PNG row ${y} has an unknown filter`);
    }
  }
}

/** A palette as RGBA entries (256, unused ones opaque black), with tRNS alphas. */
function palette(plte: Buffer | undefined, transparency: Buffer | undefined): Uint8Array {
  if (!plte || plte.length % 3 !== 0) throw new Error('PNG palette is missing or malformed');
  const rgba = new Uint8Array(256 * 4);
  for (let i = 0; i < 256; i++) {
    rgba.set(i < plte.length / 3 ? plte.subarray(i * 3, i * 3 + 3) : [0, 0, 0], i * 4);
    rgba[i * 4 + 3] = transparency?.[i] ?? 255;
  }
  return rgba;
}

/** 8-bit RGBA from unfiltered rows: samples scaled to 8 bits, palette looked up, a tRNS colour made transparent. */
function toRgba(
  rows: Buffer,
  header: PngHeader,
  stride: number,
  colours: Uint8Array | undefined,
  key: Buffer | undefined,
): Uint8ClampedArray {
  const { width, height, depth, colourType } = header;
  const channels = CHANNELS[colourType] as number;
  const out = new Uint8ClampedArray(width * height * 4);
  const max = (1 << depth) - 1;
  const keyOf = (k: number): number => (key && key.length >= 2 * (k + 1) ? key.readUInt16BE(2 * k) : -1);
  const keys = colourType === 0 ? [keyOf(0)] : colourType === 2 ? [keyOf(0), keyOf(1), keyOf(2)] : [];
  const samples = new Array<number>(channels);
  for (let y = 0; y < height; y++) {
    const row = y * (stride + 1) + 1;
    for (let x = 0; x < width; x++) {
      let transparent = keys.length > 0;
      for (let c = 0; c < channels; c++) {
        const n = x * channels + c;
        // Raw sample: 16-bit big-endian, a byte, or `depth` bits from the left of a byte.
        const raw =
          depth === 16
            ? rows.readUInt16BE(row + 2 * n)
            : depth === 8
              ? (rows[row + n] as number)
              : ((rows[row + ((n * depth) >> 3)] as number) >> (8 - depth - ((n * depth) & 7))) & max;
        if (raw !== keys[c]) transparent = false;
        // libvips scales 16-bit samples by their high byte, lower depths by repetition (×255/max).
        samples[c] = colourType === 3 ? raw : depth === 16 ? raw >> 8 : depth === 8 ? raw : (raw * 255) / max;
      }
      const o = (y * width + x) * 4;
      if (colours) {
        const p = (samples[0] as number) * 4;
        out.set(colours.subarray(p, p + 4), o);
        continue;
      }
      const grey = channels < 3;
      out[o] = samples[0] as number;
      out[o + 1] = samples[grey ? 0 : 1] as number;
      out[o + 2] = samples[grey ? 0 : 2] as number;
      out[o + 3] = channels === 2 || channels === 4 ? (samples[channels - 1] as number) : transparent ? 0 : 255;
    }
  }
  return out;
}
