/**
 * Synthetic camera frames: a cluttered scene with a printed card or a phone screen showing one
 * QR code, seen through a pinhole camera (3-D tilt and any roll), then lit unevenly, hit by glare,
 * defocused, made noisy and JPEG-compressed, in the amounts a category asks for.
 */
import { Canvas, PseudoFont, valueNoise, type Rgb } from './raster';
import { isDark, makeSymbol, payload } from './payloads';
import type { Rng } from './rng';
import type { TruthCode } from './screen';

export interface CameraSpec {
  width: number;
  height: number;
  /** Whether there is a code at all (negatives have none). */
  code: boolean;
  /** Tilt about the horizontal and vertical axes, degrees. */
  tilt: number;
  /** Roll: the code is turned by up to this many degrees either way. */
  roll: number;
  /** Defocus blur, as a fraction of the module size. */
  blur: number;
  /** Sensor noise standard deviation, grey levels. */
  noise: number;
  /** Darkest illumination across the code (1 = even light). */
  light: number;
  /** Glare spot strength (0 = none). */
  glare: number;
  inverted: boolean;
}

type Mat3 = [number, number, number, number, number, number, number, number, number];

function mul(a: Mat3, b: Mat3): Mat3 {
  const r = new Array<number>(9).fill(0);
  for (let i = 0; i < 3; i++)
    for (let j = 0; j < 3; j++)
      for (let k = 0; k < 3; k++) r[i * 3 + j] = (r[i * 3 + j] as number) + (a[i * 3 + k] as number) * (b[k * 3 + j] as number);
  return r as Mat3;
}

function invert(m: Mat3): Mat3 {
  const [a, b, c, d, e, f, g, h, i] = m;
  const A = e * i - f * h;
  const B = -(d * i - f * g);
  const C = d * h - e * g;
  const det = a * A + b * B + c * C;
  return [
    A / det,
    -(b * i - c * h) / det,
    (b * f - c * e) / det,
    B / det,
    (a * i - c * g) / det,
    -(a * f - c * d) / det,
    C / det,
    -(a * h - b * g) / det,
    (a * e - b * d) / det,
  ];
}

function apply(m: Mat3, x: number, y: number): [number, number] {
  const w = m[6] * x + m[7] * y + m[8];
  return [(m[0] * x + m[1] * y + m[2]) / w, (m[3] * x + m[4] * y + m[5]) / w];
}

const rad = (deg: number): number => (deg * Math.PI) / 180;

/** Plane (modules) → image homography of a code of `n` modules centred at (px, py), `size` px wide. */
function cameraHomography(spec: CameraSpec, n: number, size: number, px: number, py: number, angles: [number, number, number]): Mat3 {
  const f = spec.width * 0.9;
  const cx = spec.width / 2;
  const cy = spec.height / 2;
  const [pitch, yaw, roll] = angles.map(rad) as [number, number, number];
  const rx: Mat3 = [1, 0, 0, 0, Math.cos(pitch), -Math.sin(pitch), 0, Math.sin(pitch), Math.cos(pitch)];
  const ry: Mat3 = [Math.cos(yaw), 0, Math.sin(yaw), 0, 1, 0, -Math.sin(yaw), 0, Math.cos(yaw)];
  const rz: Mat3 = [Math.cos(roll), -Math.sin(roll), 0, Math.sin(roll), Math.cos(roll), 0, 0, 0, 1];
  const r = mul(rz, mul(rx, ry));
  const z = (n * f) / size;
  const t = [((px - cx) * z) / f, ((py - cy) * z) / f, z];
  // [r1 r2 t] maps (u', v', 1) to camera space; K projects; the last factor centres the code.
  const rt: Mat3 = [r[0], r[1], t[0] as number, r[3], r[4], t[1] as number, r[6], r[7], t[2] as number];
  const k: Mat3 = [f, 0, cx, 0, f, cy, 0, 0, 1];
  const centre: Mat3 = [1, 0, -n / 2, 0, 1, -n / 2, 0, 0, 1];
  return mul(k, mul(rt, centre));
}

