/**
 * Synthetic photographs of printed QR codes, the development data for issue 11 (real photos:
 * web thumbnails, stickers, book pages, curved surfaces). A flat print — the code, its quiet
 * zone and whatever surrounds it on the page or sticker — is drawn as a texture; a pinhole camera
 * then photographs it on a plane or a cylinder (a bottle, a can) by casting a ray per sample;
 * light, a cast shadow, defocus, motion blur and noise follow, and the caller encodes JPEG at
 * quality 50–80. Small images are rendered larger and downscaled the way thumbnails are.
 */
import { Canvas, PseudoFont, valueNoise, type Rgb } from './raster';
import { isDark, makeSymbol, payload, type QrSymbol } from './payloads';
import type { Rng } from './rng';
import type { TruthCode } from './screen';

/** What a photo shows; the first five are the failure kinds issue 11 names, plus frames without a code. */
export const PHOTO_KINDS = ['small', 'perspective', 'curved', 'motion-blur', 'low-contrast', 'damaged', 'no-code'] as const;
export type PhotoKind = (typeof PHOTO_KINDS)[number];

type Vec = [number, number, number];
type Mat = [number, number, number, number, number, number, number, number, number];

const rad = (deg: number): number => (deg * Math.PI) / 180;
const mulV = (m: Mat, v: Vec): Vec => [
  m[0] * v[0] + m[1] * v[1] + m[2] * v[2],
  m[3] * v[0] + m[4] * v[1] + m[5] * v[2],
  m[6] * v[0] + m[7] * v[1] + m[8] * v[2],
];
/** Transpose (the inverse of a rotation) times v. */
const mulTV = (m: Mat, v: Vec): Vec => [
  m[0] * v[0] + m[3] * v[1] + m[6] * v[2],
  m[1] * v[0] + m[4] * v[1] + m[7] * v[2],
  m[2] * v[0] + m[5] * v[1] + m[8] * v[2],
];

function mulM(a: Mat, b: Mat): Mat {
  const r = new Array<number>(9).fill(0);
  for (let i = 0; i < 3; i++)
    for (let j = 0; j < 3; j++)
      for (let k = 0; k < 3; k++) r[i * 3 + j] = (r[i * 3 + j] as number) + (a[i * 3 + k] as number) * (b[k * 3 + j] as number);
  return r as Mat;
}

function rotation(pitch: number, yaw: number, roll: number): Mat {
  const [p, y, r] = [rad(pitch), rad(yaw), rad(roll)];
  const rx: Mat = [1, 0, 0, 0, Math.cos(p), -Math.sin(p), 0, Math.sin(p), Math.cos(p)];
  const ry: Mat = [Math.cos(y), 0, Math.sin(y), 0, 1, 0, -Math.sin(y), 0, Math.cos(y)];
  const rz: Mat = [Math.cos(r), -Math.sin(r), 0, Math.sin(r), Math.cos(r), 0, 0, 0, 1];
  return mulM(rx, mulM(ry, rz));
}

/**
 * The photographed surface: a plane, or a cylinder whose axis runs along the surface's v axis
 * (curvature `radius` modules), through the code's centre `centre` (camera space) with
 * orientation `rot`. Surface coordinates (u, v) are in modules from the code's centre.
 */
interface Surface {
  centre: Vec;
  rot: Mat;
  radius: number;
}

/** Surface (u, v) → camera space. */
function surfacePoint(s: Surface, u: number, v: number): Vec {
  const local: Vec = s.radius > 0 ? [s.radius * Math.sin(u / s.radius), v, s.radius * (1 - Math.cos(u / s.radius))] : [u, v, 0];
  const p = mulV(s.rot, local);
  return [s.centre[0] + p[0], s.centre[1] + p[1], s.centre[2] + p[2]];
}

