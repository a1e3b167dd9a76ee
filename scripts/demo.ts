/**
 * `npm run demo`: the whole flow without a Huawei account, on a desktop where Electron runs.
 * Starts the simulator, writes a managed configuration pointing the app at it (site, CA, the
 * fixture's Room A), and starts the app with a throw-away profile. Paste the sample images in
 * docs/samples/ into its window. Ctrl-C stops both.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FIXTURE_GUEST_PASSWORD, FIXTURE_MEETING_ID, FIXTURE_ORG_ID, FIXTURE_TERMINAL } from '../simulator/fixture';
import { describeInvite, startSimulator } from '../simulator/server';

const sim = await startSimulator({
  onInvite: (r) => console.log(`simulator: ${describeInvite(r)}`),
});
console.log(`simulator: ${sim.url}`);
console.log(`simulator-ca: ${sim.caPath}`);

const dir = mkdtempSync(join(tmpdir(), 'qrri-demo-'));
const config = join(dir, 'managed.json');
writeFileSync(
  config,
  JSON.stringify({
    version: 1,
    settings: {
      site: 'custom',
      customBaseUrl: sim.url,
      extraCaPath: sim.caPath,
      rooms: [{ id: 'room-a', name: 'Room A', callNum: FIXTURE_TERMINAL, orgId: FIXTURE_ORG_ID }],
      selectedRoomId: 'room-a',
    },
  }),
);
console.log(`demo: managed configuration ${config}`);
console.log(
  `demo: paste docs/samples/meeting-invitation.png (meeting ${FIXTURE_MEETING_ID}, guest password ${FIXTURE_GUEST_PASSWORD}) into the window and press Invite.`,
);

const app = spawn(process.platform === 'win32' ? 'npx.cmd' : 'npx', ['electron-vite', 'preview', '--', '--config', config], {
  stdio: 'inherit',
  env: { ...process.env, QRRI_USER_DATA_DIR: join(dir, 'profile') },
});
const stop = async () => {
  app.kill();
  await sim.close();
  rmSync(dir, { recursive: true, force: true });
  process.exit(0);
};
app.on('exit', () => void stop());
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());
