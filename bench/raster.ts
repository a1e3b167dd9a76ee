/**
 * Just enough raster drawing for the benchmark corpus: an RGB float canvas with anti-aliased
 * rectangles and ellipses, pseudo-text, value noise, Gaussian blur and RGBA export. Our own
 * pixel code rather than SVG rendering, so the corpus does not depend on installed fonts.
 */
import type { Rng } from './rng';

export type Rgb = readonly [number, number, number];

export class Canvas {
  readonly data: Float32Array;

  constructor(
    readonly width: number,
    readonly height: number,
    background: Rgb = [255, 255, 255],
  ) {
    this.data = new Float32Array(width * height * 3);
    for (let i = 0; i < this.data.length; i += 3) {
      this.data[i] = background[0];
      this.data[i + 1] = background[1];
      this.data[i + 2] = background[2];
    }
  }

  /** Blends `color` into pixel (x, y) with weight `alpha` (0..1). */
  blend(x: number, y: number, color: Rgb, alpha: number): void {
    if (x < 0 || y < 0 || x >= this.width || y >= this.height || alpha <= 0) return;
    const i = (y * this.width + x) * 3;
    const a = Math.min(1, alpha);
    const d = this.data;
    d[i] = (d[i] as number) * (1 - a) + color[0] * a;
    d[i + 1] = (d[i + 1] as number) * (1 - a) + color[1] * a;
    d[i + 2] = (d[i + 2] as number) * (1 - a) + color[2] * a;
  }

  /** A rectangle with fractional edges, anti-aliased by exact pixel coverage. */
  fillRect(x0: number, y0: number, x1: number, y1: number, color: Rgb, alpha = 1): void {
    const px0 = Math.max(0, Math.floor(x0));
    const py0 = Math.max(0, Math.floor(y0));
    const px1 = Math.min(this.width, Math.ceil(x1));
    const py1 = Math.min(this.height, Math.ceil(y1));
    for (let y = py0; y < py1; y++) {
      const cy = Math.min(y + 1, y1) - Math.max(y, y0);
      if (cy <= 0) continue;
      for (let x = px0; x < px1; x++) {
        const cx = Math.min(x + 1, x1) - Math.max(x, x0);
        if (cx > 0) this.blend(x, y, color, cx * cy * alpha);
      }
    }
  }

  /** An outlined rectangle (border of width `w`). */
  strokeRect(x0: number, y0: number, x1: number, y1: number, w: number, color: Rgb): void {
    this.fillRect(x0, y0, x1, y0 + w, color);
    this.fillRect(x0, y1 - w, x1, y1, color);
    this.fillRect(x0, y0 + w, x0 + w, y1 - w, color);
    this.fillRect(x1 - w, y0 + w, x1, y1 - w, color);
  }

  /** An ellipse, anti-aliased by 4×4 supersampling on its edge pixels. */
  fillEllipse(cx: number, cy: number, rx: number, ry: number, color: Rgb, alpha = 1): void {
    const x0 = Math.max(0, Math.floor(cx - rx));
    const x1 = Math.min(this.width, Math.ceil(cx + rx));
    const y0 = Math.max(0, Math.floor(cy - ry));
    const y1 = Math.min(this.height, Math.ceil(cy + ry));
    for (let y = y0; y < y1; y++) {
      for (let x = x0; x < x1; x++) {
        let inside = 0;
        for (let s = 0; s < 16; s++) {
          const dx = (x + ((s & 3) + 0.5) / 4 - cx) / rx;
          const dy = (y + ((s >> 2) + 0.5) / 4 - cy) / ry;
          if (dx * dx + dy * dy <= 1) inside++;
        }
        if (inside > 0) this.blend(x, y, color, (inside / 16) * alpha);
      }
    }
  }

  /** A vertical gradient from `top` to `bottom` over a rectangle. */
  fillGradient(x0: number, y0: number, x1: number, y1: number, top: Rgb, bottom: Rgb): void {
    for (let y = Math.max(0, Math.floor(y0)); y < Math.min(this.height, Math.ceil(y1)); y++) {
      const t = (y - y0) / Math.max(1, y1 - y0);
      const c: Rgb = [top[0] + (bottom[0] - top[0]) * t, top[1] + (bottom[1] - top[1]) * t, top[2] + (bottom[2] - top[2]) * t];
      this.fillRect(x0, y, x1, y + 1, c);
    }
  }

