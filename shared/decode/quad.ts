/** Small geometry of decoded codes' quadrilaterals: containment, sanity, centre. */
import type { DecodedQrCode, Point } from './types';

/** Rejects what jsqr sometimes makes of a wrong crop: no text, or a folded or tiny quadrilateral. */
export function plausible(code: DecodedQrCode, module: number): boolean {
  if (code.text.length === 0) return false;
  const [a, b, c, d] = code.corners;
  const area = Math.abs((a.x - c.x) * (b.y - d.y) - (b.x - d.x) * (a.y - c.y)) / 2;
  // Version 1 is 21 modules on a side.
  return area >= (21 * module) ** 2 * 0.4 && convex(code.corners);
}

function convex(quad: readonly Point[]): boolean {
  let sign = 0;
  for (let i = 0; i < quad.length; i++) {
    const a = quad[i] as Point;
    const b = quad[(i + 1) % quad.length] as Point;
    const c = quad[(i + 2) % quad.length] as Point;
    const cross = Math.sign((b.x - a.x) * (c.y - b.y) - (b.y - a.y) * (c.x - b.x));
    if (cross === 0 || (sign !== 0 && cross !== sign)) return false;
    sign = cross;
  }
  return true;
}

export function centre(quad: readonly Point[]): Point {
  return { x: quad.reduce((s, p) => s + p.x, 0) / quad.length, y: quad.reduce((s, p) => s + p.y, 0) / quad.length };
}

/** Whether `p` is inside the convex quadrilateral `quad` (either winding). */
export function inside(quad: readonly Point[], p: Point): boolean {
  let sign = 0;
  for (let i = 0; i < quad.length; i++) {
    const a = quad[i] as Point;
    const b = quad[(i + 1) % quad.length] as Point;
    const cross = (b.x - a.x) * (p.y - a.y) - (b.y - a.y) * (p.x - a.x);
    if (cross !== 0) {
      if (sign === 0) sign = Math.sign(cross);
      else if (Math.sign(cross) !== sign) return false;
    }
  }
  return true;
}
