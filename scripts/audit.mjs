#!/usr/bin/env node
/**
 * CI's advisory check: no package that ships in the app may have a high or critical advisory.
 * The app bundles its packages, so they are all devDependencies and `npm audit --omit=dev` would
 * check nothing; instead the whole tree is audited and the advisories are matched against the
 * packages the build bundled (out/licenses/*.json, written by scripts/third-party-licenses.ts;
 * the app is built first when they are missing). Advisories of build and test tools are counted
 * but do not fail. When the registry's audit endpoint cannot be reached (these build machines
 * only mirror packages), the check says so plainly instead of passing silently.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';

const LICENSES = 'out/licenses';
if (!existsSync(LICENSES)) {
  const build = spawnSync(process.execPath, ['node_modules/electron-vite/bin/electron-vite.js', 'build', '--logLevel', 'error'], {
    stdio: 'inherit',
  });
  if (build.status !== 0) {
    console.error('audit: the app did not build, so what ships is unknown');
    process.exit(1);
  }
}
const shipped = new Set(
  readdirSync(LICENSES)
    .filter((f) => f.endsWith('.json'))
    .flatMap((f) => JSON.parse(readFileSync(`${LICENSES}/${f}`, 'utf8')).map((p) => p.name)),
);

const run = spawnSync('npm', ['audit', '--json'], { encoding: 'utf8' });
let report;
try {
  report = JSON.parse(run.stdout);
} catch {
  report = undefined;
}
if (!report?.vulnerabilities) {
  const reason = String(report?.message ?? report?.error?.summary ?? 'no report').trim();
  console.log(
    `audit: could not check the shipped packages for advisories — the registry's audit endpoint did not answer (${reason}). Run \`npm audit\` where it is reachable.`,
  );
  process.exit(0);
}
const all = Object.values(report.vulnerabilities);
const inApp = all.filter((v) => shipped.has(v.name));
const count = (list, severity) => list.filter((v) => v.severity === severity).length;
console.log(
  `audit: ${shipped.size} packages ship in the app: ${count(inApp, 'critical')} critical, ${count(inApp, 'high')} high, ${count(inApp, 'moderate')} moderate, ${count(inApp, 'low')} low advisories` +
    ` (build and test tools: ${all.length - inApp.length} packages with advisories, not shipped)`,
);
const serious = inApp.filter((v) => v.severity === 'high' || v.severity === 'critical');
if (serious.length > 0) {
  console.error(
    `audit: FAILED — shipped packages with a high or critical advisory: ${serious.map((v) => v.name).join(', ')}; see \`npm audit\` and update or replace them.`,
  );
  process.exit(1);
}
