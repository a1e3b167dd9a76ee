/**
 * What the installers carry: the app is packed for Linux (`dir` target) against a placeholder
 * Electron distribution (Electron's zip cannot be downloaded here), with
 * build/electron-builder.pack-test.yml, and app.asar is listed. The suite's global setup has
 * built out/.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { extractFile, listPackage } from '@electron/asar';
import { Arch, Platform, build } from 'electron-builder';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const MAX_ASAR_BYTES = 3 * 1024 * 1024;
const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { dependencies?: Record<string, string>; devDependencies: Record<string, string> };
/** The CLI's image decoders and what they pull in (sharp's native libvips is `@img/…`). */
const CLI_ONLY = ['sharp', '@img', 'bmp-ts', 'pngjs', 'yargs'];

interface Packed {
  resources: string;
  asar: string;
  /** Every file in app.asar, without the leading slash. */
  files: Set<string>;
}
let temp: string;
let packed: Packed;

/**
 * Specifiers a built file loads at run time: TypeScript's scanner finds imports and require
 * calls outside comments and strings; the bundler's own `__require` calls are added.
 */
function loadedSpecifiers(code: string): string[] {
  const scanned = ts.preProcessFile(code, true, true).importedFiles.map((file) => file.fileName);
  const bundlerRequires = [...code.matchAll(/(?<![\w$.])__require\(\s*["']([^"']+)["']\s*\)/gu)].map((m) => m[1] ?? '');
  return [...new Set([...scanned, ...bundlerRequires])];
}

function resolvesInside(files: Set<string>, fromFile: string, specifier: string): boolean {
  if (specifier === 'electron' || specifier.startsWith('node:') || builtinModules.includes(specifier)) return true;
  if (specifier.startsWith('.')) {
    const base = path.posix.join(path.posix.dirname(fromFile), specifier);
    return ['', '.js', '.cjs', '.mjs', '.json', '/index.js'].some((ext) => files.has(base + ext));
  }
  const name = specifier.startsWith('@') ? specifier.split('/').slice(0, 2).join('/') : (specifier.split('/')[0] ?? '');
  return files.has(`node_modules/${name}/package.json`);
}

beforeAll(async () => {
  temp = mkdtempSync(path.join(tmpdir(), 'qrri-pack-'));
  // electron-builder copies this folder as the app and renames `electron` to the executable.
  const electronDist = path.join(temp, 'electron-dist');
  mkdirSync(electronDist);
  writeFileSync(path.join(electronDist, 'electron'), '#!/bin/sh\necho placeholder\n', { mode: 0o755 });
  await build({
    projectDir: process.cwd(),
    targets: Platform.LINUX.createTarget('dir', Arch.x64),
    publish: 'never',
    config: { extends: 'build/electron-builder.pack-test.yml', electronDist, directories: { output: path.join(temp, 'release') } },
  });
  const resources = path.join(temp, 'release/linux-unpacked/resources');
  const asar = path.join(resources, 'app.asar');
  const files = new Set(listPackage(asar, { isPack: false }).map((entry) => entry.replace(/\\/gu, '/').replace(/^\//u, '')).filter((entry) => !entry.endsWith('/')));
  packed = { resources, asar, files };
}, 120_000);

afterAll(() => {
  if (temp) rmSync(temp, { recursive: true, force: true });
});

describe('the packaged app', () => {
  it('is app.asar of at most 3 MB with the built app and package.json', () => {
    const size = statSync(packed.asar).size;
    console.log(`app.asar: ${(size / 1024 / 1024).toFixed(2)} MB, ${packed.files.size} entries`);
    expect(size).toBeLessThanOrEqual(MAX_ASAR_BYTES);
    for (const file of ['package.json', 'out/main/index.js', 'out/preload/index.cjs', 'out/renderer/index.html']) expect(packed.files).toContain(file);
    expect(JSON.parse(extractFile(packed.asar, 'package.json').toString('utf8'))).toMatchObject({ name: 'qr-room-invite', main: 'out/main/index.js' });
  });

  it('resolves every module that out/main and out/preload load inside app.asar (electron and Node built-ins aside)', () => {
    const built = [...packed.files].filter((file) => /^out\/(main|preload)\/.+\.(c|m)?js$/u.test(file));
    expect(built.length).toBeGreaterThanOrEqual(2);
    const loaded = built.flatMap((file) => loadedSpecifiers(extractFile(packed.asar, file).toString('utf8')).map((specifier) => ({ file, specifier })));
    expect(loaded.map((l) => l.specifier)).toContain('electron');
    expect(loaded.filter(({ file, specifier }) => !resolvesInside(packed.files, file, specifier))).toEqual([]);
  });

  it('carries no CLI-only, test or development package (no node_modules at all while `dependencies` is empty), nor source maps', () => {
    const packages = new Set([...packed.files].filter((file) => file.startsWith('node_modules/')).map((file) => file.split('/').slice(1, file.startsWith('node_modules/@') ? 3 : 2).join('/')));
    const forbidden = [...CLI_ONLY, ...Object.keys(pkg.devDependencies)];
    expect([...packages].filter((name) => forbidden.some((f) => name === f || name.startsWith(`${f}/`)))).toEqual([]);
    if (Object.keys(pkg.dependencies ?? {}).length === 0) expect([...packages]).toEqual([]);
    expect([...packed.files].filter((file) => file.endsWith('.map'))).toEqual([]);
  });

  it('ships beside app.asar the MIT license, the licenses of the bundled packages and the update config', () => {
    expect(readFileSync(path.join(packed.resources, 'LICENSE.txt'), 'utf8')).toContain('MIT License');
    const notice = readFileSync(path.join(packed.resources, 'THIRD_PARTY_LICENSES.txt'), 'utf8');
    for (const name of ['got', 'zod', 'electron-updater', 'electron-store', 'jsqr', 'qrcode']) expect(notice).toMatch(new RegExp(`^${name} \\d+\\.\\d+\\.\\d+ — `, 'mu'));
    expect(notice).not.toMatch(/^(sharp|bmp-ts|vitest) /mu);
    expect(readFileSync(path.join(packed.resources, 'app-update.yml'), 'utf8')).toMatch(/provider: generic/u);
  });
});
