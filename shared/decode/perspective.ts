/**
 * Plane-to-plane homographies from four point pairs (the unit-square construction zxing and jsqr
 * use): enough to map a code's module grid onto a tilted photo of it.
 */
import type { Point } from './types';

/** Maps (x, y) to ((a·x + b·y + c) / w, (d·x + e·y + f) / w), w = g·x + h·y + i. */
export type Homography = [number, number, number, number, number, number, number, number, number];

/** The homography taking the unit square's corners (0,0), (1,0), (1,1), (0,1) to p0…p3. */
function squareTo(p0: Point, p1: Point, p2: Point, p3: Point): Homography {
  const dx3 = p0.x - p1.x + p2.x - p3.x;
  const dy3 = p0.y - p1.y + p2.y - p3.y;
  if (Math.abs(dx3) < 1e-9 && Math.abs(dy3) < 1e-9) {
    return [p1.x - p0.x, p2.x - p1.x, p0.x, p1.y - p0.y, p2.y - p1.y, p0.y, 0, 0, 1];
  }
  const dx1 = p1.x - p2.x;
  const dx2 = p3.x - p2.x;
  const dy1 = p1.y - p2.y;
  const dy2 = p3.y - p2.y;
  const den = dx1 * dy2 - dx2 * dy1;
  const g = (dx3 * dy2 - dx2 * dy3) / den;
  const h = (dx1 * dy3 - dx3 * dy1) / den;
  return [p1.x - p0.x + g * p1.x, p3.x - p0.x + h * p3.x, p0.x, p1.y - p0.y + g * p1.y, p3.y - p0.y + h * p3.y, p0.y, g, h, 1];
}

function invert(m: Homography): Homography {
  const [a, b, c, d, e, f, g, h, i] = m;
  return [
    e * i - f * h,
    c * h - b * i,
    b * f - c * e,
    f * g - d * i,
    a * i - c * g,
    c * d - a * f,
    d * h - e * g,
    b * g - a * h,
    a * e - b * d,
  ];
}

function multiply(m: Homography, n: Homography): Homography {
  const r = new Array<number>(9);
  for (let row = 0; row < 3; row++) {
    for (let col = 0; col < 3; col++) {
      r[row * 3 + col] =
        (m[row * 3] as number) * (n[col] as number) +
        (m[row * 3 + 1] as number) * (n[3 + col] as number) +
        (m[row * 3 + 2] as number) * (n[6 + col] as number);
    }
  }
  return r as Homography;
}

/** The homography taking each `from` point to the matching `to` point. */
export function homography(from: readonly [Point, Point, Point, Point], to: readonly [Point, Point, Point, Point]): Homography {
  return multiply(squareTo(...to), invert(squareTo(...from)));
}

export function project(m: Homography, x: number, y: number): Point {
  const w = m[6] * x + m[7] * y + m[8];
  return { x: (m[0] * x + m[1] * y + m[2]) / w, y: (m[3] * x + m[4] * y + m[5]) / w };
}
