/**
 * The local `inviteWithPwd` simulator: a real HTTPS server on a loopback address, with a CA made
 * at start, fault injection, a record of received invitations and `/__sim/*` control endpoints.
 * This file only starts and stops the server; what it answers lives in the route modules
 * (`invite-route.ts`, `control-routes.ts`), listed in `buildRoutes` (see `router.ts` on adding one).
 */
import { randomUUID } from 'node:crypto';
import { mkdir, mkdtemp, rename, rm, writeFile } from 'node:fs/promises';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createCertificate } from './certificate';
import { appAuthRoute } from './app-auth';
import type { CallTimings, HangUpRecord } from './calls';
import { callControlEndpoints } from './call-control-endpoints';
import { conferenceControlRoute } from './conference-control';
import { coreControlEndpoints, controlRoute } from './control-routes';
import { ControlState } from './control-state';
import { SIM_ERRORS } from './errors';
import type { FaultPlan } from './faults';
import { FaultInjector } from './faults';
import type { Fixture } from './fixture';
import { DEFAULT_FIXTURE } from './fixture';
import { sendError } from './http';
import type { RecordedInvite } from './invite-record';
import { inviteRoute } from './invite-route';
import { ServerLifecycle } from './lifecycle';
import { attachPushSocket } from './push-socket';
import type { SimulatorRoute } from './router';
import { serve } from './router';
import type { SimulatorState } from './state';

// Kept importable from here: tests, the preview and the demo import them from `server`.
export type { RecordedInvite } from './invite-record';
export { describeInvite } from './invite-record';

export interface SimulatorOptions {
  /** 0 (a free port) by default. */
  port?: number;
  /** When `port` is taken, listen on a free port instead of failing. */
  portFallback?: boolean;
  /** A loopback address: 127.0.0.1 (default) or ::1. */
  host?: string;
  fixture?: Fixture;
  /** Where the CA PEM is written; a fresh temporary directory (removed on close) by default. */
  caDir?: string;
  /** Name of the CA file in `caDir`, possibly from the port listened on; `ca.pem` by default. */
  caFileName?: string | ((port: number) => string);
  /** A fault plan to start with. */
  faults?: FaultPlan;
  /** Called once per recorded invite request, when its outcome is known. */
  onInvite?: (record: RecordedInvite) => void;
  /** The fixture App ID's key; a random one by default (printed by `npm run simulator`). */
  appKey?: string;
  /** How long the simulated terminals ring and stay (tests shorten them). */
  callTimings?: Partial<CallTimings>;
  /** Conference token lifetime (30 min by default). */
  conferenceTokenMs?: number;
  /** App ID access token lifetime in seconds (12 h by default). */
  accessTokenSeconds?: number;
}

export interface Simulator {
  /** Base URL, e.g. `https://127.0.0.1:8443`. */
  url: string;
  port: number;
  /** Absolute path of the CA certificate (PEM) to trust. */
  caPath: string;
  caPem: string;
  invites(): RecordedInvite[];
  clearInvites(): void;
  /** Replaces the fault plan; throws a ZodError when it is invalid. */
  setFaults(plan: FaultPlan): void;
  clearFaults(): void;
  /** The global admin switch (on at start). */
  setAdminSwitch(on: boolean): void;
  /** The fixture enterprise App ID and its App Key (door B). */
  app: { appId: string; appKey: string };
  /** Doors A and B: the terminals, the counters and the switches (also under `/__sim/*`). */
  control: ControlState;
  hangUps(): HangUpRecord[];
  close(): Promise<void>;
}

const LOOPBACK_HOSTS = new Set(['127.0.0.1', '::1']);

function formatUrl(host: string, port: number): string {
  return `https://${host.includes(':') ? `[${host}]` : host}:${port}`;
}

function listen(server: https.Server, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const onError = (error: Error) => {
      server.off('listening', onListening);
      reject(error);
    };
    const onListening = () => {
      server.off('error', onError);
      resolve();
    };
    server.once('error', onError);
    server.once('listening', onListening);
    server.listen({ port, host, exclusive: true });
  });
}

async function writeCa(dir: string, fileName: string, pem: string): Promise<string> {
  await mkdir(dir, { recursive: true });
  const caPath = path.resolve(dir, fileName);
  const temporary = `${caPath}.${process.pid}.${randomUUID()}.tmp`;
  await writeFile(temporary, pem, { mode: 0o644 });
  await rename(temporary, caPath);
  return caPath;
}

