/**
 * Synthetic screenshots: a desktop with windows full of text, lists, thumbnails, icons and
 * buttons, in a light or dark theme at a display scaling factor, with zero to three QR codes
 * shown the way apps show them (white card, or light-on-dark in dark themes; smoothly scaled or
 * pixel-crisp; quiet zones of 2–4 modules).
 */
import { Canvas, PseudoFont, valueNoise, type Rgb } from './raster';
import { isDark, makeSymbol, payload, type QrSymbol } from './payloads';
import type { Rng } from './rng';

export interface TruthCode {
  text: string;
  /** Modules on a side (21 for version 1). */
  modules: number;
  /** Symbol corners (outer edge of the finder patterns): top-left, top-right, bottom-right, bottom-left. */
  corners: [number, number][];
}

export interface ScreenSpec {
  width: number;
  height: number;
  codes: number;
  scale: number;
  dark: boolean;
}

interface Theme {
  desktop: [Rgb, Rgb];
  window: Rgb;
  title: Rgb;
  text: Rgb;
  muted: Rgb;
  border: Rgb;
  accent: Rgb;
}

function theme(rng: Rng, dark: boolean): Theme {
  const accent: Rgb = rng.pick<Rgb>([
    [0, 120, 212],
    [196, 43, 28],
    [16, 124, 16],
    [136, 23, 152],
    [202, 80, 16],
  ]);
  if (dark) {
    const w = rng.int(28, 45);
    return {
      desktop: [
        [rng.int(10, 40), rng.int(20, 50), rng.int(40, 80)],
        [rng.int(0, 20), rng.int(0, 20), rng.int(10, 30)],
      ],
      window: [w, w, w + 2],
      title: [w + 14, w + 14, w + 16],
      text: [rng.int(200, 235), rng.int(200, 235), rng.int(200, 235)],
      muted: [140, 140, 145],
      border: [w + 30, w + 30, w + 30],
      accent,
    };
  }
  const w = rng.int(246, 255);
  return {
    desktop: [
      [rng.int(60, 160), rng.int(100, 180), rng.int(160, 230)],
      [rng.int(180, 240), rng.int(180, 240), rng.int(200, 250)],
    ],
    window: [w, w, w],
    title: [w - 14, w - 12, w - 10],
    text: [rng.int(20, 60), rng.int(20, 60), rng.int(20, 70)],
    muted: [110, 110, 115],
    border: [205, 205, 210],
    accent,
  };
}

interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

const overlaps = (a: Box, b: Box, gap: number): boolean => a.x0 < b.x1 + gap && b.x0 < a.x1 + gap && a.y0 < b.y1 + gap && b.y0 < a.y1 + gap;

