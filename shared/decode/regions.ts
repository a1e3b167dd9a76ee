/**
 * Cheap "where might a QR code be" pass for pictures holding several codes: on a coarse grid,
 * mark cells containing dark pixels, grow them a little so a code's modules merge into one
 * blob, and return the bounding boxes of roughly square blobs, biggest first. Each box is then
 * decoded alone, where the finder patterns of neighbouring codes cannot confuse jsqr.
 */
import type { RgbaImage } from './index';

export interface Region {
  x: number;
  y: number;
  w: number;
  h: number;
}

const GRID_CELLS = 256;
const DARK = 110;
const GROW = 2;
const MAX_REGIONS = 12;

export function candidateRegions({ data, width, height }: RgbaImage): Region[] {
  const cell = Math.max(2, Math.ceil(Math.max(width, height) / GRID_CELLS));
  const cols = Math.ceil(width / cell);
  const rows = Math.ceil(height / cell);
  const dark = new Uint8Array(cols * rows);
  for (let y = 0; y < height; y += 1) {
    const rowBase = Math.floor(y / cell) * cols;
    for (let x = 0; x < width; x += 1) {
      const i = (y * width + x) * 4;
      const luma = ((data[i] ?? 0) * 77 + (data[i + 1] ?? 0) * 150 + (data[i + 2] ?? 0) * 29) >> 8;
      if (luma < DARK) dark[rowBase + Math.floor(x / cell)] = 1;
    }
  }
  const grown = new Uint8Array(cols * rows);
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      if (!dark[r * cols + c]) continue;
      for (let dr = -GROW; dr <= GROW; dr++) {
        for (let dc = -GROW; dc <= GROW; dc++) {
          const rr = r + dr;
          const cc = c + dc;
          if (rr >= 0 && rr < rows && cc >= 0 && cc < cols) grown[rr * cols + cc] = 1;
        }
      }
    }
  }
  const regions: (Region & { area: number })[] = [];
  const seen = new Uint8Array(cols * rows);
  const stack: number[] = [];
  for (let start = 0; start < grown.length; start++) {
    if (!grown[start] || seen[start]) continue;
    let [c0, r0, c1, r1] = [cols, rows, 0, 0];
    seen[start] = 1;
    stack.push(start);
    while (stack.length > 0) {
      const at = stack.pop() as number;
      const r = Math.floor(at / cols);
      const c = at % cols;
      [c0, r0, c1, r1] = [Math.min(c0, c), Math.min(r0, r), Math.max(c1, c), Math.max(r1, r)];
      for (const next of [at - cols, at + cols, c > 0 ? at - 1 : -1, c < cols - 1 ? at + 1 : -1]) {
        if (next >= 0 && next < grown.length && grown[next] && !seen[next]) {
          seen[next] = 1;
          stack.push(next);
        }
      }
    }
    const w = (c1 - c0 + 1) * cell;
    const h = (r1 - r0 + 1) * cell;
    // A QR code (with rotation and perspective) is roughly square and at least 21 px across.
    if (w >= 21 && h >= 21 && w / h < 2.5 && h / w < 2.5 && (w < width || h < height)) {
      const x = Math.max(0, c0 * cell - cell);
      const y = Math.max(0, r0 * cell - cell);
      regions.push({ x, y, w: Math.min(width - x, w + 2 * cell), h: Math.min(height - y, h + 2 * cell), area: w * h });
    }
  }
  return regions
    .sort((a, b) => b.area - a.area)
    .slice(0, MAX_REGIONS)
    .map(({ x, y, w, h }) => ({ x, y, w, h }));
}
