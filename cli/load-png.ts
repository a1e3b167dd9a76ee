/**
 * PNG files → RGBA with pngjs, for the CLI: loading sharp (libvips) takes ~100 ms of start-up, and
 * PNG — screenshots — is the usual input. pngjs does not notice a file cut short (its reader
 * returns that error instead of throwing, and missing rows come out black), so the image data is
 * checked here first: its compressed stream must be whole and inflate to exactly the rows the
 * header declares, as libvips requires under failOn 'truncated'.
 */
import { inflateSync } from 'node:zlib';
import type { PNG } from 'pngjs';

const SIGNATURE = Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]);
/** Samples per pixel of each PNG colour type (grey, RGB, palette, grey + alpha, RGBA). */
const CHANNELS: Record<number, number> = { 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 };

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

/** The concatenated IDAT data; throws if an IDAT chunk (with its checksum) runs past the end of the file. */
function imageData(bytes: Buffer): Buffer {
  const parts: Buffer[] = [];
  for (let offset = 8; offset + 8 <= bytes.length;) {
    const length = bytes.readUInt32BE(offset);
    const type = bytes.toString('latin1', offset + 4, offset + 8);
    if (type === 'IEND') break;
    if (type === 'IDAT') {
      if (offset + 12 + length > bytes.length) throw new Error('PNG image data is cut short');
      parts.push(bytes.subarray(offset + 8, offset + 8 + length));
    }
    offset += 12 + length;
  }
  return Buffer.concat(parts);
}

/**
 * The pixels of a non-interlaced PNG whose header was checked (pngHeader), as 8-bit RGBA.
 * Throws on corrupt or truncated image data; a bad checksum alone is not an error (as in libvips).
 */
export function decodePng(bytes: Buffer, header: PngHeader, png: typeof PNG): { data: Buffer; width: number; height: number } {
  const channels = CHANNELS[header.colourType];
  if (channels === undefined || header.interlaced) throw new Error('unsupported PNG layout');
  // Each row: a filter byte, then the packed samples.
  const expected = (((header.width * channels * header.depth + 7) >> 3) + 1) * header.height;
  // Throws on a stream cut short, and on one longer than the image (maxOutputLength).
  const inflated = inflateSync(imageData(bytes), { maxOutputLength: expected });
  if (inflated.length !== expected) throw new Error('PNG image data is short');
  return png.sync.read(bytes, { checkCRC: false });
}
