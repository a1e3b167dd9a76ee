/**
 * A Vite plugin that writes the licenses of the packages bundled into the app: each build (main,
 * preload, renderer, the decode worker) records the packages its chunks contain in
 * out/licenses/<part>.json, and out/licenses/THIRD_PARTY_LICENSES.txt is rewritten from every
 * part after each build. electron-builder ships that file beside the app (extraResources) and the
 * tray's About opens it. Only what is bundled is listed, so the notice follows the code that ships.
 */
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Plugin } from 'vite';

export const LICENSES_DIR = 'out/licenses';
export const LICENSES_FILE = 'THIRD_PARTY_LICENSES.txt';

export interface BundledPackage {
  name: string;
  version: string;
  license: string;
  /** The package's LICENSE (or COPYING) file, when it has one. */
  text?: string;
}

/** The package folder of a module under node_modules (the innermost one, for nested installs). */
function packageDir(moduleId: string): string | undefined {
  const normalized = moduleId.replace(/\\/gu, '/').replace(/\?.*$/u, '').replace(/^\0/u, '');
  const at = normalized.lastIndexOf('/node_modules/');
  if (at < 0) return undefined;
  const rest = normalized.slice(at + '/node_modules/'.length).split('/');
  const nameParts = rest[0]?.startsWith('@') ? 2 : 1;
  return normalized.slice(0, at + '/node_modules/'.length) + rest.slice(0, nameParts).join('/');
}

function describePackage(dir: string): BundledPackage {
  const pkg = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as {
    name: string;
    version: string;
    license?: string | { type: string };
  };
  const license = typeof pkg.license === 'string' ? pkg.license : (pkg.license?.type ?? 'UNKNOWN');
  const file = readdirSync(dir).find((f) => /^(licen[cs]e|copying)(\.(md|txt))?$/iu.test(f));
  return { name: pkg.name, version: pkg.version, license, ...(file ? { text: readFileSync(path.join(dir, file), 'utf8').trim() } : {}) };
}

export function renderNotice(packages: readonly BundledPackage[], appVersion: string): string {
  const rule = '='.repeat(72);
  const sections = packages.map((p) =>
    [
      rule,
      `${p.name} ${p.version} — ${p.license}`,
      '-'.repeat(72),
      p.text ?? `(${p.name} ships no license file; its package.json declares ${p.license}.)`,
    ].join('\n'),
  );
  return [
    `Third-party software in QR Room Invite ${appVersion}`,
    'The packages below are bundled into the app. Electron and Chromium ship their own notices beside',
    'the app: LICENSE.electron.txt and LICENSES.chromium.html.',
    '',
    ...sections,
    '',
  ].join('\n');
}

/** `part` names this build's fragment (main, preload, renderer, worker). */
export function thirdPartyLicenses(part: string, appVersion: string): Plugin {
  return {
    name: 'qrri-third-party-licenses',
    apply: 'build',
    generateBundle(_options, bundle) {
      const dirs = new Set<string>();
      for (const output of Object.values(bundle)) {
        if (output.type !== 'chunk') continue;
        for (const id of output.moduleIds) {
          const dir = packageDir(id);
          if (dir) dirs.add(dir);
        }
      }
      const packages = [...dirs].map(describePackage);
      mkdirSync(LICENSES_DIR, { recursive: true });
      writeFileSync(path.join(LICENSES_DIR, `${part}.json`), `${JSON.stringify(packages, null, 2)}\n`);
      const all = new Map<string, BundledPackage>();
      for (const file of readdirSync(LICENSES_DIR).filter((f) => f.endsWith('.json'))) {
        for (const p of JSON.parse(readFileSync(path.join(LICENSES_DIR, file), 'utf8')) as BundledPackage[])
          all.set(`${p.name}@${p.version}`, p);
      }
      const sorted = [...all.values()].sort((a, b) => a.name.localeCompare(b.name) || a.version.localeCompare(b.version));
      writeFileSync(path.join(LICENSES_DIR, LICENSES_FILE), renderNotice(sorted, appVersion));
    },
  };
}
