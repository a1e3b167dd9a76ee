#!/usr/bin/env node
/**
 * `npm run lint:security`: Doyensec's Electronegativity over the repository (sources and the
 * built app in out/), with the project's Electron version, findings of MEDIUM severity and above,
 * written as SARIF to test-results/electronegativity.sarif. Electronegativity's own exit code
 * is always 0, so this script fails on any finding that the reviewed allow-list
 * (security/electronegativity-allowlist.json) does not explain.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';

const SARIF = 'test-results/electronegativity.sarif';
const electron = JSON.parse(readFileSync('node_modules/electron/package.json', 'utf8')).version;
const allow = JSON.parse(readFileSync('security/electronegativity-allowlist.json', 'utf8')).entries;

mkdirSync('test-results', { recursive: true });
const run = spawnSync(
  process.execPath,
  ['node_modules/@doyensec/electronegativity/dist/index.js', '-i', '.', '-e', electron, '-s', 'medium', '-r', '-v', 'false', '-o', SARIF],
  { encoding: 'utf8' },
);
if (run.status !== 0) {
  console.error(run.stdout, run.stderr);
  console.error('lint:security: Electronegativity did not run');
  process.exit(1);
}

const results = JSON.parse(readFileSync(SARIF, 'utf8')).runs.flatMap((r) => r.results);
const located = results.map((r) => ({
  rule: r.ruleId,
  file: r.locations?.[0]?.physicalLocation?.artifactLocation?.uri ?? '?',
  line: r.locations?.[0]?.physicalLocation?.region?.startLine ?? 0,
  message: r.message?.text ?? '',
}));
const unexplained = located.filter((f) => !allow.some((a) => a.rule === f.rule && a.files.includes(f.file)));

console.log(
  `lint:security: Electronegativity ${electron ? `(Electron ${electron})` : ''}: ${located.length} MEDIUM+ findings, ${located.length - unexplained.length} explained by the reviewed allow-list, ${unexplained.length} unexplained`,
);
for (const f of unexplained) console.error(`  ${f.rule} ${f.file}:${f.line} — ${f.message}`);
process.exit(unexplained.length === 0 ? 0 : 1);
