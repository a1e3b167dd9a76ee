/**
 * parsePayload against every form of docs/qr-formats.md: what is read, what is refused, and why.
 * Every successful result is also checked against the zod schemas, so the parser can never
 * hand the rest of the app a value the schemas would reject.
 */
import { describe, expect, it } from 'vitest';
import { parsePayload, type Meeting, type ParsedPayload, type Terminal } from '../../shared/payload';
import type { z } from 'zod';
import {
  DisplayNameSchema,
  invisibleCharacterIn,
  MeetingIdSchema,
  MeetingSchema,
  PasswordSchema,
  SipNumberSchema,
  TerminalSchema,
} from '../../shared/schemas';

function expectValid(result: ParsedPayload): void {
  if (result.kind === 'meeting' || result.kind === 'both') {
    expect(MeetingSchema.parse(result.meeting)).toEqual(result.meeting);
  }
  if (result.kind === 'terminal' || result.kind === 'both') {
    expect(TerminalSchema.parse(result.terminal)).toEqual(result.terminal);
  }
}

/** Asserts a rejection whose reasons (both languages) are non-empty and mention the tokens. */
function expectUnknown(result: ParsedPayload, en: readonly string[], zh: readonly string[] = en): void {
  expect(result.kind).toBe('unknown');
  if (result.kind !== 'unknown') return;
  expect(result.reason.en.length).toBeGreaterThan(10);
  expect(result.reason['zh-CN'].length).toBeGreaterThan(5);
  expect(result.reason['zh-CN']).toMatch(/[\u4e00-\u9fff]/u);
  for (const token of en) expect(result.reason.en).toContain(token);
  for (const token of zh) expect(result.reason['zh-CN']).toContain(token);
}

const ZH_INVITATION = `张三邀请您参加华为云会议
会议主题：项目周例会
会议时间：2024/05/20 14:00-15:00 (GMT+08:00) 北京
点击链接直接加入会议：
https://meeting.huaweicloud.com/#/j/981924330/e11ddec62ee760734fcf2ba55b79937eac2aa68677caf659
会议 ID：981 924 330
来宾密码：123123
主持人密码：654321`;

const EN_INVITATION = `Tom Smith invites you to a Huawei Cloud Meeting.
Topic: Weekly sync
Time: May 20, 2024 14:00-15:00 (GMT+08:00) Beijing
Join: https://intl.meeting.huaweicloud.com/#/j/985726402/EWmHgcyGmDYDQEamd0oT9TcSwzMUxZlLA
Meeting ID: 985 726 402
Host password: 112233
Guest password: 778899`;

const EN_LINK_ONLY = `Join my meeting on Huawei Cloud Meeting:
https://meeting.huaweicloud.com/#/j/982989574 (click to join).
Password: 445566`;