  /** Multiplies every pixel by `field(x, y)` (lighting) and adds `add(x, y)` toward white (glare). */
  light(field: (x: number, y: number) => number, glare?: (x: number, y: number) => number): void {
    const d = this.data;
    for (let y = 0; y < this.height; y++) {
      for (let x = 0; x < this.width; x++) {
        const i = (y * this.width + x) * 3;
        const f = field(x, y);
        const g = glare ? glare(x, y) : 0;
        for (let c = 0; c < 3; c++) {
          const v = (d[i + c] as number) * f;
          d[i + c] = v + (255 - v) * g;
        }
      }
    }
  }

  /** Separable Gaussian blur. */
  blur(sigma: number): void {
    if (sigma < 0.3) return;
    const radius = Math.ceil(sigma * 3);
    const kernel = new Float32Array(radius * 2 + 1);
    let sum = 0;
    for (let k = -radius; k <= radius; k++) sum += kernel[k + radius] = Math.exp(-(k * k) / (2 * sigma * sigma));
    for (let k = 0; k < kernel.length; k++) kernel[k] = (kernel[k] as number) / sum;
    const { width: w, height: h } = this;
    const src = this.data;
    const tmp = new Float32Array(src.length);
    // Horizontal: each row padded by repeating its end pixels.
    const row = new Float32Array((w + 2 * radius) * 3);
    for (let y = 0; y < h; y++) {
      for (let x = -radius; x < w + radius; x++) {
        const sx = Math.min(w - 1, Math.max(0, x));
        for (let c = 0; c < 3; c++) row[(x + radius) * 3 + c] = src[(y * w + sx) * 3 + c] as number;
      }
      for (let i = 0; i < w * 3; i++) {
        let acc = 0;
        for (let k = 0; k < kernel.length; k++) acc += (row[i + k * 3] as number) * (kernel[k] as number);
        tmp[y * w * 3 + i] = acc;
      }
    }
    // Vertical: whole rows at a time, so memory is read in order.
    for (let y = 0; y < h; y++) {
      const out = y * w * 3;
      src.fill(0, out, out + w * 3);
      for (let k = -radius; k <= radius; k++) {
        const sy = Math.min(h - 1, Math.max(0, y + k));
        const kv = kernel[k + radius] as number;
        const from = sy * w * 3;
        for (let i = 0; i < w * 3; i++) src[out + i] = (src[out + i] as number) + (tmp[from + i] as number) * kv;
      }
    }
  }

  /** Gaussian sensor noise, mostly shared by the channels (luma) with a little chroma. */
  noise(rng: Rng, sigma: number): void {
    const d = this.data;
    for (let i = 0; i < d.length; i += 3) {
      const luma = rng.gauss() * sigma;
      for (let c = 0; c < 3; c++) d[i + c] = (d[i + c] as number) + luma + rng.gauss() * sigma * 0.3;
    }
  }

  /** RGBA bytes, as a decoder receives them from a canvas or a screenshot. */
  toRgba(): Uint8ClampedArray {
    const out = new Uint8ClampedArray(this.width * this.height * 4);
    for (let i = 0, j = 0; i < this.data.length; i += 3, j += 4) {
      out[j] = Math.round(this.data[i] as number);
      out[j + 1] = Math.round(this.data[i + 1] as number);
      out[j + 2] = Math.round(this.data[i + 2] as number);
      out[j + 3] = 255;
    }
    return out;
  }
}

