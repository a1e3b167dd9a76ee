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
}

/** Finder patterns considered at most (best supported first): keeps the triple search small. */
const MAX_PATTERNS = 48;
/** Leg length ratio allowed by perspective. */
const MAX_LEG_RATIO = 1.7;
/** |cos| of the corner angle allowed (about 55°–125°). */
const MAX_COS = 0.58;
const MAX_MODULE_RATIO = 1.45;

const dist = (a: Point, b: Point): number => Math.hypot(a.x - b.x, a.y - b.y);

function similar(a: FinderPattern, b: FinderPattern): boolean {
  return a.inverted === b.inverted && a.module < b.module * MAX_MODULE_RATIO && b.module < a.module * MAX_MODULE_RATIO;
}

/** Scores `corner` as the top-left of a code with legs to p and q; orders p, q as top-right, bottom-left. */
function asCorner(corner: FinderPattern, p: FinderPattern, q: FinderPattern): Candidate | undefined {
  const ax = p.x - corner.x;
  const ay = p.y - corner.y;
  const bx = q.x - corner.x;
  const by = q.y - corner.y;
  const la = Math.hypot(ax, ay);
  const lb = Math.hypot(bx, by);
  if (la === 0 || lb === 0) return undefined;
  const ratio = Math.max(la, lb) / Math.min(la, lb);
  if (ratio > MAX_LEG_RATIO) return undefined;
  const cos = (ax * bx + ay * by) / (la * lb);
  if (Math.abs(cos) > MAX_COS) return undefined;
  const module = (corner.module + p.module + q.module) / 3;
  // Centre-to-centre distance is (version·4 + 10) modules: 14 (version 1) to 170 (version 40).
  const span = (la + lb) / 2 / module;
  if (span < 10 || span > 180) return undefined;
  // Top-right is the leg that turns clockwise (image y points down) onto the other.
  const clockwise = ax * by - ay * bx > 0;
  const sizeSpread = (Math.max(corner.module, p.module, q.module) / Math.min(corner.module, p.module, q.module) - 1) * 0.5;
  const support = 1 / Math.sqrt(corner.hits + p.hits + q.hits);
  return {
    topLeft: corner,
    topRight: clockwise ? p : q,
    bottomLeft: clockwise ? q : p,
    module,
    inverted: corner.inverted,
    score: Math.abs(cos) + (ratio - 1) + sizeSpread + support,
  };
}

/** Candidate codes, best first. */
export function groupFinderPatterns(all: FinderPattern[]): { candidates: Candidate[] } {
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
      if (!similar(pi, pj)) continue;
      for (let k = j + 1; k < patterns.length; k++) {
        const pk = patterns[k] as FinderPattern;
        if (!similar(pi, pk) || !similar(pj, pk)) continue;
        // The corner is the pattern opposite the longest side.
        const dij = dist(pi, pj);
        const dik = dist(pi, pk);
        const djk = dist(pj, pk);
        const c = djk >= dij && djk >= dik ? asCorner(pi, pj, pk) : dik >= dij ? asCorner(pj, pi, pk) : asCorner(pk, pi, pj);
        if (c) candidates.push(c);
      }
    }
  }
  candidates.sort((a, b) => a.score - b.score);
  return { candidates };
}
