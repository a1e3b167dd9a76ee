/**
 * The built CLI spawned for the call status (docs/api.md, "After the invite"): `invite --wait`
 * for a room that joins, a busy one, and one without a status source; `status`; `hangup` by each
 * door; the exit codes 0/5/6 and the JSON fields; secrets refused as command-line values and
 * never printed.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { TERMINAL_BUSY } from '../../simulator/calls';
import { FIXTURE_GUEST_PASSWORD, FIXTURE_HOST_PASSWORD, FIXTURE_MEETING_ID, FIXTURE_TERMINAL } from '../../simulator/fixture';
import { cliRunner } from '../helpers/cli';
import { startSimulator, type Simulator } from '../../simulator/server';
import { tempDir } from '../helpers/qr-images';

const dir = tempDir('qrri-cli-status-');
const cli = cliRunner(dir, { extraArgs: () => ['--base-url', sim.url, '--ca', sim.caPath], timeoutMs: 30_000 });
let sim: Simulator;

beforeAll(async () => {
  // The busy terminal rings long enough for a freshly started CLI to subscribe before it fails.
  sim = await startSimulator({ callTimings: { answerMs: 300, busyMs: 1500, stayMs: 60_000 } });
});
afterEach(() => sim.control.reset());
afterAll(async () => {
  await sim.close();
  const all = cli.outputs.join('\n');
  expect(all).not.toContain(FIXTURE_HOST_PASSWORD);
  expect(all).not.toContain(sim.app.appKey);
});

const guest = { QRRI_PASSWORD: FIXTURE_GUEST_PASSWORD };
const host = { ...guest, QRRI_HOST_PASSWORD: FIXTURE_HOST_PASSWORD };

describe('qr-room-invite invite --wait', () => {
  it('joined: exit 0 and "status": "joined" via control', async () => {
    const run = await cli(['invite', '--meeting', FIXTURE_MEETING_ID, '--to', FIXTURE_TERMINAL, '--wait', '10', '--json'], { env: host });
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ ok: true, status: 'joined', via: 'control', reason: null, resultCode: null });
  });

  it("busy: exit 5 with the reason and Huawei's result code", async () => {
    const run = await cli(['invite', '--meeting', FIXTURE_MEETING_ID, '--to', TERMINAL_BUSY, '--wait', '--json'], { env: host });
    expect(run.code).toBe(5);
    expect(JSON.parse(run.stdout)).toMatchObject({
      ok: true,
      status: 'not-joined',
      via: 'control',
      reason: 'busy',
      resultCode: 'CALL.11076001',
    });
    const text = await cli(['invite', '--meeting', FIXTURE_MEETING_ID, '--to', TERMINAL_BUSY, '--wait', '10', '--host-password-stdin'], {
      env: guest,
      stdin: FIXTURE_HOST_PASSWORD,
    });
    expect(text.code).toBe(5);
    expect(text.stderr).toContain(`${TERMINAL_BUSY} did not join — busy`);
    expect(text.stderr).toContain('What to do:');
  });

  it('no status source: exit 6, the invite accepted, no control call made', async () => {
    const run = await cli(['invite', '--meeting', FIXTURE_MEETING_ID, '--to', FIXTURE_TERMINAL, '--wait', '5', '--json'], { env: guest });
    expect(run.code).toBe(6);
    expect(JSON.parse(run.stdout)).toMatchObject({ ok: true, status: 'unconfirmed', via: null, reason: 'no-source' });
    expect(Object.fromEntries(sim.control.callCounts)).toEqual({});
    const text = await cli(['invite', '--meeting', FIXTURE_MEETING_ID, '--to', FIXTURE_TERMINAL, '--wait'], { env: guest });
    expect(text.stdout).toContain('cannot be confirmed without the host password or an enterprise App ID');
  });

  it('refuses secrets given as command-line values, before anything is sent', async () => {
    const before = sim.invites().length;
    for (const option of ['--host-password', '--app-key']) {
      const run = await cli(['invite', '--meeting', FIXTURE_MEETING_ID, '--to', FIXTURE_TERMINAL, option, 'x'], { env: guest });
      expect(run.code).toBe(2);
      expect(run.stderr).toContain(`${option} is not accepted`);
    }
    expect(sim.invites()).toHaveLength(before);
  });
});

describe('qr-room-invite status and hangup', () => {
  it('status says whether the room is in the meeting (0) or not (5); hangup by door A ends the call', async () => {
    await cli(['invite', '--meeting', FIXTURE_MEETING_ID, '--to', FIXTURE_TERMINAL, '--wait', '--json'], { env: host });
    const inMeeting = await cli(['status', '--meeting', FIXTURE_MEETING_ID, '--to', FIXTURE_TERMINAL, '--json'], { env: host });
    expect(inMeeting.code).toBe(0);
    expect(JSON.parse(inMeeting.stdout)).toMatchObject({ status: 'joined', via: 'control' });
    const hangup = await cli(['hangup', '--meeting', FIXTURE_MEETING_ID, '--to', FIXTURE_TERMINAL], { env: host });
    expect(hangup.code).toBe(0);
    expect(hangup.stdout).toContain(`Hung up: ${FIXTURE_TERMINAL} left meeting 914 083 136.`);
    expect(sim.hangUps()).toMatchObject([{ phone: FIXTURE_TERMINAL }]);
    const gone = await cli(['status', '--meeting', FIXTURE_MEETING_ID, '--to', FIXTURE_TERMINAL, '--json'], { env: host });
    expect(gone.code).toBe(5);
    expect(JSON.parse(gone.stdout)).toMatchObject({ status: 'not-joined', reason: 'not-in-meeting' });
    const again = await cli(['hangup', '--meeting', FIXTURE_MEETING_ID, '--to', FIXTURE_TERMINAL], { env: host });
    expect(again.code).toBe(5);
  });

  it('App ID: status and hangup through door B; a wrong key is exit 6 with USG.206010025; no source is exit 6', async () => {
    const app = { QRRI_APP_ID: sim.app.appId };
    await cli(['invite', '--meeting', FIXTURE_MEETING_ID, '--to', FIXTURE_TERMINAL, '--wait', '--json', '--app-key-stdin'], {
      env: { ...guest, ...app },
      stdin: sim.app.appKey,
    });
    const status = await cli(['status', '--meeting', FIXTURE_MEETING_ID, '--to', FIXTURE_TERMINAL, '--json'], {
      env: { ...app, QRRI_APP_KEY: sim.app.appKey },
    });
    expect(status.code).toBe(0);
    expect(JSON.parse(status.stdout)).toMatchObject({ status: 'joined', via: 'app-id' });
    const wrong = await cli(['status', '--meeting', FIXTURE_MEETING_ID, '--to', FIXTURE_TERMINAL, '--json'], {
      env: { ...app, QRRI_APP_KEY: 'wrong' },
    });
    expect(wrong.code).toBe(6);
    expect(JSON.parse(wrong.stdout)).toMatchObject({ status: 'unconfirmed', via: 'app-id', resultCode: 'USG.206010025' });
    const hangup = await cli(
      ['hangup', '--meeting', FIXTURE_MEETING_ID, '--to', FIXTURE_TERMINAL, '--app-id', sim.app.appId, '--app-key-stdin'],
      { stdin: sim.app.appKey },
    );
    expect(hangup.code).toBe(0);
    expect(sim.hangUps()).toHaveLength(1);
    const none = await cli(['hangup', '--meeting', FIXTURE_MEETING_ID, '--to', FIXTURE_TERMINAL]);
    expect(none.code).toBe(6);
  });
});
