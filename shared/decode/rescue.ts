/**
 * Try-harder stage: codes of which only two finder patterns were seen — the third lost under
 * glare, a reflection, a thumb or heavy blur. Two patterns are either one side of the code (the
 * third is a right-angle turn away, on one of two sides, with either pattern at the corner) or
 * its diagonal (top-right and bottom-left; the corner on one of two sides): six hypotheses. Each
 * must show timing lines where they should be — the full line between the two patterns for a
 * side, most of the lines towards the missing corner for a diagonal — before the grid sampler
 * reads it; the renderer then draws the missing finder pattern perfectly, and Reed–Solomon
 * correction absorbs the modules the glare spoilt.
 */
import type { FinderPattern } from './finder';
import { refineFinder } from './alignment';
import type { Candidate } from './group';
import { alternates, partlyAlternates, transitions } from './timing';
import type { Point, Sampler } from './types';

/** Pairs tried at most per frame: each costs a few grid reads. */
const MAX_PAIRS = 6;

/** Pairs of patterns that could be two corners of one code, most strongly supported first. */
export function candidatePairs(patterns: readonly FinderPattern[]): [FinderPattern, FinderPattern][] {
  const strong = patterns
    .filter((p) => p.hits >= 2)
    .sort((a, b) => b.hits - a.hits)
    .slice(0, 12);
  const pairs: [FinderPattern, FinderPattern][] = [];
  for (let i = 0; i < strong.length; i++) {
    for (let j = i + 1; j < strong.length; j++) {
      const a = strong[i] as FinderPattern;
      const b = strong[j] as FinderPattern;
      if (a.inverted !== b.inverted || a.module > b.module * 1.3 || b.module > a.module * 1.3) continue;
      const span = Math.hypot(a.x - b.x, a.y - b.y) / ((a.module + b.module) / 2);
      if (span >= 12 && span <= 180 * Math.SQRT2) pairs.push([a, b]);
    }
  }
  return pairs.sort((p, q) => Math.min(q[0].hits, q[1].hits) - Math.min(p[0].hits, p[1].hits)).slice(0, MAX_PAIRS);
}

/** (x, y) turned a quarter clockwise on screen (y points down): the top-left → bottom-left leg from the top-left → top-right one. */
const turn = (v: Point): Point => ({ x: -v.y, y: v.x });
const unturn = (v: Point): Point => ({ x: v.y, y: -v.x });

/** A hypothetical finder pattern at `at` (its place checked against the image later). */
function pattern(at: Point, like: FinderPattern): FinderPattern {
  return { x: at.x, y: at.y, module: like.module, inverted: like.inverted, hits: 0 };
}

/** The hypothetical pattern moved onto a faint real one nearby, if any; `leg` runs top-left → top-right. */
function refined(p: FinderPattern, leg: Point, modules: number, sample: Sampler): FinderPattern {
  const mu = { x: leg.x / modules, y: leg.y / modules };
  const at = refineFinder(sample, p, mu, turn(mu), p.inverted);
  return { ...p, x: at.x, y: at.y };
}

function candidate(topLeft: FinderPattern, topRight: FinderPattern, bottomLeft: FinderPattern, module: number): Candidate {
  return { topLeft, topRight, bottomLeft, module, inverted: topLeft.inverted || topRight.inverted, score: 0 };
}

/**
 * The hypotheses for one pair that its timing lines support, as candidates for the grid sampler.
 * The timing lines are checked first, from the square's guess for the missing pattern; only the
 * hypotheses that pass pay for the search that refines where the missing pattern is.
 */
export function pairHypotheses(sample: Sampler, a: FinderPattern, b: FinderPattern): Candidate[] {
  const module = (a.module + b.module) / 2;
  const out: Candidate[] = [];
  // Sides: a and b are adjacent corners; the timing line between them is fully visible.
  for (const [corner, other] of [
    [a, b],
    [b, a],
  ] as const) {
    const leg = { x: other.x - corner.x, y: other.y - corner.y };
    for (const otherIsTopRight of [true, false]) {
      // With `other` top-right, bottom-left is a quarter turn clockwise of the leg; with `other`
      // bottom-left, top-right is a quarter turn back.
      const away = otherIsTopRight ? turn(leg) : unturn(leg);
      const missing = pattern({ x: corner.x + away.x, y: corner.y + away.y }, corner);
      const line = transitions(sample, corner, other, missing, module);
      if (!alternates(line)) continue;
      const modules = line.count + 8;
      const exact = Math.hypot(leg.x, leg.y) / modules;
      const topRightLeg = otherIsTopRight ? leg : away;
      const third = refined(missing, topRightLeg, modules, sample);
      out.push(otherIsTopRight ? candidate(corner, other, third, exact) : candidate(corner, third, other, exact));
    }
  }
  // Diagonal: a and b are top-right and bottom-left; the missing top-left is off the midpoint.
  const mid = { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 };
  for (const [tr, bl] of [
    [a, b],
    [b, a],
  ] as const) {
    // The top-left sees top-right, then bottom-left, a quarter turn clockwise: it lies where
    // the half-diagonal from the midpoint, turned back a quarter, points.
    const half = { x: (bl.x - tr.x) / 2, y: (bl.y - tr.y) / 2 };
    const guess = pattern({ x: mid.x + turn(half).x, y: mid.y + turn(half).y }, tr);
    if (!partlyAlternates(transitions(sample, guess, tr, bl, module)) || !partlyAlternates(transitions(sample, guess, bl, tr, module)))
      continue;
    const leg = { x: tr.x - guess.x, y: tr.y - guess.y };
    out.push(candidate(refined(guess, leg, Math.hypot(leg.x, leg.y) / module, sample), tr, bl, module));
  }
  return out;
}
