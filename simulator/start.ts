/**
 * `npm run simulator [-- --port N]`: starts the simulator and prints, first, exactly
 *   simulator: https://127.0.0.1:<port>
 *   simulator-ca: <absolute path of the CA certificate to trust>
 *   simulator-app: <fixture App ID> <its App Key, made at start>
 * then a short help. Without --port it uses 8443, or a free port when 8443 is taken.
 */
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import {
  FIXTURE_BLOCKED_ORG_ID,
  FIXTURE_GUEST_PASSWORD,
  FIXTURE_HOST_PASSWORD,
  FIXTURE_MEETING_ID,
  FIXTURE_ORG_ID,
  FIXTURE_STATE_MEETINGS,
  FIXTURE_TERMINAL,
} from './fixture';
import { TERMINAL_BUSY, TERMINAL_LEAVES, TERMINAL_NO_ANSWER } from './calls';
import { INVITE_PATH } from './invite';
import { describeInvite, startSimulator } from './server';

const DEFAULT_PORT = 8443;
const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const CA_DIR = path.join(REPO_ROOT, '.simulator');

const USAGE = `Usage: npm run simulator [-- --port <port>]
  --port <port>  listen on this port (default ${DEFAULT_PORT}, or a free port if it is taken)
  --help         show this text`;

function parsePort(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`--port must be an integer from 0 to 65535, not ${value}`);
  }
  return port;
}

async function main(): Promise<void> {
  // Output piped into a closed reader (`| head`) must not crash the simulator.
  process.stdout.on('error', () => undefined);
  const { values } = parseArgs({
    options: { port: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
    strict: true,
  });
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const explicitPort = parsePort(values.port);
  const sim = await startSimulator({
    port: explicitPort ?? DEFAULT_PORT,
    portFallback: explicitPort === undefined,
    caDir: CA_DIR,
    // Another simulator may own ca.pem (on 8443): never replace the CA its clients trust.
    caFileName: (port) => (port === DEFAULT_PORT ? 'ca.pem' : `ca-${port}.pem`),
    onInvite: (record) => console.log(describeInvite(record)),
  });

  const body = JSON.stringify({
    callNum: FIXTURE_TERMINAL,
    orgID: FIXTURE_ORG_ID,
    pwd: FIXTURE_GUEST_PASSWORD,
    numBelongsType: 0,
    isNotOverlayPidName: false,
    confID: FIXTURE_MEETING_ID,
  });
  const states = Object.entries(FIXTURE_STATE_MEETINGS)
    .map(([state, id]) => `${id} ${state}`)
    .join(', ');
  console.log(`simulator: ${sim.url}`);
  console.log(`simulator-ca: ${sim.caPath}`);
  console.log(`simulator-app: ${sim.app.appId} ${sim.app.appKey}`);
  console.log(`
Huawei Cloud Meeting inviteWithPwd simulator (loopback only; trust the CA above, never disable TLS checks).

Fixture
  meeting ${FIXTURE_MEETING_ID} (started), guest password ${FIXTURE_GUEST_PASSWORD}, host password ${FIXTURE_HOST_PASSWORD}
  other meetings (same passwords): ${states}
  terminal ${FIXTURE_TERMINAL} in enterprise ${FIXTURE_ORG_ID} (admin switch on); enterprise ${FIXTURE_BLOCKED_ORG_ID}: admin switch off
  any SIP number (optional + and 3-32 digits) can be invited; after an accepted invite it rings and
  answers after about 2 s, except ${TERMINAL_BUSY} (busy, never joins), ${TERMINAL_NO_ANSWER} (never
  answers) and ${TERMINAL_LEAVES} (joins, leaves 10 s later)
  conference control (door A): the host password above; App ID (door B): the simulator-app line

Try it
  curl --cacert '${sim.caPath}' -X POST '${sim.url}${INVITE_PATH}?conferenceID=${FIXTURE_MEETING_ID}' \\
    -H 'Content-Type: application/json;charset=UTF-8' -d '${body}'

Control endpoints (curl --cacert '${sim.caPath}' ...)
  GET    ${sim.url}/__sim/health
  GET    ${sim.url}/__sim/invites          received invitations (passwords masked)
  DELETE ${sim.url}/__sim/invites
  GET    ${sim.url}/__sim/faults
  PUT    ${sim.url}/__sim/faults           {"queue":[{"kind":"rate-limit","retryAfter":2}],"latencyMs":0}
         faults: latency{ms} hang reset status{status:500|502|503|504,retryAfter?}
                 rate-limit{retryAfter,style?:mmc|usg|apig} error{status,code,message,retryAfter?}
         random: {"random":{"seed":1,"fault503":0.3,"reset":0.1,"slow":0.1,"slowMs":2000}}
  DELETE ${sim.url}/__sim/faults
  PUT    ${sim.url}/__sim/admin-switch     {"on":false}
  GET    ${sim.url}/__sim/hangups          participants hung up through participants/delete
  GET    ${sim.url}/__sim/control-calls    door A/B calls received, by API
  POST   ${sim.url}/__sim/leave            {"conferenceID":"${FIXTURE_MEETING_ID}","callNum":"${FIXTURE_TERMINAL}"}
  POST   ${sim.url}/__sim/end-meeting      {"conferenceID":"${FIXTURE_MEETING_ID}"}
  PUT    ${sim.url}/__sim/push             {"refused":true}   (WebSocket upgrades refused)
  PUT    ${sim.url}/__sim/clock            {"offsetMs":900000} (server clock ahead)
  PUT    ${sim.url}/__sim/call-timings     {"answerMs":2000,"busyMs":1000,"stayMs":10000}
  DELETE ${sim.url}/__sim/calls            forget calls, tokens and counters

Ctrl-C stops the simulator.
`);

  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    console.log(`simulator: ${signal}, stopping`);
    const shutdown = async () => {
      await sim.close();
      // A CA for a fallback port is this run's alone; ca.pem stays for the next run to replace.
      if (path.basename(sim.caPath) !== 'ca.pem') await rm(sim.caPath, { force: true });
    };
    shutdown().then(
      () => {
        process.exitCode = 0;
      },
      (error: unknown) => {
        console.error('simulator: error while stopping:', error);
        process.exitCode = 1;
      },
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(`simulator: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});