function drawScene(canvas: Canvas, rng: Rng): void {
  const { width: w, height: h } = canvas;
  const base = valueNoise(rng.fork(1), w, h, w / 5);
  const c1: Rgb = [rng.int(40, 200), rng.int(40, 200), rng.int(40, 200)];
  const c2: Rgb = [rng.int(40, 220), rng.int(40, 220), rng.int(40, 220)];
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const n = base(x, y);
      canvas.blend(x, y, [c1[0] + (c2[0] - c1[0]) * n, c1[1] + (c2[1] - c1[1]) * n, c1[2] + (c2[2] - c1[2]) * n], 1);
    }
  }
  const font = new PseudoFont(rng.fork(2));
  for (let i = rng.int(3, 8); i > 0; i--) {
    const color: Rgb = [rng.int(0, 255), rng.int(0, 255), rng.int(0, 255)];
    const x = rng.range(-0.1, 0.9) * w;
    const y = rng.range(-0.1, 0.9) * h;
    const sw = rng.range(0.05, 0.4) * w;
    const sh = rng.range(0.05, 0.4) * h;
    switch (rng.int(0, 3)) {
      case 0:
        canvas.fillRect(x, y, x + sw, y + sh, color);
        break;
      case 1:
        canvas.fillEllipse(x + sw / 2, y + sh / 2, sw / 2, sh / 2, color);
        break;
      case 2: {
        // A printed page with lines of text.
        canvas.fillRect(x, y, x + sw, y + sh, [235, 232, 225]);
        const size = rng.int(7, 14);
        for (let ly = y + size; ly < y + sh - size * 2; ly += size * 1.7)
          font.drawLine(canvas, rng, x + size, ly, x + sw - size, size, [40, 40, 40]);
        break;
      }
      default: {
        // Tiles or a keyboard: a regular grid of dark and light squares.
        const cell = rng.range(6, 24);
        for (let gy = 0; gy * cell < sh; gy++) {
          for (let gx = 0; gx * cell < sw; gx++) {
            if ((gx + gy) % 2 === 0 || rng.chance(0.2))
              canvas.fillRect(x + gx * cell, y + gy * cell, x + (gx + 1) * cell - 1, y + (gy + 1) * cell - 1, color);
          }
        }
      }
    }
  }
}

