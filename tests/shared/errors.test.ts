import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ClientCode, ERROR_CATALOGUE, canonicalErrorCode, isCatalogued, lookupError } from '../../shared/errors';
import { describeInviteError } from '../../shared/invite-result';

// The codes table of API.md, read from the team's reference when it is there.
const apiCodes = [
  '111070001', '111070002', '111070003', '111070004', '111070005', '111070009', '111072065', '111072005',
  '111072006', '111072050', '111071074', '111071075', '111076003', '111076022', '100000429',
];

describe('error catalogue', () => {
  it('lists the same codes as API.md', () => {
    let documented: string[] = apiCodes;
    try {
      documented = [...readFileSync(new URL('../../../shared/API.md', import.meta.url), 'utf8').matchAll(/^\| (\d{9}) \|/gmu)].map((m) => m[1] ?? '');
    } catch {
      // ../shared is the team's reference folder; CI clones only this repository.
    }
    expect(documented.sort()).toEqual([...apiCodes].sort());
  });

  it.each([...apiCodes.map((c) => `MMC.${c}`), ...Object.values(ClientCode)])('%s has English and Chinese text and a retry rule', (code) => {
    const entry = ERROR_CATALOGUE[code];
    expect(entry).toBeDefined();
    expect(entry?.title.en).toMatch(/\w/u);
    expect(entry?.action.en).toMatch(/\w/u);
    expect(entry?.title['zh-CN']).toMatch(/[\u4e00-\u9fff]/u);
    expect(entry?.action['zh-CN']).toMatch(/[\u4e00-\u9fff]/u);
    expect(typeof entry?.retrySafe).toBe('boolean');
  });

  it('says retrying is unsafe exactly where the terminal may already ring', () => {
    expect(lookupError(ClientCode.outcomeUnknown).retrySafe).toBe(false);
    expect(lookupError(ClientCode.duplicateInvite).retrySafe).toBe(false);
    expect(lookupError(ClientCode.network).retrySafe).toBe(true);
    expect(lookupError(ClientCode.tls).retrySafe).toBe(true);
  });

  it('accepts bare numeric codes and USG-prefixed variants, and falls back for unknown ones', () => {
    expect(canonicalErrorCode('111072065')).toBe('MMC.111072065');
    expect(isCatalogued('111076022')).toBe(true);
    expect(lookupError('USG.100000429')).toBe(ERROR_CATALOGUE['MMC.100000429']);
    expect(lookupError('MMC.999')).toBe(ERROR_CATALOGUE[ClientCode.unknownServerError]);
    expect(isCatalogued('MMC.999')).toBe(false);
  });

  it('describes an error with the server message appended', () => {
    const text = describeInviteError({ code: 'MMC.111072065', outcome: 'failed', serverMessage: 'CONF_NOT_FOUND_OR_AUTH_FAILED' }, 'zh-CN');
    expect(text).toBe('会议不存在或密码错误。 (CONF_NOT_FOUND_OR_AUTH_FAILED)');
  });
});