describe('meeting codes', () => {
  it.each<[string, string, Meeting, string]>([
    // docs/qr-formats.md 1: Huawei meeting links; the token after the ID is never a password.
    [
      'bmeeting link with token',
      'https://bmeeting.huaweicloud.com/#/j/981924330/e11ddec62ee760734fcf2ba55b79937eac2aa68677caf659',
      { id: '981924330', site: 'cn' },
      'huawei-link',
    ],
    [
      'meeting link with token',
      'https://meeting.huaweicloud.com/#/j/985726402/EWmHgcyGmDYDQEamd0oT9TcSwzMUxZlLA',
      { id: '985726402', site: 'cn' },
      'huawei-link',
    ],
    ['link without token', 'https://meeting.huaweicloud.com/#/j/982989574', { id: '982989574', site: 'cn' }, 'huawei-link'],
    ['intl host', 'https://intl.meeting.huaweicloud.com/#/j/982989574/abc', { id: '982989574', site: 'intl' }, 'huawei-link'],
    ['-intl host label', 'https://meeting-intl.huaweicloud.com/#/j/982989574', { id: '982989574', site: 'intl' }, 'huawei-link'],
    ['http and path route', 'http://meeting.huaweicloud.com/j/982989574/tok', { id: '982989574', site: 'cn' }, 'huawei-link'],
    ['bare host huaweicloud.com', 'https://huaweicloud.com/#/j/982989574', { id: '982989574', site: 'cn' }, 'huawei-link'],
    ['link without scheme', 'meeting.huaweicloud.com/#/j/981924330', { id: '981924330', site: 'cn' }, 'huawei-link'],
    [
      'link with explicit pwd',
      'https://meeting.huaweicloud.com/#/j/981924330/tok?pwd=246810',
      { id: '981924330', password: '246810', site: 'cn' },
      'huawei-link',
    ],
    [
      'link with guestPwd query',
      'https://meeting.huaweicloud.com/?guestPwd=13579#/j/981924330',
      { id: '981924330', password: '13579', passwordRole: 'guest', site: 'cn' },
      'huawei-link',
    ],
    // docs/qr-formats.md 2: cloudlink (the team notes' 5-digit example is refused below).
    [
      'cloudlink, 9-digit conf_id',
      'cloudlink://welinksoftclient/h5page?page=joinConfByLink&server_url=meeting.huaweicloud.com&port=8443&conf_id=123456789&enter_code=12345&name=Tom&open_mic=true',
      { id: '123456789', password: '12345', site: 'cn' },
      'cloudlink',
    ],
    [
      'cloudlink, intl server with scheme',
      'cloudlink://welinksoftclient/h5page?page=joinConfByLink&server_url=https://intl.meeting.huaweicloud.com:443&CONF_ID=914083136',
      { id: '914083136', site: 'intl' },
      'cloudlink',
    ],
    [
      'cloudlink, own server',
      'cloudlink://welinksoftclient/h5page?page=joinConfByLink&server_url=vc.example.com&conf_id=914083136&enter_code=777',
      { id: '914083136', password: '777' },
      'cloudlink',
    ],
    // docs/qr-formats.md 3: parameters in the query or the fragment, any case.
    [
      'query confID + pwd',
      'https://example.com/join?confID=914083136&pwd=123123',
      { id: '914083136', password: '123123' },
      'url-parameters',
    ],
    [
      'fragment route, mixed case',
      'https://example.com/#/join?ConferenceID=914083136&PassWord=abc',
      { id: '914083136', password: 'abc' },
      'url-parameters',
    ],
    [
      'fragment without route',
      'https://example.com/#MEETING_ID=914-083-136&Guest_Pwd=x1',
      { id: '914083136', password: 'x1', passwordRole: 'guest' },
      'url-parameters',
    ],
    [
      'meetingId + passcode',
      'https://example.com/?meetingId=914083136&passcode=p%20w',
      { id: '914083136', password: 'p w' },
      'url-parameters',
    ],
    [
      'id on a Huawei host',
      'https://meeting.huaweicloud.com/join?id=914083136&password=1',
      { id: '914083136', password: '1', site: 'cn' },
      'url-parameters',
    ],
    // docs/qr-formats.md 4: invitation text.
    ['zh full-width colon, grouped', '会议ID：914 083 136', { id: '914083136' }, 'invitation-text'],
    [
      'zh full-width digits',
      '会议ID：９１４ ０８３ １３６\n来宾密码：１２３１２３',
      { id: '914083136', password: '123123', passwordRole: 'guest' },
      'invitation-text',
    ],
    ['zh 会议号 dashes', '会议号: 914-083-136\n会议密码: 123123', { id: '914083136', password: '123123' }, 'invitation-text'],
    [
      'zh 会议号码 + 访客密码',
      '会议号码：914083136\n访客密码：888888',
      { id: '914083136', password: '888888', passwordRole: 'guest' },
      'invitation-text',
    ],
    ['zh one line, no spaces', '会议ID：914083136密码：123456，请准时参加', { id: '914083136', password: '123456' }, 'invitation-text'],
    [
      'zh host password only',
      '会议ID：914083136\n主持人密码：654321',
      { id: '914083136', password: '654321', passwordRole: 'host' },
      'invitation-text',
    ],
    [
      'zh realistic invitation',
      ZH_INVITATION,
      { id: '981924330', password: '123123', passwordRole: 'guest', site: 'cn' },
      'invitation-text',
    ],
    [
      'en one line',
      'Meeting ID: 914 083 136 Guest password: 123123',
      { id: '914083136', password: '123123', passwordRole: 'guest' },
      'invitation-text',
    ],
    ['en Password label', 'Meeting ID: 914 083 136\nPassword: 123123', { id: '914083136', password: '123123' }, 'invitation-text'],
    ['en upper case, Passcode', 'MEETING ID: 914083136\nPASSCODE: Ab#9', { id: '914083136', password: 'Ab#9' }, 'invitation-text'],
    [
      'en Conference ID + Guest passcode',
      'Conference ID: 914-083-136\r\nGuest passcode: 2468',
      { id: '914083136', password: '2468', passwordRole: 'guest' },
      'invitation-text',
    ],
    ['en Meeting number with dots', 'Meeting number: 914.083.136', { id: '914083136' }, 'invitation-text'],
    [
      'en generic preferred over host',
      'Meeting ID: 914083136\nHost password: 222222\nPassword: 111111',
      { id: '914083136', password: '111111' },
      'invitation-text',
    ],
    [
      'en realistic invitation, intl',
      EN_INVITATION,
      { id: '985726402', password: '778899', passwordRole: 'guest', site: 'intl' },
      'invitation-text',
    ],
    ['link in text supplies the ID', EN_LINK_ONLY, { id: '982989574', password: '445566', site: 'cn' }, 'invitation-text'],
    [
      'cloudlink in text',
      '加入会议 cloudlink://welinksoftclient/h5page?page=joinConfByLink&conf_id=914083136 谢谢',
      { id: '914083136' },
      'invitation-text',
    ],
    // docs/qr-formats.md 5: JSON.
    ['JSON string ID', '{"confID":"914083136","pwd":"123123"}', { id: '914083136', password: '123123' }, 'json'],
    ['JSON number ID, any case', '{"CONFERENCEID":914083136,"Password":"x y"}', { id: '914083136', password: 'x y' }, 'json'],
    [
      'JSON meetingId + guestPwd',
      '{"meetingId":"914 083 136","guestPwd":"5555"}',
      { id: '914083136', password: '5555', passwordRole: 'guest' },
      'json',
    ],
    ['JSON conf_id, empty pwd', '{"conf_id":"914083136","pwd":""}', { id: '914083136' }, 'json'],
    [
      'JSON nested meeting',
      '{"meeting":{"id":"914083136","password":"p","passwordRole":"host","site":"intl"}}',
      { id: '914083136', password: 'p', passwordRole: 'host', site: 'intl' },
      'json',
    ],
  ])('%s', (_name, text, meeting, source) => {
    const result = parsePayload(text);
    expect(result).toEqual({ kind: 'meeting', source, meeting });
    expectValid(result);
  });

  it.each([
    'https://bmeeting.huaweicloud.com/#/j/981924330/e11ddec62ee760734fcf2ba55b79937eac2aa68677caf659',
    'https://meeting.huaweicloud.com/#/j/985726402/EWmHgcyGmDYDQEamd0oT9TcSwzMUxZlLA',
    'https://meeting.huaweicloud.com/j/985726402/123456',
  ])('never takes the join token for a password: %s', (text) => {
    const result = parsePayload(text);
    expect(result.kind).toBe('meeting');
    if (result.kind === 'meeting') expect(result.meeting.password).toBeUndefined();
  });
});

