/**
 * Stage 5: a cheap check that a candidate is a code before jsqr spends a millisecond or more on
 * it. Between the finder patterns of every QR code run the timing patterns: row 6 and column 6
 * alternate dark, light, dark… one module at a time. Three finder-like icons in an L, or three
 * patterns taken from two different codes, have no such line between them. Sampling the two
 * lines (about a hundred pixels each) rejects those false candidates; a candidate passes when
 * either line alternates as often as its size predicts, so one line lost to glare is forgiven.
 * The count of transitions also gives the module size exactly, which sizes the grid read.
 */
import type { Candidate } from './group';
import type { Point, Sampler } from './types';

/** Samples per module along a timing line. */
const SAMPLES_PER_MODULE = 3;
const profile = new Float32Array(3 * 200);
const prefix = new Float64Array(3 * 200 + 1);

export interface Line {
  count: number;
  expected: number;
  /** Longest run, in modules. */
  longest: number;
  /** Share of runs about one module long (noise makes runs of every length). */
  regular: number;
}

/**
 * Colour changes along the timing line from finder `from` to finder `to`, three modules off
 * their centre line towards `side` (the timing row or column), between the two patterns. Grey
 * is sampled and compared with its mean over two modules (one period of the pattern), with
 * hysteresis: blur flattens the alternation to a ripple, which this still counts.
 */
export function transitions(
  sample: Sampler,
  from: Point,
  to: Point,
  side: Point,
  module: number,
  fromModule = module,
  toModule = module,
): Line {
  const dx = to.x - from.x;
  const dy = to.y - from.y;
  const modules = Math.hypot(dx, dy) / module;
  const expected = modules - 8;
  const sx = side.x - from.x;
  const sy = side.y - from.y;
  const sl = Math.hypot(sx, sy);
  // Offsets of the timing line from each pattern's centre, in each pattern's own module size.
  const ox0 = (sx / sl) * 3 * fromModule;
  const oy0 = (sy / sl) * 3 * fromModule;
  const ox1 = (sx / sl) * 3 * toModule;
  const oy1 = (sy / sl) * 3 * toModule;
  // Skip 3.5 modules of each finder pattern and half the separator.
  const t0 = 4 / modules;
  const t1 = 1 - 4 / modules;
  const n = Math.min(profile.length - 1, Math.max(2, Math.round((t1 - t0) * modules * SAMPLES_PER_MODULE)));
  for (let i = 0; i <= n; i++) {
    const t = t0 + ((t1 - t0) * i) / n;
    profile[i] = sample(from.x + ox0 + (dx + ox1 - ox0) * t, from.y + oy0 + (dy + oy1 - oy0) * t);
  }
  // Deviation from the two-module running mean (prefix sums), and its typical size.
  const half = SAMPLES_PER_MODULE;
  for (let i = 0; i <= n; i++) prefix[i + 1] = (prefix[i] as number) + (profile[i] as number);
  const deviation = (i: number): number => {
    const a = Math.max(0, i - half);
    const b = Math.min(n, i + half - 1);
    return (profile[i] as number) - ((prefix[b + 1] as number) - (prefix[a] as number)) / (b - a + 1);
  };
  let amplitude = 0;
  for (let i = 0; i <= n; i++) amplitude += Math.abs(deviation(i));
  amplitude /= n + 1;
  if (amplitude < 2) return { count: 0, expected, longest: modules, regular: 0 };
  const hysteresis = amplitude * 0.3;
  let state = 0;
  let count = 0;
  let run = 0;
  let longest = 0;
  let regular = 0;
  for (let i = 0; i <= n; i++) {
    const d = deviation(i);
    const next = d > hysteresis ? 1 : d < -hysteresis ? -1 : state;
    if (next !== state && state !== 0) {
      count++;
      longest = Math.max(longest, run);
      if (run >= SAMPLES_PER_MODULE * 0.6 && run <= SAMPLES_PER_MODULE * 1.5) regular++;
      run = 0;
    }
    state = next;
    run++;
  }
  longest = Math.max(longest, run);
  return { count, expected, longest: longest / SAMPLES_PER_MODULE, regular: count > 1 ? (regular - 1) / (count - 1) : 0 };
}

export function alternates({ count, expected, longest, regular }: Line): boolean {
  // Module size is known to ±10% or so, hence the tolerance; a run of several modules is no
  // timing pattern, and nor are runs of random lengths (the first run is partial, not counted).
  return Math.abs(count - expected) <= Math.max(2.5, expected * 0.3) && longest <= 2.5 && regular >= 0.7;
}

/** A timing line partly lost (to glare, say) but still mostly alternating. */
export function partlyAlternates({ count, expected, regular }: Line): boolean {
  return count >= Math.max(2, expected * 0.4) && count <= expected * 1.3 + 2 && regular >= 0.6;
}

/**
 * Checks the candidate's timing row and column. When one alternates as a QR code's does, returns
 * the module size it implies (its transitions count the modules between the finder centres,
 * exactly, where the finder patterns only gave an estimate); otherwise undefined.
 */
export function timingModule(sample: Sampler, c: Candidate): number | undefined {
  const sizes: number[] = [];
  for (const [from, to, side] of [
    [c.topLeft, c.topRight, c.bottomLeft],
    [c.topLeft, c.bottomLeft, c.topRight],
  ] as const) {
    let line = transitions(sample, from, to, side, c.module, from.module, to.module);
    const length = Math.hypot(to.x - from.x, to.y - from.y);
    // Strong perspective foreshortens the finder patterns' runs, so along this line their module
    // size can be far off, and with it the count expected and the sampling: look once more at the
    // size the count implies (it must then agree with itself).
    const implied = length / (line.count + 8) / c.module;
    if (!alternates(line) && line.count >= 3 && Math.abs(implied - 1) > 0.15) {
      line = transitions(sample, from, to, side, c.module * implied, from.module * implied, to.module * implied);
    }
    // Centre to centre is (transitions + 8) modules.
    if (alternates(line)) sizes.push(length / (line.count + 8));
  }
  return sizes.length === 0 ? undefined : sizes.reduce((a, b) => a + b, 0) / sizes.length;
}
