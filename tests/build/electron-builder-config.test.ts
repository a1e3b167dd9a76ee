/** electron-builder.yml cannot be packaged here (no Electron zip); it is validated instead. */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Ajv } from 'ajv';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';

const require = createRequire(import.meta.url);
interface BuilderConfig {
  appId: string;
  productName: string;
  directories: { buildResources: string };
  artifactName: string;
  files: string[];
  extraResources: { from: string; to: string }[];
  publish: Record<string, unknown>;
  win: { target: { target: string }[] };
  nsis: { artifactName: string };
  msi: Record<string, unknown>;
  mac: { target: { target: string }[]; entitlements: string; extendInfo: Record<string, unknown> };
  linux: { target: string[] };
  electronFuses: Record<string, boolean>;
}
const config = parse(readFileSync('electron-builder.yml', 'utf8')) as BuilderConfig;

describe('electron-builder.yml', () => {
  it('is valid against app-builder-lib’s JSON schema', () => {
    const schema = JSON.parse(readFileSync(require.resolve('app-builder-lib/scheme.json'), 'utf8')) as object;
    const ajv = new Ajv({ allErrors: true, strict: false, allowUnionTypes: true });
    const validate = ajv.compile(schema);
    expect(validate(config), JSON.stringify(validate.errors, null, 2)).toBe(true);
  });

  it('rejects a broken variant (the schema check can fail)', () => {
    const schema = JSON.parse(readFileSync(require.resolve('app-builder-lib/scheme.json'), 'utf8')) as object;
    const validate = new Ajv({ strict: false, allowUnionTypes: true }).compile(schema);
    expect(validate({ ...config, directories: { buildResources: 42 } })).toBe(false);
  });

  it('names the app, uses build/ and targets Windows, macOS and Linux', () => {
    expect(config.appId).toMatch(/^[a-z]+(\.[a-z]+)+$/u);
    expect(config.productName).toBe('QR Room Invite');
    expect(config.directories.buildResources).toBe('build');
    expect(config.win.target.map((t) => t.target)).toEqual(['nsis', 'msi']);
    expect(config.mac.target.map((t) => t.target)).toEqual(['dmg', 'zip']);
    expect(config.linux.target).toEqual(['AppImage', 'deb']);
  });

  it('builds a silent per-machine MSI for fleets and names installers for scripts, as the README commands say', () => {
    expect(config.msi).toMatchObject({ perMachine: true, oneClick: true });
    expect(config.artifactName).toBe('${name}-${version}-${arch}.${ext}');
    expect(config.nsis.artifactName).toBe('${name}-${version}-setup.${ext}');
    // The names these patterns give for this version (electron-builder spells x64 as amd64 for deb, x86_64 for AppImage).
    const { name, version } = JSON.parse(readFileSync('package.json', 'utf8')) as { name: string; version: string };
    const readme = readFileSync('README.md', 'utf8');
    for (const file of [`${version}-x64.msi`, `${version}-setup.exe`, `${version}-amd64.deb`, `${version}-x86_64.AppImage`, `${version}-arm64.dmg`]) {
      expect(readme).toContain(`${name}-${file}`);
    }
  });

  it('publishes latest*.yml for electron-updater’s generic provider (the feed URL itself is a setting)', () => {
    expect(config.publish).toMatchObject({ provider: 'generic' });
  });

  it('ships the app’s license and the bundled packages’ licenses beside app.asar, not inside it', () => {
    expect(config.extraResources.map((r) => r.to)).toEqual(expect.arrayContaining(['LICENSE.txt', 'THIRD_PARTY_LICENSES.txt']));
    expect(config.files).toContain('!out/licenses/**');
    expect(readFileSync('LICENSE', 'utf8')).toMatch(/^MIT License\n\nCopyright \(c\) 2026 QR Room Invite team/u);
  });

  it('flips the Electron fuses of the security checklist', () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      grantFileProtocolExtraPrivileges: false,
      enableCookieEncryption: true,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
    });
  });

  it('makes the macOS app tray-only and explains the camera', () => {
    expect(config.mac.extendInfo.LSUIElement).toBe(true);
    expect(config.mac.extendInfo.NSCameraUsageDescription).toMatch(/camera/iu);
    expect(readFileSync(config.mac.entitlements, 'utf8')).toContain('com.apple.security.device.camera');
  });
});
