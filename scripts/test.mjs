#!/usr/bin/env node
/**
 * `npm test`: type-check, lint, format check (Prettier), build, Electronegativity, then the vitest
 * suite (unit, integration against the simulator, CLI end to end). Every step runs even when an earlier one fails, so one run shows
 * everything; the last line is `N passed, N failed`, taken from vitest's JSON report, for CI.
 * A run must leave the checkout as it found it (screenshots are `npm run screenshots`, not a
 * test): where git is available, `git status` before and after must match, or that is a failure.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, rmSync, statSync } from 'node:fs';

const REPORT = 'test-results/vitest.json';
const bin = (name) => `node_modules/.bin/${name}`;
const steps = [
  ['type-check', bin('tsc'), ['-b']],
  ['lint', bin('eslint'), ['--max-warnings', '0', '.']],
  ['format', bin('prettier'), ['--check', '--log-level', 'warn', '.']],
  ['build', 'npm', ['run', '--silent', 'build']],
  ['security lint', 'npm', ['run', '--silent', 'lint:security']],
  ['tests', bin('vitest'), ['run', '--reporter=default', '--reporter=json', `--outputFile.json=${REPORT}`]],
];

/**
 * `git status --porcelain` as a map from each line to a hash of that file's content, so a file
 * that was already modified and is modified again still counts; `null` where git cannot tell.
 */
function checkoutState() {
  if (!existsSync('.git')) return null;
  const result = spawnSync('git', ['status', '--porcelain', '--untracked-files=all'], { encoding: 'utf8' });
  if (result.error || result.status !== 0) return null;
  const state = new Map();
  for (const line of result.stdout.split('\n').filter(Boolean)) {
    const file = line.slice(3).split(' -> ').at(-1).replace(/^"|"$/gu, '');
    const content = existsSync(file) && statSync(file).isFile() ? createHash('sha256').update(readFileSync(file)).digest('hex') : '-';
    state.set(line, content);
  }
  return state;
}

rmSync(REPORT, { force: true });
const failedSteps = [];
const before = checkoutState();
for (const [name, command, args] of steps) {
  console.log(`\n▶ ${name}: ${command} ${args.join(' ')}`);
  const { status } = spawnSync(command, args, { stdio: 'inherit' });
  if (status !== 0) failedSteps.push(name);
}

console.log('\n▶ checkout unchanged: git status --porcelain, before and after');
if (before === null) {
  console.log('  not checked: no git, or not a git checkout (.git absent)');
} else {
  const after = checkoutState() ?? new Map();
  const changed = [...new Set([...before.keys(), ...after.keys()])].filter((line) => before.get(line) !== after.get(line));
  if (changed.length > 0) {
    // Someone else editing or committing in this checkout during the run shows here too: the paths say which.
    console.log(
      `  ${changed.length} path(s) changed during the run (git status --porcelain; the tests, or anyone else working in this checkout meanwhile):`,
    );
    for (const line of changed) console.log(`    ${after.has(line) ? line : `${line}  (no longer so)`}`);
    failedSteps.push('checkout unchanged');
  } else {
    console.log('  unchanged');
  }
}

let passed = 0;
let failed = 0;
if (existsSync(REPORT)) {
  const report = JSON.parse(readFileSync(REPORT, 'utf8'));
  passed = report.numPassedTests;
  failed = report.numFailedTests;
}
// A failing step outside vitest counts as one failed test, so CI never reads a red run as green.
failed += failedSteps.filter((s) => s !== 'tests').length;
if (failedSteps.length > 0) console.log(`\nFailed steps: ${failedSteps.join(', ')}`);
console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failedSteps.length > 0 || failed > 0 || passed === 0 ? 1 : 0);