/** Where the ray through (dx, dy, 1) meets the surface: (u, v) and the cosine to the light; undefined past the edge. */
function castRay(s: Surface, d: Vec, light: Vec): { u: number; v: number; lit: number } | undefined {
  const dd = mulTV(s.rot, d);
  if (s.radius <= 0) {
    // Plane z = 0 in local space: origin −Rᵀc, direction Rᵀd.
    const o = mulTV(s.rot, [-s.centre[0], -s.centre[1], -s.centre[2]]);
    if (Math.abs(dd[2]) < 1e-9) return undefined;
    const t = -o[2] / dd[2];
    if (t <= 0) return undefined;
    const n = mulV(s.rot, [0, 0, -1]);
    return { u: o[0] + t * dd[0], v: o[1] + t * dd[1], lit: Math.max(0, n[0] * light[0] + n[1] * light[1] + n[2] * light[2]) };
  }
  // Cylinder x² + z² = r² around the axis at local (0, ·, r).
  const r = s.radius;
  const axis = mulV(s.rot, [0, 0, r]);
  const o = mulTV(s.rot, [-(s.centre[0] + axis[0]), -(s.centre[1] + axis[1]), -(s.centre[2] + axis[2])]);
  const a = dd[0] * dd[0] + dd[2] * dd[2];
  const b = 2 * (o[0] * dd[0] + o[2] * dd[2]);
  const c = o[0] * o[0] + o[2] * o[2] - r * r;
  const disc = b * b - 4 * a * c;
  if (a < 1e-12 || disc < 0) return undefined;
  const t = (-b - Math.sqrt(disc)) / (2 * a);
  if (t <= 0) return undefined;
  const x = o[0] + t * dd[0];
  const z = o[2] + t * dd[2];
  const theta = Math.atan2(x, -z);
  const n = mulV(s.rot, [Math.sin(theta), 0, -Math.cos(theta)]);
  return { u: r * theta, v: o[1] + t * dd[1], lit: Math.max(0, n[0] * light[0] + n[1] * light[1] + n[2] * light[2]) };
}

/** The flat print: an RGB texture at `scale` texture pixels per module, the code's centre at its middle. */
interface Print {
  canvas: Canvas;
  scale: number;
  /** Half the print's extent, in modules from the code's centre; beyond is the object it is stuck on. */
  halfW: number;
  halfH: number;
}

interface PrintSpec {
  symbol: QrSymbol;
  quiet: number;
  /** Printed surroundings (text, shapes) beyond the quiet zone, in modules. */
  margin: number;
  ink: Rgb;
  paper: Rgb;
  /** Stains and scratches over the code (share of its area, roughly). */
  damage: number;
  /** A page without the code (negatives): only the surroundings are printed. */
  blank: boolean;
}

function drawPrint(rng: Rng, spec: PrintSpec): Print {
  const scale = 6;
  const n = spec.symbol.size;
  const half = n / 2 + spec.quiet + spec.margin;
  const size = Math.ceil(2 * half * scale);
  const canvas = new Canvas(size, size, spec.paper);
  const origin = (spec.quiet + spec.margin) * scale;
  // Surroundings: lines of text and a few blocks, kept out of the quiet zone.
  if (spec.margin > 0) {
    const font = new PseudoFont(rng.fork(3));
    const lineSize = rng.int(10, 22);
    const keep = {
      x0: spec.margin * scale - 2,
      y0: spec.margin * scale - 2,
      x1: size - spec.margin * scale + 2,
      y1: size - spec.margin * scale + 2,
    };
    for (let y = lineSize * 0.5; y < size - lineSize * 1.5; y += lineSize * 1.7) {
      const crosses = y + lineSize * 1.3 > keep.y0 && y < keep.y1;
      if (crosses) {
        font.drawLine(canvas, rng, lineSize * 0.5, y, keep.x0 - lineSize, lineSize, spec.ink);
        font.drawLine(canvas, rng, keep.x1 + lineSize * 0.5, y, size - lineSize * 0.5, lineSize, spec.ink);
      } else {
        font.drawLine(canvas, rng, lineSize * 0.5, y, size - lineSize * 0.5, lineSize, spec.ink);
      }
    }
  }
  for (let r = 0; r < n && !spec.blank; r++) {
    for (let c = 0; c < n; c++)
      if (isDark(spec.symbol, c, r))
        canvas.fillRect(origin + c * scale, origin + r * scale, origin + (c + 1) * scale, origin + (r + 1) * scale, spec.ink);
  }
  // Damage: pale stains (worn print) and dark marks (pen, dirt), away from the three finder
  // patterns so the code stays readable in principle (error correction covers the rest).
  const area = n * n * spec.damage;
  let covered = 0;
  while (covered < area) {
    const rx = rng.range(1, 4);
    const ry = rng.range(1, 4);
    let cx = rng.range(0, n);
    let cy = rng.range(0, n);
    if ((cx < 9 && cy < 9) || (cx > n - 9 && cy < 9) || (cx < 9 && cy > n - 9)) {
      cx = n / 2 + rng.range(-n / 5, n / 5);
      cy = n / 2 + rng.range(-n / 5, n / 5);
    }
    const pale = rng.chance(0.6);
    canvas.fillEllipse(
      origin + cx * scale,
      origin + cy * scale,
      rx * scale,
      ry * scale,
      pale ? spec.paper : spec.ink,
      rng.range(0.55, 0.9),
    );
    covered += Math.PI * rx * ry;
  }
  return { canvas, scale, halfW: half, halfH: half };
}