describe('terminal codes', () => {
  it.each<[string, string, Terminal, string]>([
    ['sip with domain', 'sip:+99111253020382685@huaweicloud.com', { callNum: '+99111253020382685' }, 'sip-uri'],
    ['sip without domain', 'sip:+99111253020382685', { callNum: '+99111253020382685' }, 'sip-uri'],
    ['SIP upper case with params', 'SIP:+99111253020382685@huaweicloud.com;transport=tls', { callNum: '+99111253020382685' }, 'sip-uri'],
    ['tel', 'tel:+99111253020382685', { callNum: '+99111253020382685' }, 'tel-uri'],
    ['tel with separators', 'tel:+99-111-2530-2038-2685', { callNum: '+99111253020382685' }, 'tel-uri'],
    ['bare with plus', '+99111253020382685', { callNum: '+99111253020382685' }, 'bare-number'],
    ['bare without plus', '99111253020382685', { callNum: '99111253020382685' }, 'bare-number'],
    ['bare grouped', '+99 1112 5302 0382 685', { callNum: '+99111253020382685' }, 'bare-number'],
    ['bare full-width', '＋９９１１１２５３０２０３８２６８５', { callNum: '+99111253020382685' }, 'bare-number'],
    ['JSON callNum', '{"callNum":"+99111253020382685"}', { callNum: '+99111253020382685' }, 'json'],
    [
      'JSON with orgID and type, any case',
      '{"CALLNUM":"+99111253020382685","orgid":"115489","NumBelongsType":1}',
      { callNum: '+99111253020382685', orgId: '115489', numberType: 1 },
      'json',
    ],
    ['JSON string type', '{"callNum":"99111253020382685","numBelongsType":"0"}', { callNum: '99111253020382685', numberType: 0 }, 'json'],
  ])('%s', (_name, text, terminal, source) => {
    const result = parsePayload(text);
    expect(result).toEqual({ kind: 'terminal', source, terminal });
    expectValid(result);
  });
});