/** Renders one camera frame and its ground truth. */
export function renderCamera(rng: Rng, spec: CameraSpec): { canvas: Canvas; codes: TruthCode[]; tags: Record<string, string | number> } {
  const { width: w, height: h } = spec;
  const canvas = new Canvas(w, h);
  drawScene(canvas, rng);
  const codes: TruthCode[] = [];
  const tags: Record<string, string | number> = {};
  let modulePx = 4;
  let box = { x0: 0, y0: 0, x1: w, y1: h };
  if (spec.code) {
    const symbol = makeSymbol(payload(rng, 0), rng.pick(['M', 'Q', 'H'] as const));
    const n = symbol.size;
    const quiet = 4;
    const pad = rng.pick([0, 1, 3, 6]);
    const phone = rng.chance(0.3);
    const bezel = phone ? 3 : 0;
    const paper: Rgb = spec.inverted
      ? [rng.int(15, 45), rng.int(15, 45), rng.int(15, 50)]
      : [rng.int(225, 255), rng.int(225, 255), rng.int(215, 250)];
    const ink: Rgb = spec.inverted
      ? [rng.int(200, 240), rng.int(200, 240), rng.int(200, 240)]
      : [rng.int(10, 50), rng.int(10, 50), rng.int(10, 60)];
    const angles: [number, number, number] = [
      rng.range(-spec.tilt, spec.tilt),
      rng.range(-spec.tilt, spec.tilt),
      rng.range(-spec.roll, spec.roll),
    ];
    let homography: Mat3 | undefined;
    const edge = quiet + pad + bezel;
    for (let attempt = 0; attempt < 100 && !homography; attempt++) {
      const size = rng.range(0.28, 0.62) * h * (attempt > 50 ? 0.7 : 1);
      const m = cameraHomography(spec, n, size, rng.range(0.2, 0.8) * w, rng.range(0.25, 0.75) * h, angles);
      const outline = [apply(m, -edge, -edge), apply(m, n + edge, -edge), apply(m, n + edge, n + edge), apply(m, -edge, n + edge)];
      if (outline.every(([x, y]) => x > 4 && y > 4 && x < w - 4 && y < h - 4)) homography = m;
    }
    if (!homography) throw new Error('could not place the code');
    const inverse = invert(homography);
    const corners = [apply(homography, 0, 0), apply(homography, n, 0), apply(homography, n, n), apply(homography, 0, n)];
    const outline = [
      apply(homography, -edge, -edge),
      apply(homography, n + edge, -edge),
      apply(homography, n + edge, n + edge),
      apply(homography, -edge, n + edge),
    ];
    const xs = outline.map((p) => p[0]);
    const ys = outline.map((p) => p[1]);
    for (let y = Math.floor(Math.min(...ys)); y < Math.ceil(Math.max(...ys)); y++) {
      for (let x = Math.floor(Math.min(...xs)); x < Math.ceil(Math.max(...xs)); x++) {
        let inside = 0;
        const acc = [0, 0, 0];
        for (let s = 0; s < 9; s++) {
          const [u, v] = apply(inverse, x + ((s % 3) + 0.5) / 3, y + (Math.floor(s / 3) + 0.5) / 3);
          if (u < -edge || v < -edge || u >= n + edge || v >= n + edge) continue;
          inside++;
          const inBezel = u < -quiet - pad || v < -quiet - pad || u >= n + quiet + pad || v >= n + quiet + pad;
          const c: Rgb = inBezel ? [12, 12, 14] : isDark(symbol, Math.floor(u), Math.floor(v)) ? ink : paper;
          acc[0] = (acc[0] as number) + c[0];
          acc[1] = (acc[1] as number) + c[1];
          acc[2] = (acc[2] as number) + c[2];
        }
        if (inside > 0)
          canvas.blend(x, y, [(acc[0] as number) / inside, (acc[1] as number) / inside, (acc[2] as number) / inside], inside / 9);
      }
    }
    codes.push({ text: symbol.text, modules: n, corners });
    const cx = corners.map((p) => p[0]);
    const cy = corners.map((p) => p[1]);
    box = { x0: Math.min(...cx), y0: Math.min(...cy), x1: Math.max(...cx), y1: Math.max(...cy) };
    modulePx = Math.max(box.x1 - box.x0, box.y1 - box.y0) / n;
    tags.version = (n - 17) / 4;
    tags.modulePx = Number(modulePx.toFixed(2));
    tags.angles = angles.map((a) => a.toFixed(0)).join('/');
    tags.holder = phone ? 'phone' : 'paper';
  }
  // Light: a gradient across the code from full to `spec.light`, a soft shadow, overall exposure.
  const dir = rng.range(0, Math.PI * 2);
  const span = Math.max(box.x1 - box.x0, box.y1 - box.y0, 1);
  const mx = (box.x0 + box.x1) / 2;
  const my = (box.y0 + box.y1) / 2;
  const exposure = rng.range(0.8, 1);
  const shade = valueNoise(rng.fork(5), w, h, w / 3);
  const field = (x: number, y: number): number => {
    const along = Math.min(1, Math.max(0, ((x - mx) * Math.cos(dir) + (y - my) * Math.sin(dir)) / span + 0.5));
    return exposure * (1 - (1 - spec.light) * along) * (0.92 + 0.08 * shade(x, y));
  };
  const gx = rng.range(box.x0, box.x1);
  const gy = rng.range(box.y0, box.y1);
  const gr = rng.range(0.12, 0.3) * span;
  const glare =
    spec.glare > 0 ? (x: number, y: number): number => spec.glare * Math.exp(-((x - gx) ** 2 + (y - gy) ** 2) / (2 * gr * gr)) : undefined;
  canvas.light(field, glare);
  const sigma = Math.min(5, Math.max(0.5, spec.blur * modulePx));
  canvas.blur(sigma);
  canvas.noise(rng, spec.noise);
  Object.assign(tags, {
    blurPx: Number(sigma.toFixed(2)),
    noise: Number(spec.noise.toFixed(1)),
    light: Number(spec.light.toFixed(2)),
    glare: Number(spec.glare.toFixed(2)),
  });
  return { canvas, codes, tags };
}