/** Bilinear RGB of the print at (u, v) modules from the code's centre, or undefined outside it. */
function samplePrint(print: Print, u: number, v: number, out: number[]): boolean {
  if (Math.abs(u) > print.halfW || Math.abs(v) > print.halfH) return false;
  const { canvas, scale } = print;
  const fx = Math.min(canvas.width - 1.001, Math.max(0, (u + print.halfW) * scale - 0.5));
  const fy = Math.min(canvas.height - 1.001, Math.max(0, (v + print.halfH) * scale - 0.5));
  const ix = fx | 0;
  const iy = fy | 0;
  const ax = fx - ix;
  const ay = fy - iy;
  const d = canvas.data;
  const w = canvas.width;
  for (let ch = 0; ch < 3; ch++) {
    const i = (iy * w + ix) * 3 + ch;
    const top = (d[i] as number) + ((d[i + 3] as number) - (d[i] as number)) * ax;
    const bottom = (d[i + w * 3] as number) + ((d[i + w * 3 + 3] as number) - (d[i + w * 3] as number)) * ax;
    out[ch] = top + (bottom - top) * ay;
  }
  return true;
}

/** Linear motion blur of `length` pixels along `angle` (a camera shake during exposure). */
function motionBlur(canvas: Canvas, length: number, angle: number): void {
  if (length < 1) return;
  const { width: w, height: h } = canvas;
  const src = Float32Array.from(canvas.data);
  const steps = Math.max(2, Math.ceil(length * 2));
  const dx = Math.cos(angle);
  const dy = Math.sin(angle);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      let r = 0;
      let g = 0;
      let b = 0;
      for (let s = 0; s < steps; s++) {
        const t = (s / (steps - 1) - 0.5) * length;
        const sx = Math.min(w - 1, Math.max(0, Math.round(x + t * dx)));
        const sy = Math.min(h - 1, Math.max(0, Math.round(y + t * dy)));
        const i = (sy * w + sx) * 3;
        r += src[i] as number;
        g += src[i + 1] as number;
        b += src[i + 2] as number;
      }
      const o = (y * w + x) * 3;
      canvas.data[o] = r / steps;
      canvas.data[o + 1] = g / steps;
      canvas.data[o + 2] = b / steps;
    }
  }
}

interface Shot {
  width: number;
  height: number;
  /** Code width on the image, pixels (before any downscale). */
  codePx: number;
  /** Code centre on the image, as a fraction of width and height. */
  at: [number, number];
  pitch: number;
  yaw: number;
  roll: number;
  /** Cylinder radius in modules (0: flat). */
  radius: number;
  defocus: number;
  motion: number;
  noise: number;
  /** Darkest light across the frame (1: even). */
  light: number;
  /** Strength of a soft cast shadow over part of the frame (0: none). */
  shadow: number;
}

export interface Photo {
  canvas: Canvas;
  codes: TruthCode[];
  tags: Record<string, string | number>;
  /** Final size when the caller should downscale (small images), else undefined. */
  downscaleTo?: { width: number; height: number };
  /** JPEG quality for the caller. */
  jpeg: number;
}