describe('meeting and terminal together', () => {
  it.each<[string, string, Meeting, Terminal]>([
    [
      'flat JSON',
      '{"confID":"914083136","pwd":"123123","callNum":"+99111253020382685","orgID":"115489","numBelongsType":0}',
      { id: '914083136', password: '123123' },
      { callNum: '+99111253020382685', orgId: '115489', numberType: 0 },
    ],
    [
      'nested JSON',
      '{"Meeting":{"confId":914083136},"TERMINAL":{"callNum":"+99111253020382685","orgId":"org_1","numberType":1,"name":"Room A"}}',
      { id: '914083136' },
      { callNum: '+99111253020382685', orgId: 'org_1', numberType: 1, name: 'Room A' },
    ],
  ])('%s', (_name, text, meeting, terminal) => {
    const result = parsePayload(text);
    expect(result).toEqual({ kind: 'both', source: 'json', meeting, terminal });
    expectValid(result);
  });
});

describe('refused codes', () => {
  it.each<[string, unknown, string[], string[]?]>([
    // The team notes' cloudlink example (docs/qr-formats.md 2): conf_id=12345 has 5 digits.
    [
      'cloudlink, 5-digit conf_id',
      'cloudlink://welinksoftclient/h5page?page=joinConfByLink&server_url=meeting.huaweicloud.com&port=8443&conf_id=12345&enter_code=12345&name=Tom&open_mic=true',
      ['12345', '6–20 digits'],
      ['12345', '6–20 位数字'],
    ],
    ['cloudlink without conf_id', 'cloudlink://welinksoftclient/h5page?page=startConf', ['conf_id']],
    [
      'cloudlink, look-alike server',
      'cloudlink://welinksoftclient/h5page?conf_id=914083136&server_url=meeting.huaweicloud.com.evil.example',
      ['meeting.huaweicloud.com.evil.example', 'imitates'],
      ['meeting.huaweicloud.com.evil.example', '冒充'],
    ],
    ['5-digit ID', 'Meeting ID: 12345', ['12345', '6–20']],
    ['21-digit ID in a link', 'https://meeting.huaweicloud.com/#/j/123456789012345678901', ['123456789012345678901', '6–20']],
    ['letters in a labelled ID', '会议ID：914083abc', ['914083abc', '6–20']],
    ['letters in a link ID', 'https://meeting.huaweicloud.com/#/j/98192A330/tok', ['98192A330']],
    ['ID running into the next line', 'Meeting ID: 914 08\n3136', ['"914 08"'], ['914 08']],
    ['password over 64 characters', `{"confID":"914083136","pwd":"${'x'.repeat(65)}"}`, ['password', '64'], ['密码', '64']],
    ['password without ID', 'Password: 123456', ['no meeting ID'], ['会议 ID']],
    ['JSON with a non-numeric ID', '{"confID":true}', ['true']],
    ['bad orgID', '{"callNum":"+99111253020382685","orgID":"bad org!"}', ['orgID', 'bad org!']],
    ['numBelongsType 2', '{"callNum":"+99111253020382685","numBelongsType":2}', ['numBelongsType', '2']],
    ['unsafe numeric callNum', '{"callNum":99111253020382685}', ['room number'], ['会议室号码']],
    ['JSON without fields', '{"foo":1,"bar":2}', ['foo', 'bar']],
    ['invalid JSON', '{"confID": "914083136"', ['not valid JSON'], ['JSON']],
    ['JSON array', '[{"confID":"914083136"}]', ['JSON list'], ['JSON 列表']],
    ['bare number with letters', '+9911125302038268A', ['+9911125302038268A', 'letters'], ['+9911125302038268A', '字母']],
    ['bare number too short', '+12', ['+12', '3–32']],
    ['bare number too long', '1'.repeat(33), ['3–32']],
    ['sip with letters', 'sip:room101@example.com', ['room101']],
    ['sip with look-alike domain', 'sip:+99111253020382685@huaweicloud.com.evil.example', ['huaweicloud.com.evil.example']],
    // Look-alike hosts: nothing is extracted.
    [
      'look-alike suffix',
      'https://meeting.huaweicloud.com.evil.example/#/j/981924330',
      ['meeting.huaweicloud.com.evil.example', 'imitates'],
      ['meeting.huaweicloud.com.evil.example', '冒充'],
    ],
    ['look-alike bare', 'https://huaweicloud.com.evil.example/?confID=914083136&pwd=1', ['huaweicloud.com.evil.example']],
    ['look-alike dash', 'https://meeting-huaweicloud.com/#/j/981924330', ['meeting-huaweicloud.com']],
    ['look-alike .co', 'https://meeting.huaweicloud.co/#/j/981924330', ['meeting.huaweicloud.co']],
    ['userinfo trick', 'https://huaweicloud.com@evil.example/#/j/981924330', ['evil.example', 'imitates'], ['evil.example', '冒充']],
    ['userinfo trick with path', 'https://meeting.huaweicloud.com:443@evil.example/j/981924330', ['evil.example']],
    ['punycode homograph', 'https://meeting.xn--hawicloud-q9a.com/#/j/981924330', ['xn--hawicloud-q9a.com']],
    ['Cyrillic с becomes punycode', 'https://meeting.huaweiсloud.com/#/j/981924330', ['xn--']],
    [
      'look-alike link inside an invitation',
      'Meeting ID: 914083136\nJoin: https://meeting.huaweicloud.com.evil.example/#/j/914083136',
      ['evil.example'],
    ],
    // Truncated and wrong links.
    [
      'truncated after /j/',
      'https://meeting.huaweicloud.com/#/j/',
      ['meeting.huaweicloud.com', 'no meeting ID'],
      ['meeting.huaweicloud.com', '不含会议 ID'],
    ],
    ['truncated host', 'https://meeting.huaweicl', ['meeting.huaweicl', 'cut off'], ['meeting.huaweicl', '不完整']],
    ['Huawei page without a meeting', 'https://www.huaweicloud.com/product/meeting.html', ['www.huaweicloud.com']],
    ['link without parameters', 'https://example.com', ['This QR code is a link to example.com, not a meeting'], ['example.com']],
    ['id ignored on another host', 'https://example.com/join?id=914083136', ['example.com']],
    ['Huawei corporate site', 'https://www.huawei.com/en/', ['www.huawei.com']],
    ['javascript:', 'javascript:alert(1)', ['javascript:']],
    ['JavaScript: any case', 'JavaScript:alert(document.cookie)', ['javascript:']],
    ['data:', 'data:text/html,<script>alert(1)</script>', ['data:']],
    ['file:', 'file:///etc/passwd', ['file:']],
    ['ftp://', 'ftp://example.com/file', ['ftp:']],
    ['app link of a newer version', 'qr-room-invite://v9?meeting=914083136', ['v9', 'Update'], ['v9', '更新']],
    ['app link without version', 'qr-room-invite://?meeting=914083136', ['malformed'], ['格式错误']],
    ['empty app link', 'qr-room-invite://v1?foo=bar', ['neither'], ['既不含']],
    ['app link with a bad ID', 'qr-room-invite://v1?meeting=12', ['12', '6–20']],
    ['app link with a bad type', 'qr-room-invite://v1?terminal=%2B99111253020382685&type=3', ['numBelongsType', '3']],
    // Input checks.
    ['empty string', '', ['empty'], ['为空']],
    ['whitespace', ' \n\t ', ['empty'], ['为空']],
    ['null', null, ['no text'], ['文字']],
    ['undefined', undefined, ['no text'], ['文字']],
    ['number', 914083136, ['no text'], ['文字']],
    ['object', { confID: '914083136' }, ['no text'], ['文字']],
    ['5,000 characters', 'Meeting ID: 914083136 '.padEnd(5000, 'x'), ['5000', '4096']],
    ['NUL', 'Meeting ID: 914083136\u0000', ['U+0000']],
    ['ESC', '\u001b[31mMeeting ID: 914083136', ['U+001B']],
    ['RLO override', 'https://meeting.huaweicloud.com/#/j/981924330\u202e', ['U+202E']],
    ['bidi isolate', 'Meeting ID: \u2066914083136\u2069', ['U+2066']],
    ['C1 control', 'Meeting ID: 914083136\u0085', ['U+0085']],
    ['DEL', 'sip:+99111253020382685\u007f', ['U+007F']],
    // Invisible format characters (Unicode Cf) in values (security review, finding 7).
    [
      'password of only a zero-width space',
      '{"confID":"914083136","pwd":"\u200b"}',
      ['password', 'U+200B', 'invisible'],
      ['密码', 'U+200B', '不可见'],
    ],
    ['soft hyphen inside a password', '{"confID":"914083136","pwd":"123\u00ad123"}', ['password', 'U+00AD'], ['密码', 'U+00AD']],
    [
      'BOM before an app-link password',
      'qr-room-invite://v1?meeting=914083136&password=%EF%BB%BF123123',
      ['password', 'U+FEFF'],
      ['密码', 'U+FEFF'],
    ],
    [
      'RTL mark in a room name',
      'qr-room-invite://v1?terminal=%2B99111253020382685&name=Room%E2%80%8FA',
      ['room name', 'U+200F'],
      ['会议室名称', 'U+200F'],
    ],
    [
      'LTR isolate in a decoded room name',
      'qr-room-invite://v1?terminal=%2B99111253020382685&name=%E2%81%A6Room+A',
      ['room name', 'U+2066'],
      ['会议室名称', 'U+2066'],
    ],
    ['zero-width joiner in a callNum', '{"callNum":"+99111253020382685\u200d"}', ['room number', 'U+200D'], ['会议室号码', 'U+200D']],
    [
      'zero-width space in a JSON meeting ID',
      '{"confID":"914083\u200b136","pwd":"123123"}',
      ['meeting ID', 'U+200B'],
      ['会议 ID', 'U+200B'],
    ],
    ['plain text', 'hello world', ['This QR code says "hello world", not a meeting or a room'], ['hello world']],
    ['mailto', 'mailto:someone@example.com', ['mailto:someone@example.com']],
    ['Wi-Fi code', 'WIFI:S:Office;T:WPA;P:secret;;', ['WIFI:S:Office']],
  ])('%s', (_name, input, en, zh) => {
    expectUnknown(parsePayload(input), en, zh ?? en);
  });

  it.each([
    ['PasswordSchema', '\u200b', 'U+200B', PasswordSchema],
    ['PasswordSchema', '12\u202c3123', 'U+202C', PasswordSchema],
    ['SipNumberSchema', '+991112530\u206020382685', 'U+2060', SipNumberSchema],
    ['MeetingIdSchema', '914\u200e083136', 'U+200E', MeetingIdSchema],
    ['DisplayNameSchema', 'Room\u200fA', 'U+200F', DisplayNameSchema],
  ])('%s refuses %j at every other boundary (IPC, settings, CLI) with a reason naming %s', (_name, value, codePoint, schema) => {
    const parsed = (schema as z.ZodType).safeParse(value);
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.message).toContain(`invisible character (${codePoint}`);
  });

  it.each([
    ['Room\u200fA', 'U+200F'],
    ['\u200b', 'U+200B'],
    ['+99111253020382685\u2060', 'U+2060'],
    ['\ufeff123123', 'U+FEFF'],
    ['123\u00ad123', 'U+00AD'],
    ['Room A', null],
    ['会议室 A', null],
  ])('invisibleCharacterIn(%j) names %s for the forms', (value, codePoint) => {
    expect(invisibleCharacterIn(value)).toBe(codePoint);
  });

  it('quotes only the first 40 characters, with an ellipsis', () => {
    const result = parsePayload(`The quick brown fox jumps over the lazy dog and keeps running`);
    expectUnknown(result, ['"The quick brown fox jumps over the lazy…"'], ['“The quick brown fox jumps over the lazy…”']);
  });

  it('accepts exactly 4096 characters (the limit is inclusive)', () => {
    const result = parsePayload('a'.repeat(4096));
    expectUnknown(result, ['aaaa…']);
  });
});

