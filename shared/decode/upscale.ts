/**
 * The small-image path's first step: a frame under ~400 px (a web thumbnail, a cropped sticker)
 * has modules of 2–4 px and quiet zones of a module or two, where finder runs of one or two
 * pixels are at the mercy of a grey edge pixel. Doubled (bilinear), its modules are 4–8 px and
 * the locator's ordinary run ratios apply.
 */
import type { RgbaImage } from './types';

/** Reusable buffer for the doubled frame. */
export class Upscaler {
  private buffer = new Uint8ClampedArray(0);

  /** `image` at twice its width and height; pixel (x, y) of the result samples (x + 0.5) / 2 − 0.5 of the source. Valid until the next call. */
  double(image: RgbaImage): RgbaImage & { data: Uint8ClampedArray } {
    const { data: src, width: w, height: h } = image;
    const ow = 2 * w;
    const oh = 2 * h;
    const n = ow * oh * 4;
    if (this.buffer.length < n) this.buffer = new Uint8ClampedArray(n);
    const out = this.buffer.subarray(0, n);
    for (let y = 0; y < oh; y++) {
      const fy = Math.min(h - 1, Math.max(0, (y + 0.5) / 2 - 0.5));
      const y0 = Math.floor(fy);
      const y1 = Math.min(h - 1, y0 + 1);
      const ay = fy - y0;
      for (let x = 0; x < ow; x++) {
        const fx = Math.min(w - 1, Math.max(0, (x + 0.5) / 2 - 0.5));
        const x0 = Math.floor(fx);
        const x1 = Math.min(w - 1, x0 + 1);
        const ax = fx - x0;
        const a = (y0 * w + x0) * 4;
        const b = (y0 * w + x1) * 4;
        const c = (y1 * w + x0) * 4;
        const d = (y1 * w + x1) * 4;
        const o = (y * ow + x) * 4;
        for (let k = 0; k < 3; k++) {
          const top = (src[a + k] as number) + ((src[b + k] as number) - (src[a + k] as number)) * ax;
          const bottom = (src[c + k] as number) + ((src[d + k] as number) - (src[c + k] as number)) * ax;
          out[o + k] = top + (bottom - top) * ay;
        }
        out[o + 3] = 255;
      }
    }
    return { data: out, width: ow, height: oh };
  }
}