/** Photographs `print` with `shot`; returns the frame and the code's corners. */
function photograph(
  rng: Rng,
  print: Print,
  n: number,
  shot: Shot,
  object: (u: number, v: number) => Rgb,
  wall: Rgb,
): { canvas: Canvas; corners: [number, number][] } {
  const { width: w, height: h } = shot;
  const f = w * rng.range(0.8, 1.3);
  const cx = w / 2;
  const cy = h / 2;
  const z = (f * n) / shot.codePx;
  const px = shot.at[0] * w;
  const py = shot.at[1] * h;
  const surface: Surface = {
    centre: [((px - cx) * z) / f, ((py - cy) * z) / f, z],
    rot: rotation(shot.pitch, shot.yaw, shot.roll),
    radius: shot.radius,
  };
  const light: Vec = (() => {
    const v: Vec = [rng.range(-0.6, 0.6), rng.range(-0.6, 0.6), -1];
    const l = Math.hypot(...v);
    return [v[0] / l, v[1] / l, v[2] / l];
  })();
  const canvas = new Canvas(w, h, wall);
  const wallNoise = valueNoise(rng.fork(7), w, h, w / 4);
  const rgb = [0, 0, 0];
  const acc = [0, 0, 0];
  const ambient = rng.range(0.35, 0.55);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      acc[0] = acc[1] = acc[2] = 0;
      for (let s = 0; s < 4; s++) {
        const sx = x + ((s & 1) + 0.5) / 2;
        const sy = y + ((s >> 1) + 0.5) / 2;
        const hit = castRay(surface, [(sx - cx) / f, (sy - cy) / f, 1], light);
        if (!hit) {
          const k = 0.8 + 0.2 * wallNoise(sx, sy);
          acc[0] += wall[0] * k;
          acc[1] += wall[1] * k;
          acc[2] += wall[2] * k;
          continue;
        }
        if (!samplePrint(print, hit.u, hit.v, rgb)) {
          const c = object(hit.u, hit.v);
          rgb[0] = c[0];
          rgb[1] = c[1];
          rgb[2] = c[2];
        }
        const shade = ambient + (1 - ambient) * hit.lit;
        acc[0] += (rgb[0] as number) * shade;
        acc[1] += (rgb[1] as number) * shade;
        acc[2] += (rgb[2] as number) * shade;
      }
      const i = (y * w + x) * 3;
      canvas.data[i] = acc[0] / 4;
      canvas.data[i + 1] = acc[1] / 4;
      canvas.data[i + 2] = acc[2] / 4;
    }
  }
  const project = (u: number, v: number): [number, number] => {
    const p = surfacePoint(surface, u, v);
    return [cx + (f * p[0]) / p[2], cy + (f * p[1]) / p[2]];
  };
  const corners: [number, number][] = [project(-n / 2, -n / 2), project(n / 2, -n / 2), project(n / 2, n / 2), project(-n / 2, n / 2)];
  // Light: a gradient to `light` across the frame and a soft-edged shadow (a hand, a phone).
  const dir = rng.range(0, Math.PI * 2);
  const span = Math.hypot(w, h);
  const shadowDir = rng.range(0, Math.PI * 2);
  const shadowAt = rng.range(-0.15, 0.15) * span;
  const soft = rng.range(0.01, 0.06) * span;
  canvas.light((x, y) => {
    const along = Math.min(1, Math.max(0, ((x - w / 2) * Math.cos(dir) + (y - h / 2) * Math.sin(dir)) / span + 0.5));
    const edge = ((x - px) * Math.cos(shadowDir) + (y - py) * Math.sin(shadowDir) - shadowAt) / soft;
    const inShadow = 1 / (1 + Math.exp(-edge));
    return (1 - (1 - shot.light) * along) * (1 - shot.shadow * inShadow);
  });
  canvas.blur(shot.defocus);
  motionBlur(canvas, shot.motion, rng.range(0, Math.PI));
  canvas.noise(rng, shot.noise);
  return { canvas, corners };
}

const paperColour = (rng: Rng): Rgb => [rng.int(215, 250), rng.int(212, 248), rng.int(200, 240)];
const inkColour = (rng: Rng): Rgb => [rng.int(10, 60), rng.int(10, 60), rng.int(10, 70)];

/** A wood, fabric or painted surface, as a function of surface position in modules. */
function objectTexture(rng: Rng): (u: number, v: number) => Rgb {
  const base: Rgb = [rng.int(60, 200), rng.int(50, 180), rng.int(40, 170)];
  const grain = valueNoise(rng.fork(9), 400, 400, rng.range(3, 12));
  const stripes = rng.range(0.3, 2);
  return (u, v) => {
    const g = grain(u + 200, v + 200);
    const k = 0.75 + 0.25 * Math.sin((u + g * 6) * stripes) * 0.5 + 0.25 * g;
    return [base[0] * k, base[1] * k, base[2] * k];
  };
}

