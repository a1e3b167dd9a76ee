/**
 * `npm run preview:web [-- --port N]`: the window in any browser, against the real
 * main-process services and a local simulator. Prints, in this order:
 *   simulator: https://127.0.0.1:<port>
 *   simulator-ca: <path of the CA the client trusts>
 *   simulator-app: <fixture App ID> <its App Key, made at start> (as `npm run simulator` prints it)
 *   preview: http://127.0.0.1:<port>/
 * then what to try. `npm run preview:web` builds the renderer first (build:app).
 */
import { parseArgs } from 'node:util';
import { TERMINAL_BUSY } from '../simulator/calls';
import { FIXTURE_GUEST_PASSWORD, FIXTURE_HOST_PASSWORD, FIXTURE_MEETING_ID, FIXTURE_TERMINAL } from '../simulator/fixture';
import { describeInvite, startSimulator } from '../simulator/server';
import { formatMeetingId } from '../shared/payload/index';
import { startPreview } from './preview/server';

const DEFAULT_PORT = 4173;

async function main(): Promise<void> {
  process.stdout.on('error', () => undefined);
  const { values } = parseArgs({ options: { port: { type: 'string' } }, strict: true });
  const port = values.port === undefined ? DEFAULT_PORT : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port must be an integer from 0 to 65535, not ${values.port}`);

  const sim = await startSimulator({
    onInvite: (record) => console.log(`simulator: ${describeInvite(record)}`),
  });
  console.log(`simulator: ${sim.url}`);
  console.log(`simulator-ca: ${sim.caPath}`);
  // The fixture App ID and its key, for Settings › Enterprise App ID (door B), like `npm run simulator`.
  console.log(`simulator-app: ${sim.app.appId} ${sim.app.appKey}`);
  const options = { sim, log: (level: string, message: string) => console.log(`main: [${level}] ${message}`) };
  const preview = await startPreview({ ...options, port }).catch((error: unknown) => {
    // The usual port is taken (another preview): take any free one rather than fail.
    if (values.port === undefined && (error as NodeJS.ErrnoException).code === 'EADDRINUSE') return startPreview({ ...options, port: 0 });
    throw error;
  });
  console.log(`preview: ${preview.url}`);
  console.log(`
Open the preview in a browser. The room "Room A" (${FIXTURE_TERMINAL}) is configured and selected.
Try: paste this text (or a QR image of it) into the page, then press Invite:
  Meeting ID: ${formatMeetingId(FIXTURE_MEETING_ID)}  Guest password: ${FIXTURE_GUEST_PASSWORD}
"Scan screen" captures a fixture screenshot with that meeting's QR code on it.
To see whether the room joined (and hang it up), type the host password ${FIXTURE_HOST_PASSWORD} under the meeting,
or enter the simulator-app line's App ID and App Key in Settings › Enterprise App ID.
A room with the number ${TERMINAL_BUSY} is busy: "did not join — busy".
Ctrl-C stops the preview and the simulator.
`);

  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    void preview
      .close()
      .then(() => sim.close())
      .then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(`preview: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});
