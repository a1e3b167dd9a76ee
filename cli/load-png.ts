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
    const data = bytes.subarray(offset + 8, offset + 8 + length);
    const same = found.get(type);
    if (same) same.push(data);
    else found.set(type, [data]);
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
  const size = (stride + 1) * height;
  // Throws on a stream cut short, and on one longer than the image (maxOutputLength). Output in
  // one piece up to 64 MiB rather than zlib's 16 KiB pieces joined at the end (4K RGBA: 119 → 100 ms).
  const rows = inflateSync(Buffer.concat(found.get('IDAT') ?? []), {
    maxOutputLength: size,
    chunkSize: Math.max(64, Math.min(size, 1 << 26)),
  });
  if (rows.length !== size) throw new Error('PNG image data is short');
  unfilter(rows, stride, height, Math.max(1, (channels * depth) >> 3));
  const transparency = found.get('tRNS')?.[0];
  const colours = colourType === 3 ? palette(found.get('PLTE')?.[0], transparency) : undefined;
  return toRgba(rows, header, stride, colours, colourType === 3 ? undefined : transparency);
}

/** Undoes each row's filter in place (PNG section 9); `rows` holds a filter byte before each row. */
function unfilter(rows: Buffer, stride: number, height: number, bpp: number): void {
  for (let y = 0; y < height; y++) {
    const at = y * (stride + 1) + 1;
    const end = at + stride;
    // On the first row the row above counts as zeros: up is none, average and Paeth look left only.
    const up = y > 0 ? -stride - 1 : 0;
    const filter = rows[at - 1];
    if (filter === 0) continue;
    if (filter === 1) for (let i = at + bpp; i < end; i++) rows[i] = (rows[i] as number) + (rows[i - bpp] as number);
    else if (filter === 2) for (let i = at; i < end && up; i++) rows[i] = (rows[i] as number) + (rows[i + up] as number);
    else if (filter === 3)
      for (let i = at; i < end; i++) {
        const a = i - at >= bpp ? (rows[i - bpp] as number) : 0;
        rows[i] = (rows[i] as number) + ((a + (up ? (rows[i + up] as number) : 0)) >> 1);
      }
    else if (filter === 4)
      for (let i = at; i < end; i++) {
        const left = i - at >= bpp;
        const a = left ? (rows[i - bpp] as number) : 0;
        const b = up ? (rows[i + up] as number) : 0;
        const c = left && up ? (rows[i + up - bpp] as number) : 0;
        const pa = Math.abs(b - c);
        const pb = Math.abs(a - c);
        const pc = Math.abs(a + b - 2 * c);
        rows[i] = (rows[i] as number) + (pa <= pb && pa <= pc ? a : pb <= pc ? b : c);
      }
    else throw new Error(`PNG row ${y} has an unknown filter`);
  }
}

/** A palette as RGBA entries packed in 32 bits (256 of them, unused ones opaque black), with tRNS alphas. */
function palette(plte: Buffer | undefined, transparency: Buffer | undefined): Uint32Array {
  if (!plte || plte.length % 3 !== 0) throw new Error('PNG palette is missing or malformed');
  const rgba = new Uint8Array(256 * 4);
  for (let i = 0; i < 256; i++) {
    rgba.set(i < plte.length / 3 ? plte.subarray(i * 3, i * 3 + 3) : [0, 0, 0], i * 4);
    rgba[i * 4 + 3] = transparency?.[i] ?? 255;
  }
  return new Uint32Array(rgba.buffer);
}

/** Sample `n` of the row at `row`, as stored: 16-bit big-endian, a byte, or `depth` bits from the left of a byte. */
function rawSample(rows: Buffer, row: number, n: number, depth: number): number {
  if (depth === 16) return rows.readUInt16BE(row + 2 * n);
  if (depth === 8) return rows[row + n] as number;
  const bits = n * depth;
  return ((rows[row + (bits >> 3)] as number) >> (8 - depth - (bits & 7))) & ((1 << depth) - 1);
}

/**
 * 8-bit RGBA from unfiltered rows: samples scaled to 8 bits as libvips scales them (16-bit by
 * their high byte, lower depths by repetition, ×255/max), a palette looked up, a tRNS colour made
 * transparent. Loops per colour type, so a 4K screenshot takes tens of milliseconds.
 */
function toRgba(
  rows: Buffer,
  header: PngHeader,
  stride: number,
  colours: Uint32Array | undefined,
  key: Buffer | undefined,
): Uint8ClampedArray {
  const { width, height, depth, colourType } = header;
  const channels = CHANNELS[colourType] as number;
  const out = new Uint8ClampedArray(width * height * 4);
  const out32 = new Uint32Array(out.buffer);
  // Rows at other depths than 8 are first unpacked into 8-bit samples (palette indices unscaled).
  const line = depth === 8 ? undefined : new Uint8Array(width * channels);
  const max = (1 << depth) - 1;
  const grey = colourType === 0 || colourType === 4;
  for (let y = 0; y < height; y++) {
    const row = y * (stride + 1) + 1;
    let src: Uint8Array = rows;
    let at = row;
    if (line) {
      for (let n = 0; n < line.length; n++) {
        const raw = rawSample(rows, row, n, depth);
        line[n] = colourType === 3 ? raw : depth === 16 ? raw >> 8 : (raw * 255) / max;
      }
      src = line;
      at = 0;
    }
    const o = y * width * 4;
    if (colourType === 6) out.set(src.subarray(at, at + width * 4), o);
    else if (colourType === 3 && colours) for (let x = 0; x < width; x++) out32[o / 4 + x] = colours[src[at + x] as number] as number;
    else
      for (let x = 0, p = o; x < width; x++, p += 4) {
        const s = at + x * channels;
        out[p] = src[s] as number;
        out[p + 1] = src[grey ? s : s + 1] as number;
        out[p + 2] = src[grey ? s : s + 2] as number;
        out[p + 3] = colourType === 4 ? (src[s + 1] as number) : 255;
      }
    if (key && (colourType === 0 || colourType === 2)) transparentKey(rows, row, key, width, channels, depth, out, o);
  }
  return out;
}

/** Makes the pixels of a row whose samples equal the tRNS colour (grey or RGB, 16 bits each in the chunk) transparent. */
function transparentKey(
  rows: Buffer,
  row: number,
  key: Buffer,
  width: number,
  channels: number,
  depth: number,
  out: Uint8ClampedArray,
  o: number,
): void {
  if (key.length < 2 * channels) return;
  for (let x = 0; x < width; x++) {
    let same = true;
    for (let c = 0; c < channels && same; c++) same = rawSample(rows, row, x * channels + c, depth) === key.readUInt16BE(2 * c);
    if (same) out[o + 4 * x + 3] = 0;
  }
}
