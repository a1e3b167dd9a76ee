/** The package contract: what a newcomer, npm and the CI rely on. The suite's global setup has built dist/. */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

interface PackageJson {
  name: string;
  type: string;
  engines: { node: string };
  bin: Record<string, string>;
  exports: Record<string, { import: string; types: string }>;
  scripts: Record<string, string>;
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
}
const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as PackageJson;

describe('package.json', () => {
  it('is the ESM package qr-room-invite for Node 22.12+', () => {
    expect(pkg).toMatchObject({ name: 'qr-room-invite', type: 'module', engines: { node: '>=22.12' } });
    expect(readFileSync('.nvmrc', 'utf8').trim()).toBe('22');
  });

  it('has the libraries and tools the design names, as devDependencies: the app bundles what it runs', () => {
    for (const dep of ['jsqr', 'electron-store', 'got', 'conf', 'electron-updater', 'electron', 'electron-builder', 'vitest', 'electron-vite', 'typescript']) {
      expect(pkg.devDependencies).toHaveProperty(dep);
    }
    // electron-builder packs `dependencies` into every installer: only what cannot be bundled belongs there.
    expect(pkg.dependencies).toEqual({});
  });

  it('has a built, executable bin', () => {
    const bin = pkg.bin['qr-room-invite'] ?? '';
    expect(existsSync(bin)).toBe(true);
    expect(statSync(bin).mode & 0o111).not.toBe(0);
    expect(readFileSync(bin, 'utf8').startsWith('#!/usr/bin/env node')).toBe(true);
  });

  it('exports ./payload and ./decode as built ESM that plain Node imports', () => {
    const script = `
      const { parsePayload } = await import('qr-room-invite/payload');
      const { decodeQrCodes } = await import('qr-room-invite/decode');
      const parsed = parsePayload('sip:+99111253020382685');
      const none = decodeQrCodes({ data: new Uint8ClampedArray(40 * 40 * 4).fill(255), width: 40, height: 40 });
      console.log(JSON.stringify({ kind: parsed.kind, callNum: parsed.terminal.callNum, none }));`;
    const out = execFileSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
    expect(JSON.parse(out)).toEqual({ kind: 'terminal', callNum: '+99111253020382685', none: [] });
    for (const entry of Object.values(pkg.exports).filter((e) => typeof e === 'object')) {
      expect(existsSync(entry.import)).toBe(true);
    }
  });
});
