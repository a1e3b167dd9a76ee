/**
 * The App Key store's binding to a server (SECURITY.md, finding 2): a key is read only for the
 * base URL it was saved for; the window learns only "saved here" or "saved for <server>"; a file
 * from before keys were bound is not used. A managed key belongs to the server the managed
 * configuration fixes (set or locked), the default site otherwise.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SITE_BASE_URLS } from '../../core/api/sites';
import { createAppKeyStore, managedKeyServer } from '../../core/store/app-key-store';
import { createKeyFileSecretBox } from '../../core/store/secret-box';
import { tempDir } from '../helpers/qr-images';

const HOME = 'https://meeting.example.com';
const ELSEWHERE = 'https://meeting.example.org';

function store() {
  const dir = tempDir('qrri-app-key-');
  const file = join(dir, 'app-key.enc');
  const secretBox = createKeyFileSecretBox(join(dir, 'secret.key'));
  return { file, secretBox, keys: createAppKeyStore(file, secretBox) };
}

describe('App Key store', () => {
  it('gives the key for the server it was saved for only, and says which server that is', async () => {
    const { file, keys } = store();
    expect(keys.state(HOME)).toEqual({ saved: false });
    await keys.save('  the-key  ', HOME);
    expect(await keys.read(HOME)).toBe('the-key');
    expect(await keys.read(ELSEWHERE)).toBeUndefined();
    expect(await keys.read(undefined)).toBeUndefined();
    expect(keys.state(HOME)).toEqual({ saved: true });
    expect(keys.state(ELSEWHERE)).toEqual({ saved: false, otherServer: HOME });
    expect(readFileSync(file, 'utf8')).not.toContain('the-key');
    keys.forget();
    expect(keys.state(HOME)).toEqual({ saved: false });
  });

  it('does not use a key file written before keys were bound to a server', async () => {
    const { file, secretBox, keys } = store();
    writeFileSync(file, await secretBox.encrypt('old-key'));
    expect(await keys.read(HOME)).toBeUndefined();
    expect(keys.state(HOME)).toEqual({ saved: false });
  });

  it('binds a managed key to the server the managed configuration fixes, else to the default site', () => {
    const chosen = { site: 'custom' as const, customBaseUrl: HOME };
    expect(managedKeyServer(chosen, ['appId', 'customBaseUrl', 'site'])).toBe(HOME);
    expect(managedKeyServer(chosen, ['appId'])).toBe(SITE_BASE_URLS.cn);
    expect(managedKeyServer({ site: 'intl' }, ['site'])).toBe(SITE_BASE_URLS.intl);
    // A custom site fixed without its base URL names no server: the key is used nowhere.
    expect(managedKeyServer(chosen, ['site'])).toBeUndefined();
  });
});