/** Renders one screenshot and returns it with the ground truth. */
export function renderScreen(rng: Rng, spec: ScreenSpec): { canvas: Canvas; codes: TruthCode[]; tags: Record<string, string | number> } {
  const { width, height, scale: s } = spec;
  const t = theme(rng, spec.dark);
  const canvas = new Canvas(width, height, t.desktop[0]);
  const font = new PseudoFont(rng.fork(1));
  canvas.fillGradient(0, 0, width, height, t.desktop[0], t.desktop[1]);
  // A soft wallpaper pattern, then the taskbar.
  const wall = valueNoise(rng.fork(2), width, height, 180 * s);
  for (let i = 0; i < 14; i++) {
    const cx = rng.range(0, width);
    const cy = rng.range(0, height);
    canvas.fillEllipse(
      cx,
      cy,
      rng.range(60, 400) * s,
      rng.range(60, 300) * s,
      spec.dark ? [60, 70, 110] : [255, 255, 255],
      0.15 * wall(cx, cy),
    );
  }
  const bar = 48 * s;
  canvas.fillRect(0, height - bar, width, height, spec.dark ? [20, 20, 24] : [232, 234, 240]);
  for (let x = width / 2 - 8 * 44 * s; x < width / 2 + 8 * 44 * s; x += 44 * s) {
    drawIcon(canvas, rng, x + 8 * s, height - bar + 10 * s, 28 * s, t);
  }
  font.drawLine(canvas, rng, width - 150 * s, height - bar + 16 * s, width - 20 * s, Math.round(13 * s), t.text);

  const windows = rng.int(2, 4);
  for (let w = 0; w < windows; w++) {
    const ww = Math.min(width - 40 * s, rng.range(0.35, 0.7) * width);
    const wh = Math.min(height - bar - 40 * s, rng.range(0.4, 0.8) * height);
    const x0 = rng.range(10 * s, width - ww - 10 * s);
    const y0 = rng.range(10 * s, height - bar - wh - 10 * s);
    drawWindow(canvas, rng, font, { x0, y0, x1: x0 + ww, y1: y0 + wh }, s, t);
  }

  // QR codes on cards on top, not overlapping each other.
  const codes: TruthCode[] = [];
  const placed: Box[] = [];
  const tags: Record<string, string | number> = { theme: spec.dark ? 'dark' : 'light', scale: s };
  for (let c = 0, tries = 0; c < spec.codes && tries < 200; tries++) {
    const symbol = makeSymbol(payload(rng, c), rng.pick(['L', 'M', 'M', 'Q', 'H'] as const));
    const quiet = rng.pick([2, 3, 4, 4]);
    const cssSize = rng.range(150, 270);
    const modulePx = (cssSize * s) / (symbol.size + 2 * quiet);
    const side = modulePx * (symbol.size + 2 * quiet);
    const pad = 14 * s;
    const caption = 44 * s;
    const x = rng.range(pad + 4, width - side - pad - 4);
    const y = rng.range(pad + 4, height - bar - side - pad - caption - 4);
    const card: Box = { x0: x - pad, y0: y - pad, x1: x + side + pad, y1: y + side + pad + caption };
    if (placed.some((p) => overlaps(p, card, 10 * s))) continue;
    placed.push(card);
    const inverted = spec.dark && rng.chance(0.45);
    const cardColor: Rgb = inverted ? t.window : [255, 255, 255];
    const dark: Rgb = inverted ? [235, 235, 235] : rng.chance(0.8) ? [0, 0, 0] : [20, 40, 90];
    canvas.fillRect(card.x0 - 1, card.y0 - 1, card.x1 + 1, card.y1 + 1, t.border);
    canvas.fillRect(card.x0, card.y0, card.x1, card.y1, cardColor);
    const crisp = rng.chance(0.3);
    const ox = crisp ? Math.round(x) : x;
    const oy = crisp ? Math.round(y) : y;
    const m = crisp ? Math.max(2, Math.round(modulePx)) : modulePx;
    drawSymbol(canvas, symbol, ox + quiet * m, oy + quiet * m, m, dark, crisp);
    const capY = oy + (symbol.size + 2 * quiet) * m + 6 * s;
    font.drawLine(canvas, rng, card.x0 + pad, capY, card.x1 - pad, Math.round(13 * s), inverted ? t.text : [60, 60, 60]);
    font.drawLine(canvas, rng, card.x0 + pad, capY + 20 * s, card.x1 - pad, Math.round(12 * s), t.muted);
    const a = ox + quiet * m;
    const b = oy + quiet * m;
    const e = symbol.size * m;
    codes.push({
      text: symbol.text,
      modules: symbol.size,
      corners: [
        [a, b],
        [a + e, b],
        [a + e, b + e],
        [a, b + e],
      ],
    });
    tags[`code${c}`] =
      `${inverted ? 'inverted ' : ''}${crisp ? 'crisp' : 'smooth'} v${(symbol.size - 17) / 4} ${m.toFixed(2)}px/module quiet ${quiet}`;
    c++;
  }
  return { canvas, codes, tags };
}

/** Draws the symbol's dark modules; smooth mode gives each pixel its exact dark coverage. */
function drawSymbol(canvas: Canvas, symbol: QrSymbol, x: number, y: number, m: number, dark: Rgb, crisp: boolean): void {
  const side = symbol.size * m;
  for (let py = Math.floor(y); py < Math.ceil(y + side); py++) {
    for (let px = Math.floor(x); px < Math.ceil(x + side); px++) {
      let cover = 0;
      if (crisp) {
        cover = isDark(symbol, Math.floor((px + 0.5 - x) / m), Math.floor((py + 0.5 - y) / m)) ? 1 : 0;
      } else {
        for (let s = 0; s < 16; s++) {
          const u = (px + ((s & 3) + 0.5) / 4 - x) / m;
          const v = (py + ((s >> 2) + 0.5) / 4 - y) / m;
          if (u >= 0 && v >= 0 && isDark(symbol, Math.floor(u), Math.floor(v))) cover++;
        }
        cover /= 16;
      }
      canvas.blend(px, py, dark, cover);
    }
  }
}

function drawIcon(canvas: Canvas, rng: Rng, x: number, y: number, size: number, t: Theme): void {
  switch (rng.int(0, 4)) {
    case 0:
      canvas.fillRect(x, y, x + size, y + size, t.accent);
      break;
    case 1:
      canvas.fillEllipse(x + size / 2, y + size / 2, size / 2, size / 2, t.accent);
      break;
    case 2:
      // A square ring with a dot: looks like one finder pattern, as many icons do.
      canvas.strokeRect(x, y, x + size, y + size, size / 7, t.text);
      canvas.fillRect(x + (size * 2) / 7, y + (size * 2) / 7, x + (size * 5) / 7, y + (size * 5) / 7, t.text);
      break;
    case 3:
      for (let i = 0; i < 3; i++) canvas.fillRect(x, y + (i * size) / 3, x + size, y + (i * size) / 3 + size / 7, t.text);
      break;
    default:
      canvas.fillRect(x, y, x + size * 0.45, y + size * 0.45, t.accent);
      canvas.fillRect(x + size * 0.55, y, x + size, y + size * 0.45, t.accent);
      canvas.fillRect(x, y + size * 0.55, x + size * 0.45, y + size, t.accent);
      canvas.fillRect(x + size * 0.55, y + size * 0.55, x + size, y + size, t.accent);
  }
}

