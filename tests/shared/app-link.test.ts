/**
 * The app's own link: every meeting and terminal it can carry survives buildAppLink →
 * parsePayload unchanged, including passwords full of URL syntax and non-ASCII text.
 */
import { describe, expect, it } from 'vitest';
import { buildAppLink, parseAppLink, parsePayload, type AppLinkPayload, type ParsedPayload } from '../../shared/payload';

const ROOM = { callNum: '+99111253020382685', orgId: '115489', numberType: 0 as const, name: 'Room A' };

describe('buildAppLink round-trips through parsePayload', () => {
  it.each<[string, AppLinkPayload, ParsedPayload['kind']]>([
    ['meeting only', { meeting: { id: '914083136' } }, 'meeting'],
    ['meeting with site', { meeting: { id: '914083136', site: 'intl' } }, 'meeting'],
    ['password with & = # and spaces', { meeting: { id: '914083136', password: 'a&b=c#d e f' } }, 'meeting'],
    ['Chinese password, guest role', { meeting: { id: '914083136', password: '会议密码123', passwordRole: 'guest' } }, 'meeting'],
    [
      'password with + % ? / and emoji',
      { meeting: { id: '12345678901234567890', password: '+%2B?x=/y🔑', passwordRole: 'host' } },
      'meeting',
    ],
    ['64-character password', { meeting: { id: '914083136', password: 'p'.repeat(64) } }, 'meeting'],
    ['terminal only', { terminal: { callNum: '+99111253020382685' } }, 'terminal'],
    ['terminal with everything', { terminal: ROOM }, 'terminal'],
    ['terminal with a Chinese name', { terminal: { callNum: '99111253020382685', numberType: 1, name: '三楼 会议室 & 大厅' } }, 'terminal'],
    ['both', { meeting: { id: '914083136', password: '123123', passwordRole: 'guest', site: 'cn' }, terminal: ROOM }, 'both'],
  ])('%s', (_name, payload, kind) => {
    const link = buildAppLink(payload);
    expect(link).toMatch(/^qr-room-invite:\/\/v1\?/u);
    const result = parsePayload(link);
    expect(result.kind).toBe(kind);
    if (result.kind === 'unknown') return;
    expect(result.source).toBe('app-link');
    if (result.kind !== 'terminal') expect(result.meeting).toEqual(payload.meeting);
    if (result.kind !== 'meeting') expect(result.terminal).toEqual(payload.terminal);
    expect(parseAppLink(link)).toEqual(result);
  });

  it('normalises before writing, so the parsed values are the canonical ones', () => {
    const link = buildAppLink({ meeting: { id: '914 083 136', password: ' 123123 ' } });
    expect(parsePayload(link)).toEqual({
      kind: 'meeting',
      source: 'app-link',
      meeting: { id: '914083136', password: '123123' },
    });
  });

  it.each<[string, AppLinkPayload]>([
    ['nothing', {}],
    ['a bad meeting ID', { meeting: { id: '12345' } }],
    ['a bad SIP number', { terminal: { callNum: 'room' } }],
    ['a bad enterprise ID', { terminal: { callNum: '+99111253020382685', orgId: 'a b' } }],
  ])('refuses to build a link with %s', (_name, payload) => {
    expect(() => buildAppLink(payload)).toThrow(RangeError);
  });
});

describe('reading app links written by hand', () => {
  it.each<[string, string, ParsedPayload]>([
    [
      'the documented example',
      'qr-room-invite://v1?meeting=914083136&password=123123&terminal=%2B99111253020382685&org=115489&type=0&name=Room%20A',
      { kind: 'both', source: 'app-link', meeting: { id: '914083136', password: '123123' }, terminal: ROOM },
    ],
    [
      'upper case (QR alphanumeric mode)',
      'QR-ROOM-INVITE://V1?MEETING=914083136&TERMINAL=%2B99111253020382685',
      { kind: 'both', source: 'app-link', meeting: { id: '914083136' }, terminal: { callNum: '+99111253020382685' } },
    ],
    [
      'without slashes, unknown parameters and an unrecognised role ignored',
      'qr-room-invite:v1?meeting=914083136&password=x&role=admin&future=1',
      { kind: 'meeting', source: 'app-link', meeting: { id: '914083136', password: 'x' } },
    ],
    [
      'org and name without terminal are ignored',
      'qr-room-invite://v1/?meeting=914-083-136&org=1&name=A',
      { kind: 'meeting', source: 'app-link', meeting: { id: '914083136' } },
    ],
  ])('%s', (_name, link, expected) => {
    expect(parsePayload(link)).toEqual(expected);
  });

  it('parseAppLink refuses anything that is not an app link', () => {
    const result = parseAppLink('https://meeting.huaweicloud.com/#/j/981924330');
    expect(result.kind).toBe('unknown');
    expect(parseAppLink(null).kind).toBe('unknown');
  });
});