/** One photo of `kind`. Sizes are the final ones (small images are rendered at 3× and downscaled by the caller). */
export function renderPhoto(rng: Rng, kind: PhotoKind): Photo {
  const text = payload(rng, 0);
  const symbol = makeSymbol(text, kind === 'damaged' ? rng.pick(['Q', 'H'] as const) : rng.pick(['L', 'M', 'M', 'Q'] as const));
  const n = symbol.size;
  let paper = paperColour(rng);
  let ink = inkColour(rng);
  const shot: Shot = {
    width: rng.int(500, 750),
    height: 0,
    codePx: 0,
    at: [rng.range(0.4, 0.6), rng.range(0.4, 0.6)],
    pitch: rng.range(-12, 12),
    yaw: rng.range(-12, 12),
    roll: rng.range(-20, 20),
    radius: 0,
    defocus: rng.range(0.3, 0.8),
    motion: 0,
    noise: rng.range(2, 6),
    light: rng.range(0.6, 1),
    shadow: rng.chance(0.5) ? rng.range(0.2, 0.5) : 0,
  };
  shot.height = Math.round(shot.width * rng.pick([0.75, 0.75, 1, 1.33]));
  const short = Math.min(shot.width, shot.height);
  shot.codePx = short * rng.range(0.3, 0.6);
  let quiet = rng.int(2, 4);
  let margin = rng.pick([0, 0, 4, 10, 16]);
  let damage = 0;
  let downscaleTo: Photo['downscaleTo'];
  switch (kind) {
    case 'small': {
      // Web thumbnails and cropped stickers: 2–4 px modules, a quiet zone of 1–2 modules, the
      // frame cut close around it; rendered at 3× and downscaled.
      const module = rng.range(2, 4);
      quiet = rng.int(1, 2);
      margin = rng.chance(0.5) ? 0 : rng.int(2, 6);
      const border = quiet + (margin > 0 ? rng.range(0, margin) : rng.range(0, 1.5));
      const side = Math.round((n + 2 * border) * module);
      const final = { width: side + rng.int(0, 6), height: side + rng.int(0, 6) };
      downscaleTo = final;
      Object.assign(shot, {
        width: final.width * 3,
        height: final.height * 3,
        codePx: n * module * 3,
        at: [0.5, 0.5],
        pitch: rng.range(-8, 8),
        yaw: rng.range(-8, 8),
        roll: rng.range(-6, 6),
        defocus: rng.range(0.5, 2),
        noise: rng.range(1, 4),
      });
      break;
    }
    case 'perspective':
      // A book page or a poster at an angle: strong tilt on both axes.
      Object.assign(shot, {
        pitch: rng.range(-45, 45),
        yaw: rng.range(-45, 45),
        roll: rng.range(-180, 180),
        codePx: short * rng.range(0.35, 0.65),
      });
      margin = rng.int(6, 16);
      break;
    case 'curved':
      // A sticker on a bottle or a can: the code spans up to about ±55° of arc.
      Object.assign(shot, {
        radius: n * rng.range(0.55, 1.3),
        pitch: rng.range(-20, 20),
        yaw: rng.range(-20, 20),
        roll: rng.pick([0, 90]) + rng.range(-15, 15),
        codePx: short * rng.range(0.35, 0.6),
      });
      break;
    case 'motion-blur':
      Object.assign(shot, { motion: (shot.codePx / n) * rng.range(0.5, 1.3), defocus: rng.range(0.3, 1) });
      break;
    case 'low-contrast': {
      // Faded print, grey paper, dim light.
      const p = rng.int(150, 215);
      const k = rng.int(p - 80, p - 40);
      paper = [p, p - rng.int(0, 8), p - rng.int(0, 15)];
      ink = [k, k, k + rng.int(0, 10)];
      Object.assign(shot, { light: rng.range(0.45, 0.8), noise: rng.range(3, 8) });
      break;
    }
    case 'damaged':
      damage = rng.range(0.04, 0.1);
      break;
    case 'no-code':
      margin = rng.int(6, 16);
      break;
  }
  const print = drawPrint(rng, { symbol, quiet, margin, ink, paper, damage, blank: kind === 'no-code' });
  const wall: Rgb = [rng.int(40, 230), rng.int(40, 230), rng.int(40, 230)];
  const { canvas, corners } = photograph(rng, print, n, shot, objectTexture(rng), wall);
  const tags: Record<string, string | number> = {
    kind,
    version: (n - 17) / 4,
    quiet,
    radius: Number(shot.radius.toFixed(1)),
    tilt: `${shot.pitch.toFixed(0)}/${shot.yaw.toFixed(0)}/${shot.roll.toFixed(0)}`,
  };
  const codes: TruthCode[] = [];
  if (kind !== 'no-code') {
    const k = downscaleTo ? downscaleTo.width / shot.width : 1;
    codes.push({ text: symbol.text, modules: n, corners: corners.map(([x, y]) => [x * k, y * k]) });
    tags.modulePx = Number(((shot.codePx * k) / n).toFixed(2));
  }
  return { canvas, codes, tags, ...(downscaleTo ? { downscaleTo } : {}), jpeg: rng.int(50, 80) };
}