function drawWindow(canvas: Canvas, rng: Rng, font: PseudoFont, box: Box, s: number, t: Theme): void {
  const { x0, y0, x1, y1 } = box;
  canvas.fillRect(x0 - 1, y0 - 1, x1 + 1, y1 + 1, t.border);
  canvas.fillRect(x0, y0, x1, y1, t.window);
  const title = 34 * s;
  canvas.fillRect(x0, y0, x1, y0 + title, t.title);
  font.drawLine(canvas, rng, x0 + 40 * s, y0 + 10 * s, x0 + (x1 - x0) * 0.4, Math.round(13 * s), t.text);
  drawIcon(canvas, rng, x0 + 10 * s, y0 + 8 * s, 18 * s, t);
  for (let i = 0; i < 3; i++)
    canvas.fillRect(x1 - (i + 1) * 46 * s + 16 * s, y0 + 16 * s, x1 - (i + 1) * 46 * s + 30 * s, y0 + 17.5 * s, t.text);
  // Sidebar list with icons.
  let top = y0 + title;
  let left = x0;
  if (rng.chance(0.6)) {
    const side = Math.min(260 * s, (x1 - x0) * 0.3);
    canvas.fillRect(x0, top, x0 + side, y1, t.title);
    for (let y = top + 12 * s; y < y1 - 30 * s; y += 36 * s) {
      drawIcon(canvas, rng, x0 + 12 * s, y, 20 * s, t);
      font.drawLine(canvas, rng, x0 + 42 * s, y + 3 * s, x0 + side - 10 * s, Math.round(13 * s), t.text);
    }
    left = x0 + side;
  }
  // Content: paragraphs, thumbnails, buttons, tables.
  top += 16 * s;
  while (top < y1 - 40 * s) {
    const kind = rng.int(0, 5);
    if (kind <= 2) {
      const size = Math.round(rng.pick([12, 13, 14, 16, 20]) * s);
      const lines = rng.int(1, 6);
      for (let l = 0; l < lines && top < y1 - size * 2; l++, top += size * 1.6) {
        font.drawLine(
          canvas,
          rng,
          left + 20 * s,
          top,
          x1 - rng.range(20, 200) * s,
          size,
          l === 0 && size > 16 ? t.text : rng.chance(0.8) ? t.text : t.muted,
        );
      }
      top += 10 * s;
    } else if (kind === 3) {
      const h = Math.min(y1 - top - 20 * s, rng.range(60, 180) * s);
      let x = left + 20 * s;
      while (x + h * 1.4 < x1 - 20 * s && rng.chance(0.8)) {
        const noise = valueNoise(rng.fork(3), h * 1.4, h, h / 4);
        const c1: Rgb = [rng.int(0, 255), rng.int(0, 255), rng.int(0, 255)];
        const c2: Rgb = [rng.int(0, 255), rng.int(0, 255), rng.int(0, 255)];
        for (let yy = 0; yy < h; yy++) {
          for (let xx = 0; xx < h * 1.4; xx++) {
            const n = noise(xx, yy);
            canvas.blend(
              Math.floor(x + xx),
              Math.floor(top + yy),
              [c1[0] + (c2[0] - c1[0]) * n, c1[1] + (c2[1] - c1[1]) * n, c1[2] + (c2[2] - c1[2]) * n],
              1,
            );
          }
        }
        x += h * 1.4 + 12 * s;
      }
      top += h + 16 * s;
    } else if (kind === 4) {
      let x = left + 20 * s;
      for (let b = rng.int(1, 3); b > 0; b--) {
        const w = rng.range(80, 140) * s;
        if (x + w > x1 - 20 * s) break;
        const primary = rng.chance(0.5);
        canvas.fillRect(x, top, x + w, top + 32 * s, primary ? t.accent : t.title);
        font.drawLine(canvas, rng, x + 14 * s, top + 9 * s, x + w - 10 * s, Math.round(13 * s), primary ? [255, 255, 255] : t.text);
        x += w + 12 * s;
      }
      top += 48 * s;
    } else {
      const rows = rng.int(2, 8);
      const cols = rng.int(2, 5);
      const rh = 28 * s;
      const cw = (x1 - left - 40 * s) / cols;
      for (let r = 0; r < rows && top + rh < y1 - 20 * s; r++, top += rh) {
        canvas.fillRect(left + 20 * s, top, x1 - 20 * s, top + 1 * s, t.border);
        for (let c = 0; c < cols; c++)
          font.drawLine(canvas, rng, left + 26 * s + c * cw, top + 7 * s, left + 20 * s + (c + 1) * cw - 8 * s, Math.round(12 * s), t.text);
      }
      top += 16 * s;
    }
  }
}
