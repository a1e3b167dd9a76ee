/**
 * Stage 6d: a sampled module grid decoded directly — format and version information, unmasking,
 * codeword order and Reed–Solomon correction by @zxing/library's QR decoder parts, transposed
 * once for mirrored codes as zxing and jsqr both do — instead of drawing it and letting jsqr find
 * the symbol again. The data bits are then split into segments exactly as jsqr splits them, so
 * text.ts turns them into the same text; anything jsqr would read differently (a mode it does
 * not know, a malformed segment) is left to the rendered-symbol path, which is jsqr itself.
 */
import BitMatrix from '@zxing/library/esm/core/common/BitMatrix';
import BitSource from '@zxing/library/esm/core/common/BitSource';
import GenericGF from '@zxing/library/esm/core/common/reedsolomon/GenericGF';
import ReedSolomonDecoder from '@zxing/library/esm/core/common/reedsolomon/ReedSolomonDecoder';
import BitMatrixParser from '@zxing/library/esm/core/qrcode/decoder/BitMatrixParser';
import DataBlock from '@zxing/library/esm/core/qrcode/decoder/DataBlock';
import { textFromChunks, type Segment } from './text';

const rs = new ReedSolomonDecoder(GenericGF.QR_CODE_FIELD_256);

const ALPHANUMERIC = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:';

/** The text of the symbol whose modules are `bits` (row-major, 1 = dark), or null when it does not decode here. */
export function decodeSymbol(bits: Uint8Array, dimension: number): string | null {
  const matrix = new BitMatrix(dimension);
  for (let r = 0; r < dimension; r++) {
    for (let c = 0; c < dimension; c++) if (bits[r * dimension + c]) matrix.set(c, r);
  }
  const parser = new BitMatrixParser(matrix);
  const upright = attempt(() => segmentsOf(parser));
  if (upright) return textFromChunks(upright);
  const mirrored = attempt(() => {
    parser.remask();
    parser.setMirror(true);
    parser.readVersion();
    parser.readFormatInformation();
    parser.mirror();
    return segmentsOf(parser);
  });
  return mirrored ? textFromChunks(mirrored) : null;
}

/** `read()`, or null when it throws (zxing reports a failed read by throwing). */
function attempt<T>(read: () => T): T | null {
  try {
    return read();
  } catch {
    return null;
  }
}

/** The corrected data codewords of the symbol behind `parser`, as segments. */
function segmentsOf(parser: BitMatrixParser): Segment[] {
  const version = parser.readVersion();
  const ecLevel = parser.readFormatInformation().getErrorCorrectionLevel();
  const blocks = DataBlock.getDataBlocks(parser.readCodewords(), version, ecLevel);
  const data = new Uint8Array(blocks.reduce((n, b) => n + b.getNumDataCodewords(), 0));
  let offset = 0;
  for (const block of blocks) {
    const codewords = block.getCodewords();
    const ints = new Int32Array(codewords);
    rs.decode(ints, codewords.length - block.getNumDataCodewords());
    for (let i = 0; i < block.getNumDataCodewords(); i++) data[offset++] = ints[i] as number;
  }
  return splitSegments(data, version.getVersionNumber());
}

/** The segments of a data bit stream, as jsqr's decoder splits them (it stops at a terminator, skips nothing). */
function splitSegments(data: Uint8Array, version: number): Segment[] {
  const bits = new BitSource(data);
  const size = version <= 9 ? 0 : version <= 26 ? 1 : 2;
  const count = (widths: readonly [number, number, number]): number => bits.readBits(widths[size]);
  const segments: Segment[] = [];
  while (bits.available() >= 4) {
    const mode = bits.readBits(4);
    if (mode === 0b0000) return segments;
    if (mode === 0b0111) segments.push({ type: 'eci', assignmentNumber: eciNumber(bits) });
    else if (mode === 0b0001) segments.push({ type: 'numeric', text: numeric(bits, count([10, 12, 14])) });
    else if (mode === 0b0010) segments.push({ type: 'alphanumeric', text: alphanumeric(bits, count([9, 11, 13])) });
    else if (mode === 0b0100) segments.push({ type: 'byte', bytes: Array.from({ length: count([8, 16, 16]) }, () => bits.readBits(8)) });
    else if (mode === 0b1000) segments.push({ type: 'kanji', bytes: kanji(bits, count([8, 10, 12])) });
    else throw new Error(`mode ${mode} is left to jsqr`);
  }
  // Like jsqr: running out of data, or padding with zero bits, also ends the stream.
  const left = bits.available();
  if (left === 0 || bits.readBits(left) === 0) return segments;
  throw new Error('data after the last segment');
}

function eciNumber(bits: BitSource): number {
  if (bits.readBits(1) === 0) return bits.readBits(7);
  if (bits.readBits(1) === 0) return bits.readBits(14);
  if (bits.readBits(1) === 0) return bits.readBits(21);
  return -1;
}

function numeric(bits: BitSource, length: number): string {
  let text = '';
  for (; length >= 3; length -= 3) text += digits(bits.readBits(10), 3);
  if (length === 2) text += digits(bits.readBits(7), 2);
  if (length === 1) text += digits(bits.readBits(4), 1);
  return text;
}

function digits(value: number, n: number): string {
  if (value >= 10 ** n) throw new Error('numeric value out of range');
  return String(value).padStart(n, '0');
}

function alphanumeric(bits: BitSource, length: number): string {
  const char = (i: number): string => {
    const c = ALPHANUMERIC[i];
    if (c === undefined) throw new Error('alphanumeric value out of range');
    return c;
  };
  let text = '';
  for (; length >= 2; length -= 2) {
    const v = bits.readBits(11);
    text += char(Math.floor(v / 45)) + char(v % 45);
  }
  if (length === 1) text += char(bits.readBits(6));
  return text;
}

/** Kanji characters (13 bits each) as their Shift-JIS bytes. */
function kanji(bits: BitSource, length: number): number[] {
  const bytes: number[] = [];
  for (let i = 0; i < length; i++) {
    const k = bits.readBits(13);
    let c = (Math.floor(k / 0xc0) << 8) | (k % 0xc0);
    c += c < 0x1f00 ? 0x8140 : 0xc140;
    bytes.push(c >> 8, c & 0xff);
  }
  return bytes;
}
