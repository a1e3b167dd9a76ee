/**
 * `npm run bench`: jsqr on the whole frame, the project pipeline and zxing-cpp (zxing-wasm,
 * tryHarder) on the same corpus frames, in one process, category by category. Prints per
 * category the success rate and median / p95 milliseconds and the ratios, then camera
 * throughput; writes bench/results.json and the chart bench/results.svg. The "photo" group is
 * the committed set of synthetic photographs (tests/fixtures/photo: its development part, its
 * held-out part, and the development part turned 90°, 180° and 270°), with a table by kind.
 *
 * Options: --repeat N (time each frame N times, default 1), --only TEXT (categories whose name
 * contains TEXT), --seed N (another corpus, as a held-out check), --no-write (print only).
 */
import { writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { QrDecoder } from '../shared/decode/index';
import { renderChart } from './chart';
import { CATEGORIES, corpusDir, DEFAULT_SEED, loadCorpus, readRgba, type CorpusImage } from './corpus';
import { jsqrWholeFrame, pipeline, zxingDecoder, type Decoder, type Found } from './decoders';
import { loadPhotoSet, PHOTO_GROUPS, type BenchPhoto } from './photo-set';
import type { TruthCode } from './screen';

const here = dirname(fileURLToPath(import.meta.url));
// A full collection between decoders' passes (never inside one), so no decoder is timed while
// the heap still holds another's garbage; the untimed warm-up call after it re-settles the JIT.
setFlagsFromString('--expose-gc');
const collect = runInNewContext('gc') as () => void;
const { values } = parseArgs({
  options: {
    repeat: { type: 'string', default: '1' },
    only: { type: 'string' },
    seed: { type: 'string' },
    'no-write': { type: 'boolean', default: false },
  },
});
const repeat = Math.max(1, Number(values.repeat) || 1);

interface Outcome {
  ok: boolean;
  found: number;
  wrong: number;
  /** Worst corner error of the codes found, in modules. */
  cornerError: number;
}

/** Right when every code is found, nothing else is reported, and nothing twice. */
function evaluate(truth: TruthCode[], found: Found[]): Outcome {
  let hits = 0;
  let cornerError = 0;
  for (const code of truth) {
    const match = found.find((f) => f.text === code.text);
    if (!match) continue;
    hits++;
    const side = Math.hypot(
      (code.corners[1]?.[0] ?? 0) - (code.corners[0]?.[0] ?? 0),
      (code.corners[1]?.[1] ?? 0) - (code.corners[0]?.[1] ?? 0),
    );
    const module = side / code.modules;
    for (let i = 0; i < 4; i++) {
      const [x, y] = code.corners[i] ?? [0, 0];
      const p = match.corners[i] ?? { x: Infinity, y: Infinity };
      cornerError = Math.max(cornerError, Math.hypot(p.x - x, p.y - y) / module);
    }
  }
  const wrong = found.filter((f) => !truth.some((t) => t.text === f.text)).length;
  return { ok: hits === truth.length && wrong === 0 && found.length === truth.length, found: hits, wrong, cornerError };
}

const quantile = (sorted: number[], q: number): number => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;

interface Cell {
  n: number;
  ok: number;
  codes: number;
  found: number;
  wrong: number;
  cornersOk: number;
  ms: number[];
}

const zxing = await zxingDecoder();
const decoders: Decoder[] = [jsqrWholeFrame, pipeline, zxing];
const machine = {
  cpu: cpus()[0]?.model.trim() ?? 'unknown',
  cores: cpus().length,
  memoryGiB: Math.round(totalmem() / 2 ** 30),
  node: process.version,
  platform: `${process.platform}-${process.arch}`,
  zxingWasm: zxing.version,
};
console.log(
  `machine: ${machine.cpu}, ${machine.cores} cores, ${machine.memoryGiB} GiB, Node ${machine.node} (${machine.platform}); zxing-wasm ${machine.zxingWasm}`,
);

/** A frame of any group: a corpus image or a (possibly turned) photo. */
type BenchImage = Pick<CorpusImage, 'file' | 'category' | 'codes'> & {
  kind: CorpusImage['kind'] | 'photo';
  photoKind?: string;
  load(): Promise<{ data: Uint8ClampedArray; width: number; height: number }>;
};

const seed = values.seed === undefined ? DEFAULT_SEED : Number(values.seed);
const wanted = (category: string): boolean => !values.only || category.includes(values.only);
const synthetic = CATEGORIES.some((c) => wanted(c.name)) ? await loadCorpus(console.log, seed) : [];
const photos: BenchPhoto[] = PHOTO_GROUPS.some(wanted) ? loadPhotoSet() : [];
const corpus: BenchImage[] = [
  ...synthetic.map((image) => ({ ...image, load: () => readRgba(image) })),
  ...photos.map((photo) => ({
    file: photo.file,
    category: photo.group,
    codes: photo.codes,
    kind: 'photo' as const,
    photoKind: photo.kind,
    load: () => photo.load(),
  })),
].filter((image) => wanted(image.category));
const categories = [...CATEGORIES.map((c) => c.name), ...PHOTO_GROUPS].filter((name) => corpus.some((image) => image.category === name));

// Warm-up: two frames of every category through every decoder, untimed, so the JIT (and zxing's
// wasm) has settled before the first category is timed.
for (const name of categories) {
  for (const image of corpus.filter((i) => i.category === name).slice(0, 2)) {
    const rgba = await image.load();
    for (const decoder of decoders) await decoder.decode(rgba);
  }
}

const cells = new Map<string, Cell>();
const cell = (category: string, decoder: string): Cell => {
  const key = `${category}\u0000${decoder}`;
  let c = cells.get(key);
  if (!c) cells.set(key, (c = { n: 0, ok: 0, codes: 0, found: 0, wrong: 0, cornersOk: 0, ms: [] }));
  return c;
};
const failures: { file: string; decoder: string; outcome: Outcome }[] = [];
/** Photo results by kind: group → decoder → kind → [right, frames, wrong texts]. */
const kinds = new Map<string, Map<string, Map<string, [number, number, number]>>>();
function byKind(group: string, decoder: string, kind: string, ok: boolean, wrong: number): void {
  let g = kinds.get(group);
  if (!g) kinds.set(group, (g = new Map<string, Map<string, [number, number, number]>>()));
  let d = g.get(decoder);
  if (!d) g.set(decoder, (d = new Map<string, [number, number, number]>()));
  const k = d.get(kind) ?? [0, 0, 0];
  d.set(kind, [k[0] + (ok ? 1 : 0), k[1] + 1, k[2] + wrong]);
}
const started = Date.now();
// Category by category: its frames are decoded into memory once, then each decoder goes over all
// of them in turn (after one untimed warm-up call), so no decoder is timed while collecting the
// garbage of another (jsqr leaves over 100 MB per 4K frame). The order of the decoders rotates
// from category to category.
for (const [c, name] of categories.entries()) {
  const images = corpus.filter((i) => i.category === name);
  const frames = await Promise.all(images.map((image) => image.load()));
  const order = [...decoders.slice(c % decoders.length), ...decoders.slice(0, c % decoders.length)];
  for (const decoder of order) {
    collect();
    if (frames[0]) await decoder.decode(frames[0]);
    for (let r = 0; r < repeat; r++) {
      for (const [i, rgba] of frames.entries()) {
        const image = images[i] as BenchImage;
        const t0 = performance.now();
        const found = await decoder.decode(rgba);
        const ms = performance.now() - t0;
        const stats = cell(name, decoder.name);
        stats.ms.push(ms);
        if (r > 0) continue;
        const outcome = evaluate(image.codes, found);
        stats.n++;
        stats.codes += image.codes.length;
        stats.found += outcome.found;
        stats.wrong += outcome.wrong;
        if (outcome.ok) stats.ok++;
        if (outcome.ok && outcome.cornerError <= 1.5) stats.cornersOk++;
        if (image.photoKind) byKind(name, decoder.name, image.photoKind, outcome.ok, outcome.wrong);
        if (!outcome.ok && decoder !== jsqrWholeFrame)
          failures.push({
            file: image.kind === 'photo' ? `${image.file} (${name})` : relative(corpusDir(seed), image.file),
            decoder: decoder.name,
            outcome,
          });
      }
    }
  }
  process.stderr.write(`  ${name}: ${frames.length} frames, ${((Date.now() - started) / 1000).toFixed(0)} s\n`);
}

// Camera throughput: one reusable decoder on the camera frames of each size, back to back.
const throughput: { resolution: string; frames: number; fps: number; budgetFps: number; budgetSuccess: number; success: number }[] = [];
for (const [w, h] of [
  [1280, 720],
  [1920, 1080],
] as const) {
  const frames = synthetic.filter((i) => wanted(i.category) && i.kind === 'camera' && i.width === w && i.height === h);
  if (frames.length === 0) continue;
  const loaded = await Promise.all(frames.map(async (f) => ({ image: f, rgba: await readRgba(f) })));
  const run = (budgetMs?: number): { fps: number; success: number } => {
    const decoder = new QrDecoder();
    let ok = 0;
    const t0 = performance.now();
    for (const { image, rgba } of loaded)
      if (evaluate(image.codes, decoder.decode(rgba, budgetMs === undefined ? {} : { budgetMs })).ok) ok++;
    return { fps: (loaded.length * 1000) / (performance.now() - t0), success: ok / loaded.length };
  };
  run();
  const full = run();
  const budget = run(1000 / 30);
  throughput.push({
    resolution: `${w}x${h}`,
    frames: loaded.length,
    fps: full.fps,
    success: full.success,
    budgetFps: budget.fps,
    budgetSuccess: budget.success,
  });
}

// The table.
const pct = (a: number, b: number): string => (b === 0 ? '  -  ' : `${((100 * a) / b).toFixed(0).padStart(3)}%`);
const ms = (v: number): string => (Number.isNaN(v) ? '-' : v < 10 ? v.toFixed(1) : v.toFixed(0)).padStart(5);
const rows = categories.map((name) => {
  const stats = Object.fromEntries(
    decoders.map((d) => {
      const c = cell(name, d.name);
      const sorted = [...c.ms].sort((a, b) => a - b);
      return [d.name, { ...c, ms: undefined, median: quantile(sorted, 0.5), p95: quantile(sorted, 0.95) }];
    }),
  );
  return { name, stats };
});
const header = `${'category'.padEnd(26)} ${'n'.padStart(3)} | ${'jsqr whole frame'.padEnd(18)} | ${'pipeline'.padEnd(18)} | ${'zxing-cpp'.padEnd(18)} | pipe/zx pipe/jsqr`;
const sub = `${''.padEnd(26)} ${''.padStart(3)} | ${decoders.map(() => '  ok   med   p95 ').join(' | ')} | (median time)`;
const lines = [header, sub, '-'.repeat(header.length)];
for (const { name, stats } of rows) {
  const [j, p, z] = [stats.jsqr, stats.pipeline, stats.zxing];
  if (!j || !p || !z) continue;
  const cols = [j, p, z].map((s) => `${pct(s.ok, s.n)} ${ms(s.median)} ${ms(s.p95)}`);
  lines.push(
    `${name.padEnd(26)} ${String(p.n).padStart(3)} | ${cols.join(' | ')} | ${(p.median / z.median).toFixed(2).padStart(7)} ${(p.median / j.median).toFixed(2).padStart(9)}`,
  );
}
const total = (kind: 'screen' | 'camera' | 'photo', d: string): string => {
  const names = categories.filter(
    (n) => (CATEGORIES.find((c) => c.name === n)?.kind ?? (PHOTO_GROUPS.includes(n) ? 'photo' : undefined)) === kind,
  );
  const sum = names.reduce((acc, n) => ({ ok: acc.ok + cell(n, d).ok, n: acc.n + cell(n, d).n }), { ok: 0, n: 0 });
  return pct(sum.ok, sum.n);
};
lines.push('-'.repeat(header.length));
for (const kind of ['screen', 'camera', 'photo'] as const)
  lines.push(`${`all ${kind} frames`.padEnd(30)} | ${decoders.map((d) => `${total(kind, d.name)}            `).join(' | ')} |`);
console.log(`\n${lines.join('\n')}`);
console.log('\nok = every code found with the right text and nothing else reported (for "no code" rows: nothing reported).');
for (const t of throughput) {
  console.log(
    `camera throughput ${t.resolution}: ${t.fps.toFixed(0)} frames/s (${(100 * t.success).toFixed(0)}% decoded); with budgetMs 33: ${t.budgetFps.toFixed(0)} frames/s (${(100 * t.budgetSuccess).toFixed(0)}% decoded) — ${t.frames} frames`,
  );
}

// The photo group as issue 11 tabulates it: frames right at each rotation, wrong texts, median ms.
const photoRows: { decoder: string; set: string; right: number[]; frames: number; wrong: number; median: number }[] = [];
if (categories.some((n) => PHOTO_GROUPS.includes(n))) {
  const sets = [
    { set: 'development', groups: ['photo dev', 'photo dev 90°', 'photo dev 180°', 'photo dev 270°'] },
    { set: 'held-out', groups: ['photo held-out'] },
  ];
  console.log('\nphoto group (synthetic photographs, tests/fixtures/photo): frames right, by rotation; wrong texts; median ms at 0°');
  for (const { set, groups } of sets) {
    for (const d of decoders) {
      const present = groups.filter((g) => categories.includes(g));
      if (present.length === 0) continue;
      const right = present.map((g) => cell(g, d.name).ok);
      const first = cell(present[0] as string, d.name);
      const wrong = present.reduce((sum, g) => sum + cell(g, d.name).wrong, 0);
      const median = quantile(
        [...first.ms].sort((a, b) => a - b),
        0.5,
      );
      photoRows.push({ decoder: d.name, set, right, frames: first.n, wrong, median });
      console.log(
        `  ${set.padEnd(12)} ${d.name.padEnd(9)} ${right.map((r) => String(r).padStart(3)).join(' / ')} of ${first.n}   wrong ${String(wrong).padStart(2)}   median ${ms(median)} ms`,
      );
    }
  }
  for (const group of ['photo dev', 'photo held-out'].filter((g) => kinds.has(g))) {
    const perDecoder = kinds.get(group) as Map<string, Map<string, [number, number, number]>>;
    const names = [...new Set([...perDecoder.values()].flatMap((m) => [...m.keys()]))];
    console.log(
      `  ${group} by kind: ${names.map((k) => `${k} ${decoders.map((d) => `${perDecoder.get(d.name)?.get(k)?.[0] ?? 0}`).join('/')} of ${perDecoder.get(decoders[0]?.name ?? '')?.get(k)?.[1] ?? 0}`).join(', ')}  (jsqr/pipeline/zxing)`,
    );
  }
}

// Targets of issues 4 and 11, checked on this run.
const get = (name: string, d: string): { ok: number; n: number; median: number; p95: number } | undefined => {
  const s = rows.find((r) => r.name === name)?.stats[d];
  return s ? { ok: s.ok, n: s.n, median: s.median, p95: s.p95 } : undefined;
};
const targets: { target: string; met: boolean; detail: string }[] = [];
const screenNames = categories.filter((n) => n.startsWith('screen'));
if (screenNames.length > 0) {
  const bad = screenNames.filter((n) => (get(n, 'pipeline')?.ok ?? 0) < (get(n, 'pipeline')?.n ?? 0));
  targets.push({
    target: 'screens: every code found, nothing on screens without one',
    met: bad.length === 0,
    detail: bad.length ? `misses in ${bad.join(', ')}` : 'all screen frames right',
  });
}
const k4 = get('screen 4K', 'pipeline');
const k4z = get('screen 4K', 'zxing');
if (k4 && k4z)
  targets.push({
    target: '4K median ≤ ½ zxing-cpp',
    met: k4.median <= k4z.median / 2,
    detail: `${k4.median.toFixed(1)} ms vs zxing ${k4z.median.toFixed(1)} ms (ratio ${(k4.median / k4z.median).toFixed(2)})`,
  });
const k4n = get('screen 4K, no code', 'pipeline');
if (k4n)
  targets.push({
    target: '4K without a code rejected < 30 ms',
    met: k4n.median < 30,
    detail: `median ${k4n.median.toFixed(1)} ms, p95 ${k4n.p95.toFixed(1)} ms`,
  });
const hd = get('screen 1080p', 'pipeline');
if (hd)
  targets.push({ target: '1080p < 15 ms', met: hd.median < 15, detail: `median ${hd.median.toFixed(1)} ms, p95 ${hd.p95.toFixed(1)} ms` });
const cameraNames = categories.filter((n) => n.startsWith('camera'));
if (cameraNames.length > 0) {
  const behind = cameraNames.filter((n) => (get(n, 'pipeline')?.ok ?? 0) < (get(n, 'zxing')?.ok ?? 0));
  targets.push({
    target: 'camera: success ≥ zxing-cpp in every category',
    met: behind.length === 0,
    detail: behind.length
      ? `behind in ${behind.join(', ')}`
      : `pipeline ${total('camera', 'pipeline').trim()} vs zxing ${total('camera', 'zxing').trim()}`,
  });
}
const photoGroups = categories.filter((n) => PHOTO_GROUPS.includes(n));
if (photoGroups.length > 0) {
  const behind = photoGroups.filter((n) => (get(n, 'pipeline')?.ok ?? 0) <= (get(n, 'zxing')?.ok ?? 0));
  targets.push({
    target: 'photo: more frames right than zxing-cpp in every photo group',
    met: behind.length === 0,
    detail: photoGroups.map((n) => `${n} ${get(n, 'pipeline')?.ok}/${get(n, 'zxing')?.ok}`).join(', '),
  });
  const wrong = photoGroups.reduce((sum, n) => sum + cell(n, 'pipeline').wrong, 0);
  targets.push({ target: 'photo: no wrong text', met: wrong === 0, detail: `${wrong} wrong` });
  const p = get('photo dev', 'pipeline');
  const z = get('photo dev', 'zxing');
  if (p && z)
    targets.push({
      target: 'photo: median ≤ 1.5× zxing-cpp',
      met: p.median <= 1.5 * z.median,
      detail: `${p.median.toFixed(2)} ms vs zxing ${z.median.toFixed(2)} ms (ratio ${(p.median / z.median).toFixed(2)})`,
    });
}
console.log('\ntargets:');
for (const t of targets) console.log(`  ${t.met ? 'met    ' : 'NOT MET'}  ${t.target}: ${t.detail}`);
if (failures.length > 0) {
  console.log(`\nframes not fully right (pipeline and zxing):`);
  for (const f of failures) console.log(`  ${f.decoder.padEnd(8)} ${f.file}  found ${f.outcome.found}, wrong ${f.outcome.wrong}`);
}

if (!values['no-write']) {
  const results = {
    date: new Date().toISOString(),
    machine,
    repeat,
    corpus: { seed, images: corpus.length, categories: categories.length },
    categories: rows,
    photo: photoRows,
    throughput,
    targets,
    failures: failures.map((f) => ({ file: f.file, decoder: f.decoder, ...f.outcome })),
  };
  writeFileSync(join(here, 'results.json'), `${JSON.stringify(results, null, 1)}\n`);
  writeFileSync(join(here, 'results.svg'), renderChart(rows, machine));
  console.log('\nwrote bench/results.json and bench/results.svg');
}
