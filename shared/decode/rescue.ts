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
  const strong = patterns.filter((p) => p.hits >= 2).sort((a, b) => b.hits - a.hits).slice(0, 12);
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

/** A hypothetical finder pattern at `at`, moved onto a faint real one when there is one nearby. */
function pattern(at: Point, like: FinderPattern, sample: Sampler, mu: Point, mv: Point): FinderPattern {
  const p = refineFinder(sample, at, mu, mv, like.inverted);
  return { x: p.x, y: p.y, module: like.module, inverted: like.inverted, hits: 0 };
}

/** Module vectors of a grid whose top-left → top-right leg is `leg`, `modules` long. */
function axes(leg: Point, modules: number): [Point, Point] {
  const mu = { x: leg.x / modules, y: leg.y / modules };
  return [mu, turn(mu)];
}

function candidate(topLeft: FinderPattern, topRight: FinderPattern, bottomLeft: FinderPattern, module: number): Candidate {
  return { topLeft, topRight, bottomLeft, module, inverted: topLeft.inverted || topRight.inverted, score: 0 };
}

/** The hypotheses for one pair that its timing lines support, as candidates for the grid sampler. */
export function pairHypotheses(sample: Sampler, a: FinderPattern, b: FinderPattern): Candidate[] {
  const module = (a.module + b.module) / 2;
  const out: Candidate[] = [];
  const ab = { x: b.x - a.x, y: b.y - a.y };
  const ba = { x: -ab.x, y: -ab.y };
  // Sides: a and b are adjacent corners; the timing line between them is fully visible.
  const sides: [FinderPattern, FinderPattern, FinderPattern][] = [];
  for (const [corner, other, leg] of [
    [a, b, ab],
    [b, a, ba],
  ] as const) {
    const modules = Math.hypot(leg.x, leg.y) / module;
    const [mu, mv] = axes(leg, modules);
    const third = pattern({ x: corner.x + turn(leg).x, y: corner.y + turn(leg).y }, corner, sample, mu, mv);
    sides.push([corner, other, third]); // corner = top-left, other = top-right, third = bottom-left
    const [mu2, mv2] = axes(unturn(leg), modules);
    const third2 = pattern({ x: corner.x + unturn(leg).x, y: corner.y + unturn(leg).y }, corner, sample, mu2, mv2);
    sides.push([corner, third2, other]); // corner = top-left, other = bottom-left, third2 = top-right
  }
  for (const [tl, tr, bl] of sides) {
    const real = tr.hits > 0 ? tr : bl;
    const missing = tr.hits > 0 ? bl : tr;
    const line = transitions(sample, tl, real, missing, module);
    if (!alternates(line)) continue;
    const exact = Math.hypot(real.x - tl.x, real.y - tl.y) / (line.count + 8);
    out.push(candidate(tl, tr, bl, exact));
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
    const guess = { x: mid.x + turn(half).x, y: mid.y + turn(half).y };
    const leg = { x: tr.x - guess.x, y: tr.y - guess.y };
    const [mu, mv] = axes(leg, Math.hypot(leg.x, leg.y) / module);
    const tl = pattern(guess, tr, sample, mu, mv);
    const row = transitions(sample, tl, tr, bl, module);
    const column = transitions(sample, tl, bl, tr, module);
    if (partlyAlternates(row) && partlyAlternates(column)) out.push(candidate(tl, tr, bl, module));
  }
  return out;
}