/**
 * The routes, tried in order. A new API family (conference control, tokens, ...) is one more
 * entry here, made by its own module from the shared state and lifecycle.
 */
function buildRoutes(state: SimulatorState, lifecycle: ServerLifecycle): SimulatorRoute[] {
  return [
    inviteRoute(state, lifecycle),
    conferenceControlRoute(state.fixture, state.control),
    appAuthRoute(state.fixture, state.control),
    controlRoute([...coreControlEndpoints(state), ...callControlEndpoints(state.control)]),
  ];
}

export async function startSimulator(options: SimulatorOptions = {}): Promise<Simulator> {
  const host = options.host ?? '127.0.0.1';
  if (!LOOPBACK_HOSTS.has(host)) throw new Error(`The simulator listens on loopback only (127.0.0.1 or ::1), not ${host}`);
  const faults = new FaultInjector();
  if (options.faults) faults.set(options.faults);
  const state: SimulatorState = {
    fixture: options.fixture ?? DEFAULT_FIXTURE,
    faults,
    adminSwitch: true,
    records: [],
    onInvite: options.onInvite,
    control: new ControlState({
      ...(options.appKey === undefined ? {} : { appKey: options.appKey }),
      ...(options.callTimings === undefined ? {} : { callTimings: options.callTimings }),
      ...(options.conferenceTokenMs === undefined ? {} : { conferenceTokenMs: options.conferenceTokenMs }),
      ...(options.accessTokenSeconds === undefined ? {} : { accessTokenSeconds: options.accessTokenSeconds }),
    }),
  };
  const lifecycle = new ServerLifecycle();
  const routes = buildRoutes(state, lifecycle);

  const certificate = await createCertificate();

  const server = https.createServer({ key: certificate.key, cert: certificate.cert }, (req, res) => {
    // Whatever a route throws (or a URL too odd to parse) is a 500, never a crashed simulator.
    serve(routes, req, res).catch(() => {
      if (!res.headersSent && !res.destroyed) sendError(res, SIM_ERRORS.serverFailure, 'en-US');
      else res.destroy();
    });
  });
  lifecycle.watch(server);
  const pushSocket = attachPushSocket(server, state.control);
  // A client that rejects the certificate aborts the handshake; that is not the server's error.
  server.on('tlsClientError', () => undefined);

  const requestedPort = options.port ?? 0;
  try {
    await listen(server, requestedPort, host);
  } catch (error) {
    const inUse = (error as NodeJS.ErrnoException).code === 'EADDRINUSE';
    if (!inUse || !options.portFallback || requestedPort === 0) throw error;
    await listen(server, 0, host);
  }
  const port = (server.address() as AddressInfo).port;

  const ownCaDir = options.caDir === undefined;
  let caDir: string | undefined;
  let caPath: string;
  try {
    caDir = options.caDir ?? (await mkdtemp(path.join(tmpdir(), 'qrri-simulator-')));
    const fileName = typeof options.caFileName === 'function' ? options.caFileName(port) : (options.caFileName ?? 'ca.pem');
    caPath = await writeCa(caDir, fileName, certificate.ca);
  } catch (error) {
    await new Promise<void>((resolve) => server.close(() => resolve()));
    if (ownCaDir && caDir) await rm(caDir, { recursive: true, force: true });
    throw error;
  }
  const temporaryCaDir = ownCaDir ? caDir : undefined;

  return {
    url: formatUrl(host, port),
    port,
    caPath,
    caPem: certificate.ca,
    invites: () => structuredClone(state.records),
    clearInvites: () => {
      state.records.length = 0;
    },
    setFaults: (plan) => faults.set(plan),
    clearFaults: () => faults.clear(),
    setAdminSwitch: (on) => {
      state.adminSwitch = on;
    },
    app: { appId: state.control.appId, appKey: state.control.appKey },
    control: state.control,
    hangUps: () => structuredClone(state.control.calls.hangUps),
    close: async () => {
      state.control.calls.stopTimers();
      pushSocket.close();
      if (!(await lifecycle.close(server))) return;
      if (temporaryCaDir) await rm(temporaryCaDir, { recursive: true, force: true });
    },
  };
}