describe('preview', () => {
  it.each<[string, unknown, string]>([
    ['first 60 characters', 'x'.repeat(100), 'x'.repeat(60)],
    ['control characters escaped', 'a\u0000b\u202ec', 'a\\u0000b\\u202Ec'],
    ['line breaks as spaces', 'hello\r\nworld\tagain', 'hello world again'],
    ['surrogate pairs kept whole', `${'😀'.repeat(70)}`, '😀'.repeat(60)],
    ['nothing for non-text', 42, ''],
  ])('%s', (_name, input, preview) => {
    const result = parsePayload(input);
    expect(result.kind).toBe('unknown');
    if (result.kind === 'unknown') expect(result.preview).toBe(preview);
  });
});

describe('robustness', () => {
  // Pieces of every form, so that random strings reach deep into each reader.
  const PIECES = [
    'https://',
    'http://',
    'cloudlink://',
    'qr-room-invite://v1?',
    'sip:',
    'tel:',
    'javascript:',
    'meeting.huaweicloud.com',
    'huaweicloud.com@',
    '.evil.example',
    '#/j/',
    '/j/',
    '?',
    '&',
    '=',
    '#',
    'confID=',
    'pwd=',
    'conf_id=',
    'meeting=',
    'terminal=',
    '%',
    '%2B',
    '%E4',
    '{',
    '}',
    '[',
    ']',
    '"',
    ':',
    '：',
    ',',
    '"confID":',
    '"callNum":',
    '"meeting":',
    '会议ID：',
    '来宾密码：',
    '密码：',
    'Meeting ID: ',
    'Password: ',
    '914',
    '083',
    '136',
    '+99111253020382685',
    '９',
    ' ',
    '\n',
    '\t',
    '-',
    '.',
    'a',
    'Z',
    '中',
    '😀',
    '\ud800',
    '\\',
    'xn--',
    'null',
    'true',
    '0',
    '1',
  ];
  let seed = 42;
  const random = () => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed / 2147483648;
  };
  const samples = Array.from({ length: 2000 }, () => {
    const count = 1 + Math.floor(random() * 24);
    return Array.from({ length: count }, () => PIECES[Math.floor(random() * PIECES.length)]).join('');
  });

  it('never throws and always returns one of the four kinds, valid when recognised', () => {
    for (const sample of samples) {
      const result = parsePayload(sample);
      expect(['meeting', 'terminal', 'both', 'unknown']).toContain(result.kind);
      if (result.kind === 'unknown') {
        expect(result.reason.en).not.toBe('');
        expect(result.reason['zh-CN']).not.toBe('');
      } else {
        expectValid(result);
      }
    }
  });

  it('handles pathological inputs at the length limit', () => {
    const inputs = [
      '1 '.repeat(2048),
      '1-'.repeat(2048),
      'a.'.repeat(2048),
      '['.repeat(4096),
      '{'.repeat(4096),
      `https://meeting.huaweicloud.com/#/j/${'1'.repeat(4000)}`,
      `Meeting ID: ${'9 '.repeat(2000)}`,
      '密码：'.repeat(1365),
      `https://${'a.'.repeat(2000)}com`,
    ];
    for (const input of inputs) expect(['meeting', 'terminal', 'both', 'unknown']).toContain(parsePayload(input).kind);
  });
});
