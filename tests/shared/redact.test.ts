import { describe, expect, it } from 'vitest';
import { REDACTED, redact, redactText } from '../../shared/redact';

describe('redaction', () => {
  it.each([
    [
      'cloudlink://x/h5page?conf_id=914083136&enter_code=123123&name=Tom',
      'cloudlink://x/h5page?conf_id=914083136&enter_code=******&name=Tom',
    ],
    ['https://a.example/j?confID=1&pwd=s3cr%26t#x', 'https://a.example/j?confID=1&pwd=******#x'],
    ['来宾密码：123123\nMeeting ID: 914 083 136', '来宾密码：******\nMeeting ID: 914 083 136'],
    ['Password: hunter2 please', 'Password: ****** please'],
  ])('masks secrets in %s', (input, expected) => {
    expect(redactText(input)).toBe(expected);
  });

  it('masks known secret values anywhere and secret-named fields in objects', () => {
    const cyclic: Record<string, unknown> = {
      note: 'typed Zq9 by mistake',
      body: { pwd: 'Zq9', confID: '914083136' },
      list: [new Error('bad Zq9')],
    };
    cyclic.self = cyclic;
    expect(redact(cyclic, ['Zq9'])).toEqual({
      note: `typed ${REDACTED} by mistake`,
      body: { pwd: REDACTED, confID: '914083136' },
      list: [{ name: 'Error', message: `bad ${REDACTED}` }],
      self: '[circular]',
    });
  });
});
