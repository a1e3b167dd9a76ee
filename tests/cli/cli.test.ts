/**
 * The built CLI (dist/cli/qr-room-invite.js, what `bin` points at), spawned as a process:
 * exit codes, JSON output, and the password never printed. Invites go to the simulator.
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { encode as encodeBmp } from 'bmp-ts';
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { EXTRA_CA_PROBLEM } from '../../core/api/extra-ca';
import { FIXTURE_GUEST_PASSWORD, FIXTURE_MEETING_ID, FIXTURE_ORG_ID, FIXTURE_TERMINAL } from '../../simulator/fixture';
import { CLI, cliRunner } from '../helpers/cli';
import { useSimulator } from '../helpers/simulator';
import { qrPng, tempDir, writeQrImage } from '../helpers/qr-images';

const sim = useSimulator();
const dir = tempDir('qrri-cli-');
const cli = cliRunner(dir);

const meetingText = `会议ID：914 083 136\n来宾密码：${FIXTURE_GUEST_PASSWORD}`;
let meetingPng: string;
let linkPng: string;
let blankPng: string;

beforeAll(async () => {
  meetingPng = await writeQrImage(dir, 'meeting', meetingText);
  linkPng = await writeQrImage(dir, 'link', `https://meeting.huaweicloud.com/#/j/${FIXTURE_MEETING_ID}/EWmHgcyGmDYDQEamd0oT9TcSwzMUxZlLA`);
  blankPng = join(dir, 'blank.png');
  await sharp({ create: { width: 200, height: 200, channels: 3, background: '#ffffff' } })
    .png()
    .toFile(blankPng);
});

function baseArgs(): string[] {
  return ['--base-url', sim().url, '--ca', sim().caPath];
}

describe('qr-room-invite decode', () => {
  it('prints every code as JSON with kind, meeting and time; the password is masked', async () => {
    const run = await cli(['decode', meetingPng, '--json']);
    expect(run.code).toBe(0);
    const [report] = JSON.parse(run.stdout) as [
      { file: string; ms: number; codes: { kind: string; text: string; meeting: Record<string, unknown> }[] },
    ];
    expect(report.file).toBe(meetingPng);
    expect(report.ms).toBeGreaterThan(0);
    expect(report.codes).toHaveLength(1);
    expect(report.codes[0]).toMatchObject({
      kind: 'meeting',
      meeting: { id: FIXTURE_MEETING_ID, password: '******', passwordRole: 'guest' },
    });
    expect(run.stdout).not.toContain(FIXTURE_GUEST_PASSWORD);
  });

  it('reads JPEG, WebP, GIF and BMP files', async () => {
    const files = await Promise.all(
      (['jpeg', 'webp', 'gif'] as const).map((f) => writeQrImage(dir, `terminal-${f}`, 'sip:+99111253020382685', f)),
    );
    const { data, info } = await sharp(await qrPng('tel:+99111253020382685'))
      .ensureAlpha()
      .raw()
      .toBuffer({ resolveWithObject: true });
    // bmp-ts wants ABGR byte order.
    const abgr = Buffer.alloc(data.length);
    for (let i = 0; i < data.length; i += 4) abgr.set([255, data[i + 2] ?? 0, data[i + 1] ?? 0, data[i] ?? 0], i);
    const bmp = join(dir, 'terminal.bmp');
    writeFileSync(bmp, encodeBmp({ data: abgr, width: info.width, height: info.height, bitPP: 24 }).data);
    const run = await cli(['decode', ...files, bmp, '--json']);
    expect(run.code).toBe(0);
    const reports = JSON.parse(run.stdout) as { codes: { kind: string; terminal: { callNum: string } }[] }[];
    expect(reports.map((r) => r.codes[0]?.terminal.callNum)).toEqual(Array(4).fill(FIXTURE_TERMINAL));
  });

  it('exits 1 when a file has no QR code', async () => {
    const run = await cli(['decode', meetingPng, blankPng, '--json']);
    expect(run.code).toBe(1);
    expect((JSON.parse(run.stdout) as { codes: unknown[] }[]).map((r) => r.codes.length)).toEqual([1, 0]);
  });

  it.each([
    ['a text file', 'notes.png', 'hello, not an image'],
    ['a truncated PNG', 'cut.png', 'truncate'],
    ['a missing file', 'missing.png', null],
  ])('exits 2 for %s with a one-line reason and no stack trace', async (_name, file, content) => {
    const path = join(dir, file);
    if (content === 'truncate') writeFileSync(path, (await qrPng('x')).subarray(0, 120));
    else if (content !== null) writeFileSync(path, content);
    const run = await cli(['decode', path]);
    expect(run.code).toBe(2);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toContain(file);
    expect(run.stderr).not.toMatch(/\bat .*\.js:\d+/u);
  });

  it('ends quietly, exit 0, when the reader of its output has gone (decode … | head -1)', async () => {
    const child = spawn(process.execPath, [CLI, 'decode', meetingPng, linkPng, meetingPng], {
      env: { PATH: process.env.PATH ?? '' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    // Closing our end of the pipe before the CLI writes makes its first write fail with EPIPE.
    child.stdout.destroy();
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const [code, signal] = (await once(child, 'close')) as [number | null, string | null];
    expect({ code, signal, stderr }).toEqual({ code: 0, signal: null, stderr: '' });
  });
});

describe('qr-room-invite invite', () => {
  it('invites from an image and prints {ok, requestId} (exit 0)', async () => {
    const run = await cli(['invite', '--image', meetingPng, '--to', FIXTURE_TERMINAL, '--org', FIXTURE_ORG_ID, ...baseArgs(), '--json']);
    expect(run.code).toBe(0);
    const [record] = sim().invites();
    expect(JSON.parse(run.stdout)).toEqual({ ok: true, requestId: record?.requestId });
    expect(record?.body).toMatchObject({ callNum: FIXTURE_TERMINAL, orgID: FIXTURE_ORG_ID, confID: FIXTURE_MEETING_ID });
    expect(record?.headers['user-agent']).toMatch(/^QR-Room-Invite\/\d+\.\d+\.\d+ \(cli;/u);
  });

  it('takes the password from stdin for a link without one', async () => {
    const run = await cli(['invite', '--image', linkPng, '--to', FIXTURE_TERMINAL, ...baseArgs(), '--password-stdin', '--json'], {
      stdin: `${FIXTURE_GUEST_PASSWORD}\n`,
    });
    expect(run.code).toBe(0);
    expect(sim().invites()).toHaveLength(1);
  });

  it('exits 3 with status and code when the server refuses (wrong password from QRRI_PASSWORD)', async () => {
    const run = await cli(['invite', '--meeting', '914 083 136', '--to', FIXTURE_TERMINAL, ...baseArgs(), '--json'], {
      env: { QRRI_PASSWORD: '000000' },
    });
    expect(run.code).toBe(3);
    const out = JSON.parse(run.stdout) as Record<string, unknown>;
    expect(out).toMatchObject({ ok: false, status: 401, code: 'MMC.111072065', outcome: 'failed' });
    expect(out.requestId).toBe(sim().invites()[0]?.requestId);
    expect(out.message).toBeTruthy();
  });

  it('explains a refusal for people: what happened, what to do, details', async () => {
    const run = await cli(['invite', '--meeting', FIXTURE_MEETING_ID, '--to', FIXTURE_TERMINAL, ...baseArgs()], {
      env: { QRRI_PASSWORD: '000000' },
    });
    expect(run.code).toBe(3);
    expect(run.stderr).toMatch(/^Error: .+\nWhat to do: .+\nDetails: HTTP 401, code MMC\.111072065, request ID [0-9a-f-]{36}/mu);
  });

  it.each([
    ['a missing password', ['--image', 'LINK', '--to', FIXTURE_TERMINAL], /missing password/u],
    ['letters in the meeting ID', ['--meeting', '9140831x6', '--to', FIXTURE_TERMINAL], /--meeting: Meeting ID must be 6–20 digits/u],
    ['letters in the SIP number', ['--meeting', FIXTURE_MEETING_ID, '--to', '+9911abc'], /--to: SIP number/u],
    ['a number type of 3', ['--meeting', FIXTURE_MEETING_ID, '--to', FIXTURE_TERMINAL, '--number-type', '3'], /--number-type/u],
    ['no room', ['--meeting', FIXTURE_MEETING_ID], /missing room/u],
    ['both --image and --meeting', ['--image', 'LINK', '--meeting', FIXTURE_MEETING_ID], /exactly one/u],
    ['an unknown option', ['--meeting', FIXTURE_MEETING_ID, '--frobnicate'], /frobnicate/u],
  ])('exits 2 for %s, sends nothing', async (_name, args, message) => {
    const run = await cli(['invite', ...args.map((a) => (a === 'LINK' ? linkPng : a)), ...baseArgs()], {
      env: args.includes('--image') ? {} : { QRRI_PASSWORD: FIXTURE_GUEST_PASSWORD },
    });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(message);
    expect(sim().invites()).toHaveLength(0);
  });

  it('uses the selected room from the settings store without --to', async () => {
    const configDir = join(dir, 'with-room');
    const { mkdirSync } = await import('node:fs');
    mkdirSync(configDir, { recursive: true });
    writeFileSync(
      join(configDir, 'config.json'),
      JSON.stringify({
        schemaVersion: 1,
        rooms: [{ id: 'r1', name: 'Room 1', callNum: '+99111253020300001', orgId: FIXTURE_ORG_ID }],
        selectedRoomId: 'r1',
      }),
    );
    const run = await cli(['invite', '--image', meetingPng, ...baseArgs(), '--json'], { env: { QRRI_CONFIG_DIR: configDir } });
    expect(run.code).toBe(0);
    expect(sim().invites()[0]?.body).toMatchObject({ callNum: '+99111253020300001', orgID: FIXTURE_ORG_ID });
  });

  it('exits 4 with QRRI.TLS for an untrusted certificate, nothing sent', async () => {
    const run = await cli(['invite', '--image', meetingPng, '--to', FIXTURE_TERMINAL, '--base-url', sim().url, '--json']);
    expect(run.code).toBe(4);
    expect(JSON.parse(run.stdout)).toMatchObject({ ok: false, code: 'QRRI.TLS', outcome: 'failed', status: null });
    expect(sim().invites()).toHaveLength(0);
  });

  it('exits 4 with outcome unknown when the server hangs after the request', async () => {
    sim().setFaults({ queue: [{ kind: 'hang' }] });
    const run = await cli([
      'invite',
      '--image',
      meetingPng,
      '--to',
      FIXTURE_TERMINAL,
      ...baseArgs(),
      '--timeout',
      '1',
      '--json',
      '--verbose',
    ]);
    expect(run.code).toBe(4);
    expect(JSON.parse(run.stdout)).toMatchObject({ ok: false, code: 'QRRI.OUTCOME_UNKNOWN', outcome: 'unknown' });
    expect(run.stderr).toContain('[warn] inviteWithPwd failed');
    expect(sim().invites()).toHaveLength(1);
  });

  it('prints the request for --dry-run, password masked, and sends nothing', async () => {
    const run = await cli(['invite', '--image', meetingPng, '--to', FIXTURE_TERMINAL, '--site', 'intl', '--dry-run']);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({
      method: 'POST',
      url: `https://api-intl.meeting.huaweicloud.com/v1/mmc/control/conferences/inviteWithPwd?conferenceID=${FIXTURE_MEETING_ID}`,
      body: { callNum: FIXTURE_TERMINAL, confID: FIXTURE_MEETING_ID, pwd: '******' },
    });
    expect(sim().invites()).toHaveLength(0);
  });

  it('refuses a plain-http base URL that is not loopback', async () => {
    const run = await cli(['invite', '--image', meetingPng, '--to', FIXTURE_TERMINAL, '--base-url', 'http://api.example.com']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/https/u);
  });

  it('refuses a missing and a non-PEM --ca file with the same one-line reason as the app, nothing sent', async () => {
    const notPem = join(dir, 'not-a-ca.pem');
    writeFileSync(notPem, 'hello, not a certificate');
    const runs = await Promise.all(
      [join(dir, 'no-such-ca.pem'), notPem].map((ca) =>
        cli(['invite', '--image', meetingPng, '--to', FIXTURE_TERMINAL, '--base-url', sim().url, '--ca', ca], {
          env: { QRRI_PASSWORD: FIXTURE_GUEST_PASSWORD },
        }),
      ),
    );
    for (const run of runs) {
      expect(run.code).toBe(2);
      expect(run.stderr.trim().split('\n')).toHaveLength(1);
      expect(run.stderr).toContain(EXTRA_CA_PROBLEM);
      expect(run.stderr).not.toMatch(/ENOENT|no such file|PEM routines/iu);
    }
    expect(sim().invites()).toHaveLength(0);
  });

  it.each([
    ['--meeting', ['--meeting', '914\u200b083136', '--to', FIXTURE_TERMINAL], {}, 'U+200B'],
    ['--to', ['--meeting', FIXTURE_MEETING_ID, '--to', `${FIXTURE_TERMINAL}\u2060`], {}, 'U+2060'],
    ['QRRI_PASSWORD', ['--meeting', FIXTURE_MEETING_ID, '--to', FIXTURE_TERMINAL], { QRRI_PASSWORD: '\u200b' }, 'U+200B'],
  ])('refuses an invisible character in %s with a reason naming it, nothing sent', async (_name, args, env, codePoint) => {
    const run = await cli(['invite', ...args, ...baseArgs()], { env: { QRRI_PASSWORD: FIXTURE_GUEST_PASSWORD, ...env } });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`invisible character (${codePoint}`);
    expect(sim().invites()).toHaveLength(0);
  });

  it('never printed the password in any run', () => {
    expect(cli.outputs.length).toBeGreaterThan(20);
    expect(cli.outputs.join('\n')).not.toContain(FIXTURE_GUEST_PASSWORD);
  });
});