/** Smooth random field in [0, 1]: a coarse random grid, bilinearly interpolated. */
export function valueNoise(rng: Rng, width: number, height: number, cell: number): (x: number, y: number) => number {
  const cols = Math.ceil(width / cell) + 2;
  const rows = Math.ceil(height / cell) + 2;
  const grid = Float32Array.from({ length: cols * rows }, () => rng.next());
  const inv = 1 / cell;
  return (x, y) => {
    const gx = Math.max(0, x * inv);
    const gy = Math.max(0, y * inv);
    const c = Math.min(cols - 2, gx | 0);
    const r = Math.min(rows - 2, gy | 0);
    const fx = gx - c;
    const fy = gy - r;
    const sx = fx * fx * (3 - 2 * fx);
    const sy = fy * fy * (3 - 2 * fy);
    const i = r * cols + c;
    const a = grid[i] as number;
    const b = grid[i + 1] as number;
    const d = grid[i + cols] as number;
    const e = grid[i + cols + 1] as number;
    const top = a + (b - a) * sx;
    const bottom = d + (e - d) * sx;
    return top + (bottom - top) * sy;
  };
}

/**
 * A pseudo-font: glyphs built from stems, bars and dots on a 5×8 grid, rendered with 4×4
 * supersampling. It looks enough like UI text (thin strokes, words, lines) to give the locator
 * the same kind of clutter a real screenshot has.
 */
export class PseudoFont {
  private readonly glyphs: [number, number, number, number][][] = [];
  private readonly cache = new Map<string, Float32Array>();

  constructor(rng: Rng, count = 64) {
    const stroke = 0.9;
    const parts: [number, number, number, number][] = [
      [0.5, 3, 0.5 + stroke, 8], // left stem (x-height)
      [3.6, 3, 3.6 + stroke, 8], // right stem
      [0.5, 0, 0.5 + stroke, 8], // left ascender
      [3.6, 0, 3.6 + stroke, 8], // right ascender
      [2.05, 3, 2.05 + stroke, 8], // middle stem
      [0.5, 3, 4.5, 3 + stroke], // top bar
      [0.5, 5.1, 4.5, 5.1 + stroke], // middle bar
      [0.5, 8 - stroke, 4.5, 8], // bottom bar
      [0.5, 8, 0.5 + stroke, 10], // descender
      [2.05, 1, 2.05 + stroke, 1 + stroke], // dot
    ];
    for (let g = 0; g < count; g++) {
      const rects = parts.filter(() => rng.chance(0.35));
      if (rects.length === 0) rects.push(parts[0] as [number, number, number, number]);
      this.glyphs.push(rects);
    }
  }

  /** Coverage bitmap of glyph `g` at `size` px per em (glyph cell: 0.6 em wide, 1.25 em tall). */
  private bitmap(g: number, size: number): { cov: Float32Array; w: number; h: number } {
    const unit = size / 8;
    const w = Math.max(1, Math.ceil(5 * unit));
    const h = Math.max(1, Math.ceil(10 * unit));
    const key = `${g}:${size}`;
    let cov = this.cache.get(key);
    if (!cov) {
      cov = new Float32Array(w * h);
      const rects = this.glyphs[g % this.glyphs.length] ?? [];
      for (let y = 0; y < h; y++) {
        for (let x = 0; x < w; x++) {
          let hits = 0;
          for (let s = 0; s < 16; s++) {
            const u = (x + ((s & 3) + 0.5) / 4) / unit;
            const v = (y + ((s >> 2) + 0.5) / 4) / unit;
            if (rects.some(([a, b, c, d]) => u >= a && u < c && v >= b && v < d)) hits++;
          }
          cov[y * w + x] = hits / 16;
        }
      }
      this.cache.set(key, cov);
    }
    return { cov, w, h };
  }

  /** Draws a line of random words from (x, y) up to `maxX`; returns where it ended. */
  drawLine(canvas: Canvas, rng: Rng, x: number, y: number, maxX: number, size: number, color: Rgb): number {
    const advance = Math.max(2, Math.round(size * 0.62));
    let at = x;
    while (at < maxX - advance * 2) {
      const word = rng.int(1, 9);
      if (at + word * advance > maxX) break;
      for (let i = 0; i < word; i++) {
        const { cov, w, h } = this.bitmap(rng.int(0, this.glyphs.length - 1), size);
        const ox = Math.round(at);
        const oy = Math.round(y);
        for (let yy = 0; yy < h; yy++) {
          for (let xx = 0; xx < w; xx++) canvas.blend(ox + xx, oy + yy, color, cov[yy * w + xx] ?? 0);
        }
        at += advance;
      }
      at += advance;
    }
    return at;
  }
}
