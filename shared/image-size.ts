/**
 * Reads an image's format and pixel dimensions from the first bytes of its file, without
 * decoding it. The renderer refuses absurd images (a 12,000 × 12,000 PNG is 576 MB of pixels)
 * from the header alone, before any decoder allocates memory for them.
 *
 * Supported: PNG, JPEG, GIF, BMP and WebP (lossy, lossless and extended) — the formats the
 * window reads. Pure functions on bytes: no DOM, no Node.
 */

export type ImageFormat = 'png' | 'jpeg' | 'gif' | 'bmp' | 'webp';

export type ImageHeader =
  /** A known format whose header gave the size. */
  | { kind: 'image'; format: ImageFormat; width: number; height: number }
  /** A known format, but the size was not in the bytes given (truncated, or a JPEG with a long preamble). */
  | { kind: 'unknown-size'; format: ImageFormat }
  /** Not one of the supported formats. */
  | { kind: 'not-image' };

/** Bytes worth reading first: every format but JPEG has its size within the first 30. */
export const HEADER_PROBE_BYTES = 64 * 1024;

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

function startsWith(bytes: Uint8Array, prefix: readonly number[], at = 0): boolean {
  if (bytes.length < at + prefix.length) return false;
  return prefix.every((value, i) => bytes[at + i] === value);
}

function ascii(bytes: Uint8Array, at: number, length: number): string {
  let text = '';
  for (let i = at; i < at + length && i < bytes.length; i++) text += String.fromCharCode(bytes[i] ?? 0);
  return text;
}

function u16be(b: Uint8Array, at: number): number {
  return ((b[at] ?? 0) << 8) | (b[at + 1] ?? 0);
}

function u16le(b: Uint8Array, at: number): number {
  return (b[at] ?? 0) | ((b[at + 1] ?? 0) << 8);
}

function u24le(b: Uint8Array, at: number): number {
  return u16le(b, at) | ((b[at + 2] ?? 0) << 16);
}

function u32be(b: Uint8Array, at: number): number {
  return (((b[at] ?? 0) << 24) >>> 0) + (((b[at + 1] ?? 0) << 16) | ((b[at + 2] ?? 0) << 8) | (b[at + 3] ?? 0));
}

function i32le(b: Uint8Array, at: number): number {
  return (b[at] ?? 0) | ((b[at + 1] ?? 0) << 8) | ((b[at + 2] ?? 0) << 16) | ((b[at + 3] ?? 0) << 24);
}

/** The format named by the file's magic bytes, if it is one we read. */
export function sniffImageFormat(bytes: Uint8Array): ImageFormat | undefined {
  if (startsWith(bytes, PNG_SIGNATURE)) return 'png';
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'jpeg';
  const gif = ascii(bytes, 0, 6);
  if (gif === 'GIF87a' || gif === 'GIF89a') return 'gif';
  if (ascii(bytes, 0, 4) === 'RIFF' && ascii(bytes, 8, 4) === 'WEBP') return 'webp';
  // "BM" alone is too weak a signature (plain text can start with it): check the DIB header size too.
  if (ascii(bytes, 0, 2) === 'BM' && [12, 40, 52, 56, 64, 108, 124].includes(i32le(bytes, 14))) return 'bmp';
  return undefined;
}

function sized(format: ImageFormat, width: number, height: number, complete: boolean): ImageHeader {
  return complete ? { kind: 'image', format, width, height } : { kind: 'unknown-size', format };
}

function pngSize(b: Uint8Array): ImageHeader {
  // The first chunk must be IHDR: width and height are big-endian 32-bit after its type.
  const complete = b.length >= 24 && ascii(b, 12, 4) === 'IHDR';
  return sized('png', u32be(b, 16), u32be(b, 20), complete);
}

function gifSize(b: Uint8Array): ImageHeader {
  return sized('gif', u16le(b, 6), u16le(b, 8), b.length >= 10);
}

function bmpSize(b: Uint8Array): ImageHeader {
  const dibSize = i32le(b, 14);
  if (dibSize === 12) return sized('bmp', u16le(b, 18), u16le(b, 20), b.length >= 22);
  // A negative height means a top-down bitmap; the size is its absolute value.
  return sized('bmp', Math.abs(i32le(b, 18)), Math.abs(i32le(b, 22)), b.length >= 26);
}

function webpSize(b: Uint8Array): ImageHeader {
  const chunk = ascii(b, 12, 4);
  if (chunk === 'VP8 ') {
    // Lossy: a 3-byte frame tag, the start code 9d 01 2a, then 14-bit width and height.
    const complete = b.length >= 30 && startsWith(b, [0x9d, 0x01, 0x2a], 23);
    return sized('webp', u16le(b, 26) & 0x3fff, u16le(b, 28) & 0x3fff, complete);
  }
  if (chunk === 'VP8L') {
    // Lossless: signature 0x2f, then width-1 and height-1 as two 14-bit fields.
    const bits = (b[21] ?? 0) | ((b[22] ?? 0) << 8) | ((b[23] ?? 0) << 16) | ((b[24] ?? 0) << 24);
    return sized('webp', (bits & 0x3fff) + 1, ((bits >>> 14) & 0x3fff) + 1, b.length >= 25 && b[20] === 0x2f);
  }
  if (chunk === 'VP8X') {
    // Extended: the canvas size, 24-bit width-1 and height-1.
    return sized('webp', u24le(b, 24) + 1, u24le(b, 27) + 1, b.length >= 30);
  }
  return { kind: 'unknown-size', format: 'webp' };
}

/** Start-of-frame markers (baseline, progressive, lossless, arithmetic): they carry the size. */
function isStartOfFrame(marker: number): boolean {
  return marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
}

function jpegSize(b: Uint8Array): ImageHeader {
  let at = 2;
  while (at + 3 < b.length) {
    if (b[at] !== 0xff) return { kind: 'unknown-size', format: 'jpeg' };
    const marker = b[at + 1] ?? 0;
    if (marker === 0xff) {
      at += 1; // fill byte before a marker
      continue;
    }
    if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
      at += 2; // markers without a length
      continue;
    }
    if (marker === 0xd9 || marker === 0xda) break; // end of image, or scan data before any frame
    if (isStartOfFrame(marker)) {
      if (at + 9 > b.length) break;
      return { kind: 'image', format: 'jpeg', width: u16be(b, at + 7), height: u16be(b, at + 5) };
    }
    at += 2 + u16be(b, at + 2);
  }
  return { kind: 'unknown-size', format: 'jpeg' };
}

/** The format and size of the image whose first bytes (or whole file) are `bytes`. */
export function readImageHeader(bytes: Uint8Array): ImageHeader {
  const format = sniffImageFormat(bytes);
  switch (format) {
    case 'png':
      return pngSize(bytes);
    case 'gif':
      return gifSize(bytes);
    case 'bmp':
      return bmpSize(bytes);
    case 'webp':
      return webpSize(bytes);
    case 'jpeg':
      return jpegSize(bytes);
    default:
      return { kind: 'not-image' };
  }
}
