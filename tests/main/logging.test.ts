/**
 * Everything logged during invite runs — success, refusals, faults, retries — goes through the
 * redacting logger into a real electron-log file, which must never contain the passwords.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import electronLog from 'electron-log/node';
import { describe, expect, it } from 'vitest';
import { electronLogSink } from '../../main/electron-log-sink';
import { createLogger } from '../../core/log';
import { InvokeChannel } from '../../shared/ipc';
import { FIXTURE_GUEST_PASSWORD, FIXTURE_MEETING_ID } from '../../simulator/fixture';
import { testAppApi } from '../helpers/app-api';
import { tempDir } from '../helpers/qr-images';
import { useSimulator } from '../helpers/simulator';

const sim = useSimulator();

describe('app log', () => {
  it('never contains a password, whatever happened during the invites', async () => {
    const file = join(tempDir('qrri-log-'), 'main.log');
    const log = electronLog.create({ logId: 'invite-run' });
    log.transports.file.resolvePathFn = () => file;
    log.transports.file.level = 'debug';
    log.transports.console.level = false;
    const logger = createLogger(electronLogSink(log));
    const { api } = testAppApi(sim(), { logger });
    const secrets = [FIXTURE_GUEST_PASSWORD, 'Wr0ng-Secret!', 'Enter&Code=9'];

    sim().setFaults({ queue: [{ kind: 'rate-limit', retryAfter: 0 }, { kind: 'status', status: 500 }, { kind: 'reset' }] });
    for (const password of [...secrets, ...secrets]) {
      await api.invoke(InvokeChannel.invite, { meeting: { id: FIXTURE_MEETING_ID, password }, origin: 'tray', rememberPassword: true });
    }
    // Things that carry a password into the logger from elsewhere are redacted too.
    logger.warn(`opened cloudlink://x/h5page?conf_id=${FIXTURE_MEETING_ID}&enter_code=${FIXTURE_GUEST_PASSWORD}`, {
      body: { confID: FIXTURE_MEETING_ID, pwd: 'Wr0ng-Secret!' },
      error: new Error(`Password: ${FIXTURE_GUEST_PASSWORD}`),
    });

    const text = readFileSync(file, 'utf8');
    expect(text).toContain('inviteWithPwd answered');
    expect(text).toContain('enter_code=******');
    expect(text.split('\n').length).toBeGreaterThan(15);
    for (const secret of secrets) expect(text).not.toContain(secret);
  });
});
