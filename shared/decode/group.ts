/**
 * Stage 4: from finder patterns to candidate codes. Three patterns of one polarity and similar
 * module size that form a roughly right, roughly isosceles corner are a candidate code (the
 * tolerances allow ±25° of camera tilt); candidates are ranked by how well they fit, so true
 * codes are tried first and rarely does a cross-code triple cost a decode attempt. (Two patterns
 * with nothing to complete them are rescue.ts's business.)
 */
import type { FinderPattern } from './finder';
import type { Point } from './types';

export interface Candidate {
  topLeft: FinderPattern;
  topRight: FinderPattern;
  bottomLeft: FinderPattern;
  module: number;
  inverted: boolean;
  /** Lower is better. */
  score: number;
  /** Only within the loose limits (strong perspective): tried after every strict candidate. */
  loose?: boolean;
}

/** Finder patterns considered at most (best supported first): keeps the triple search small. */
const MAX_PATTERNS = 48;

/** Shape limits of a triple: how far perspective may stretch a code's corner. */
interface Limits {
  /** Leg length ratio. */
  legRatio: number;
  /** |cos| of the corner angle. */
  cos: number;
  /** Module size ratio between two patterns. */
  moduleRatio: number;
}

/** Cameras and screens: ±25° of tilt (corner angle about 55°–125°). */
const STRICT: Limits = { legRatio: 1.7, cos: 0.58, moduleRatio: 1.45 };
/**
 * Photographs of a page or poster at 35–50°: the near finder pattern can measure twice the far
 * one's module, the corner angle 37°–143°. Checked after the strict triples, so screens and
 * cameras rarely pay for them.
 */
const LOOSE: Limits = { legRatio: 2.4, cos: 0.8, moduleRatio: 2.3 };

const dist = (a: Point, b: Point): number => Math.hypot(a.x - b.x, a.y - b.y);

function similar(a: FinderPattern, b: FinderPattern, limits: Limits): boolean {
  return a.inverted === b.inverted && a.module < b.module * limits.moduleRatio && b.module < a.module * limits.moduleRatio;
}

/** Scores `corner` as the top-left of a code with legs to p and q; orders p, q as top-right, bottom-left. */
function asCorner(corner: FinderPattern, p: FinderPattern, q: FinderPattern, limits: Limits): Candidate | undefined {
  const ax = p.x - corner.x;
  const ay = p.y - corner.y;
  const bx = q.x - corner.x;
  const by = q.y - corner.y;
  const la = Math.hypot(ax, ay);
  const lb = Math.hypot(bx, by);
  if (la === 0 || lb === 0) return undefined;
  const ratio = Math.max(la, lb) / Math.min(la, lb);
  if (ratio > limits.legRatio) return undefined;
  const cos = (ax * bx + ay * by) / (la * lb);
  if (Math.abs(cos) > limits.cos) return undefined;
  const module = (corner.module + p.module + q.module) / 3;
  // Centre-to-centre distance is (version·4 + 10) modules: 14 (version 1) to 170 (version 40).
  const span = (la + lb) / 2 / module;
  if (span < 10 || span > 180) return undefined;
  // Top-right is the leg that turns clockwise (image y points down) onto the other.
  const clockwise = ax * by - ay * bx > 0;
  const sizeRatio = Math.max(corner.module, p.module, q.module) / Math.min(corner.module, p.module, q.module);
  const sizeSpread = (sizeRatio - 1) * 0.5;
  const support = 1 / Math.sqrt(corner.hits + p.hits + q.hits);
  const loose = ratio > STRICT.legRatio || Math.abs(cos) > STRICT.cos || sizeRatio >= STRICT.moduleRatio;
  return {
    topLeft: corner,
    topRight: clockwise ? p : q,
    bottomLeft: clockwise ? q : p,
    module,
    inverted: corner.inverted,
    score: Math.abs(cos) + (ratio - 1) + sizeSpread + support,
    ...(loose ? { loose } : {}),
  };
}

/** Candidate codes, best first; with `loose`, the triples only perspective explains follow the strict ones. */
export function groupFinderPatterns(all: FinderPattern[], loose = false): { candidates: Candidate[] } {
  const limits = loose ? LOOSE : STRICT;
  // A pattern confirmed on a single row is mostly noise: real ones are three modules tall.
  const patterns = all
    .filter((p) => p.hits >= 2)
    .sort((a, b) => b.hits - a.hits)
    .slice(0, MAX_PATTERNS);
  const candidates: Candidate[] = [];
  for (let i = 0; i < patterns.length; i++) {
    const pi = patterns[i] as FinderPattern;
    for (let j = i + 1; j < patterns.length; j++) {
      const pj = patterns[j] as FinderPattern;
      if (!similar(pi, pj, limits)) continue;
      for (let k = j + 1; k < patterns.length; k++) {
        const pk = patterns[k] as FinderPattern;
        if (!similar(pi, pk, limits) || !similar(pj, pk, limits)) continue;
        // The corner is the pattern opposite the longest side.
        const dij = dist(pi, pj);
        const dik = dist(pi, pk);
        const djk = dist(pj, pk);
        const c =
          djk >= dij && djk >= dik
            ? asCorner(pi, pj, pk, limits)
            : dik >= dij
              ? asCorner(pj, pi, pk, limits)
              : asCorner(pk, pi, pj, limits);
        if (c) candidates.push(c);
      }
    }
  }
  candidates.sort((a, b) => Number(a.loose ?? false) - Number(b.loose ?? false) || a.score - b.score);
  return { candidates };
}
