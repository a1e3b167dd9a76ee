import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ClientCode, ERROR_CATALOGUE, canonicalErrorCode, isCatalogued, lookupError } from '../../shared/errors';
import { describeInviteError } from '../../shared/invite-result';

// The error codes of inviteWithPwd as this file lists them; the test below checks them against the
// table in the repository's own docs/api.md ("Error codes the app recognises").
const apiCodes = [
  '111070001',
  '111070002',
  '111070003',
  '111070004',
  '111070005',
  '111070009',
  '111072065',
  '111072005',
  '111072006',
  '111072050',
  '111071074',
  '111071075',
  '111076003',
  '111076022',
  '100000429',
];

const API_DOC = new URL('../../docs/api.md', import.meta.url);
const CODES_HEADING = '### Error codes the app recognises';

/** The 9-digit codes of the table under CODES_HEADING in docs/api.md; throws with the reason when it cannot. */
function documentedCodes(): string[] {
  let text: string;
  try {
    text = readFileSync(API_DOC, 'utf8');
  } catch (error) {
    throw new Error(`docs/api.md is missing (${fileURLToPath(API_DOC)}): it is the reference for the error-code list.`, { cause: error });
  }
  const start = text.indexOf(CODES_HEADING);
  if (start < 0) throw new Error(`docs/api.md has no "${CODES_HEADING}" section`);
  const rest = text.slice(start + CODES_HEADING.length);
  const next = rest.search(/^#{1,3} /mu);
  const section = next < 0 ? rest : rest.slice(0, next);
  const codes = [...section.matchAll(/^\| (\d{9}) \|/gmu)].map((m) => m[1] ?? '');
  if (codes.length === 0) throw new Error(`docs/api.md's "${CODES_HEADING}" section has no rows of the form "| 123456789 | …"`);
  return codes;
}

const DOOR_CODES_HEADING = '### Codes of the call-status doors';

/** The prefixed codes of the table under DOOR_CODES_HEADING in docs/api.md. */
function documentedDoorCodes(): string[] {
  const text = readFileSync(API_DOC, 'utf8');
  const start = text.indexOf(DOOR_CODES_HEADING);
  if (start < 0) throw new Error(`docs/api.md has no "${DOOR_CODES_HEADING}" section`);
  const rest = text.slice(start + DOOR_CODES_HEADING.length);
  const next = rest.search(/^#{1,3} /mu);
  const section = next < 0 ? rest : rest.slice(0, next);
  return [...section.matchAll(/^\| `([A-Z]+\.\d+)` \|/gmu)].map((m) => m[1] ?? '');
}

describe('error catalogue', () => {
  it('lists the same codes as docs/api.md', () => {
    const documented = documentedCodes().sort();
    expect(documented).toEqual([...apiCodes].sort());
    // And the catalogue has no inviteWithPwd code the documentation does not know.
    const doorCodes = new Set(documentedDoorCodes());
    const catalogued = Object.keys(ERROR_CATALOGUE)
      .filter((code) => code.startsWith('MMC.') && !doorCodes.has(code))
      .map((code) => code.slice(4));
    expect(catalogued.sort()).toEqual(documented);
  });

  it('has an entry in both languages for every code of the call-status doors in docs/api.md, and no undocumented one', () => {
    const documented = documentedDoorCodes();
    expect(documented.length).toBeGreaterThan(0);
    for (const code of documented) {
      const entry = ERROR_CATALOGUE[code];
      expect(entry, code).toBeDefined();
      expect(entry?.title['zh-CN']).toMatch(/[\u4e00-\u9fff]/u);
    }
    const server = Object.keys(ERROR_CATALOGUE).filter((code) => /^(?:USG|CALL)\./u.test(code));
    expect(server.sort()).toEqual(documented.filter((code) => /^(?:USG|CALL)\./u.test(code)).sort());
  });

  it.each([...apiCodes.map((c) => `MMC.${c}`), ...Object.values(ClientCode)])(
    '%s has English and Chinese text and a retry rule',
    (code) => {
      const entry = ERROR_CATALOGUE[code];
      expect(entry).toBeDefined();
      expect(entry?.title.en).toMatch(/\w/u);
      expect(entry?.action.en).toMatch(/\w/u);
      expect(entry?.title['zh-CN']).toMatch(/[\u4e00-\u9fff]/u);
      expect(entry?.action['zh-CN']).toMatch(/[\u4e00-\u9fff]/u);
      expect(typeof entry?.retrySafe).toBe('boolean');
    },
  );

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
