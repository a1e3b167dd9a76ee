/**
 * The spawned CLI against hostile QR codes and unsafe habits (security review, findings 5 and
 * 6): escape sequences and bidi controls in a code never reach the terminal, a refused link's
 * password is masked like an accepted one's, and `--password` on the command line is refused.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { FIXTURE_GUEST_PASSWORD, FIXTURE_MEETING_ID, FIXTURE_TERMINAL } from '../../simulator/fixture';
import { cliRunner } from '../helpers/cli';
import { useSimulator } from '../helpers/simulator';
import { tempDir, writeQrImage } from '../helpers/qr-images';

const sim = useSimulator();
const dir = tempDir('qrri-cli-hostile-');
const cli = cliRunner(dir);

/** Anything a terminal would act on or that reorders text: C0 (ESC, BEL…), DEL, C1 (CSI…), bidi and zero-width. */
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/u;

const ESCAPES = '\u001b]0;pwned\u0007\u001b[2J\u001b[32mInvited OK\u001b[0m\u009b2J\u202eevil';
const SECRET = 'Secret-77';
let escapesPng: string;
let shortIdPng: string;

beforeAll(async () => {
  escapesPng = await writeQrImage(dir, 'escapes', `${ESCAPES} https://meeting.huaweicloud.com/#/j/${FIXTURE_MEETING_ID}?pwd=${SECRET}`);
  // A meeting ID too short to be one: refused, and its pwd= used to be printed in clear.
  shortIdPng = await writeQrImage(dir, 'short-id', `https://meeting.huaweicloud.com/#/j/12345?pwd=${SECRET}`);
});

describe('qr-room-invite decode: hostile code texts', () => {
  it.each([[[]], [['--json']]])('prints no control, C1 or bidi character of a code, nor its password (%j)', async (flags) => {
    const run = await cli(['decode', escapesPng, shortIdPng, ...flags]);
    const printed = run.stdout + run.stderr;
    expect(printed).not.toMatch(UNSAFE);
    expect(printed).not.toContain(SECRET);
    // The codes are still shown, with the password parameter masked.
    expect(printed).toContain('pwd=******');
    expect(printed).toContain('Invited OK');
  });
});

describe('qr-room-invite invite --password', () => {
  it.each([[['--password', FIXTURE_GUEST_PASSWORD]], [[`--password=${FIXTURE_GUEST_PASSWORD}`]]])(
    'is refused with exit 2, naming the safe ways, and sends nothing (%j)',
    async (flag) => {
      const run = await cli([
        'invite',
        '--meeting',
        FIXTURE_MEETING_ID,
        '--to',
        FIXTURE_TERMINAL,
        '--base-url',
        sim().url,
        '--ca',
        sim().caPath,
        ...flag,
      ]);
      expect(run.code).toBe(2);
      expect(run.stderr).toContain('--password-stdin');
      expect(run.stderr).toContain('QRRI_PASSWORD');
      expect(run.stderr).not.toContain(FIXTURE_GUEST_PASSWORD);
      expect(sim().invites()).toHaveLength(0);
    },
  );
});
