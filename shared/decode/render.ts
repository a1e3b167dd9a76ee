/**
 * Stage 6c: a sampled module grid drawn as a perfect symbol (black on white, a few pixels per
 * module, quiet zone) for jsqr to decode. The function patterns — finders and their separators,
 * timing lines, alignment patterns — are drawn as the standard defines them rather than as
 * sampled, so jsqr's own locator always finds the symbol and only data and format modules carry
 * the photo's errors, which Reed–Solomon and BCH correction are there for.
 */

/** Centres of alignment patterns along one axis (ISO/IEC 18004 table E.1, by its construction rule). */
export function alignmentCentres(dimension: number): number[] {
  const version = (dimension - 17) / 4;
  if (version < 2) return [];
  const count = Math.floor(version / 7) + 2;
  const step = dimension === 145 ? 26 : Math.ceil((dimension - 13) / (2 * count - 2)) * 2;
  const centres = [dimension - 7];
  for (let i = 1; i < count - 1; i++) centres.push((centres[i - 1] as number) - step);
  centres.push(6);
  return centres.reverse();
}

/** Forces the function patterns of a `dimension` symbol into `bits` (1 = dark). */
export function drawFunctionPatterns(bits: Uint8Array, dimension: number): void {
  const set = (r: number, c: number, v: number): void => {
    if (r >= 0 && c >= 0 && r < dimension && c < dimension) bits[r * dimension + c] = v;
  };
  for (const [r0, c0] of [
    [0, 0],
    [0, dimension - 7],
    [dimension - 7, 0],
  ] as const) {
    for (let r = -1; r <= 7; r++) {
      for (let c = -1; c <= 7; c++) {
        const ring = Math.max(Math.abs(r - 3), Math.abs(c - 3));
        set(r0 + r, c0 + c, ring === 2 || ring === 4 ? 0 : 1);
      }
    }
  }
  for (let i = 8; i < dimension - 8; i++) {
    set(6, i, i % 2 === 0 ? 1 : 0);
    set(i, 6, i % 2 === 0 ? 1 : 0);
  }
  const centres = alignmentCentres(dimension);
  const last = dimension - 7;
  for (const r of centres) {
    for (const c of centres) {
      // The three positions under finder patterns carry none.
      if ((r === 6 && (c === 6 || c === last)) || (r === last && c === 6)) continue;
      for (let dr = -2; dr <= 2; dr++) {
        for (let dc = -2; dc <= 2; dc++) set(r + dr, c + dc, Math.max(Math.abs(dr), Math.abs(dc)) === 1 ? 0 : 1);
      }
    }
  }
  set(dimension - 8, 8, 1);
}

const littleEndian = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/** Reusable RGBA buffer for rendered symbols. */
export class SymbolRenderer {
  private buffer = new Uint8ClampedArray(0);

  /** Draws `bits` at `scale` pixels per module inside a `quiet`-module margin; valid until the next call. */
  render(bits: Uint8Array, dimension: number, scale: number, quiet: number): { rgba: Uint8ClampedArray; size: number } {
    const size = (dimension + 2 * quiet) * scale;
    const n = size * size * 4;
    if (this.buffer.length < n) this.buffer = new Uint8ClampedArray(n);
    const rgba = this.buffer.subarray(0, n);
    rgba.fill(255);
    const words = littleEndian ? new Uint32Array(rgba.buffer, rgba.byteOffset, size * size) : undefined;
    for (let r = 0; r < dimension; r++) {
      for (let c = 0; c < dimension; c++) {
        if (!bits[r * dimension + c]) continue;
        for (let y = (r + quiet) * scale, ye = y + scale; y < ye; y++) {
          const start = y * size + (c + quiet) * scale;
          if (words) {
            words.fill(0xff000000, start, start + scale);
          } else {
            for (let i = start; i < start + scale; i++) rgba.fill(0, i * 4, i * 4 + 3);
          }
        }
      }
    }
    return { rgba, size };
  }
}
