/**
 * The local `inviteWithPwd` simulator: a real HTTPS server on a loopback address, with a CA made
 * at start, fault injection, a record of received invitations and `/__sim/*` control endpoints.
 */
import { randomUUID } from 'node:crypto';
import { mkdir, mkdtemp, rename, rm, writeFile } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import https from 'node:https';
import type { AddressInfo, Socket } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { z } from 'zod';
import { createCertificate } from './certificate';
import type { SimError, SimLanguage } from './errors';
import { errorBody, pickLanguage, serverErrorFor, SIM_ERRORS } from './errors';
import type { AnswerFault, FaultPlan } from './faults';
import { FaultInjector, FaultPlanSchema } from './faults';
import type { Fixture } from './fixture';
import { DEFAULT_FIXTURE } from './fixture';
import { decideInvite, INVITE_PATH, maskBody, parseJson } from './invite';

export interface RecordedInvite {
  method: string;
  /** The `conferenceID` query parameter (the first one), or `null` when absent. */
  conferenceID: string | null;
  /** The parsed JSON body with `pwd` masked as "******"; `null` when the body is not JSON. */
  body: unknown;
  headers: {
    'x-request-id'?: string;
    'accept-language'?: string;
    'user-agent'?: string;
    'content-type'?: string;
  };
  /** ISO time at which the whole body had been received. */
  receivedAt: string;
  /** The `X-Request-Id` of the answer (the request's own when it sent a usable one). */
  requestId: string;
  /** The status sent; `hang`/`reset` for those faults; `pending` while a delay runs. */
  outcome: number | 'hang' | 'reset' | 'pending';
  /** The `error_code` answered, if any. */
  errorCode?: string;
  /** Why the simulator refused the request (validation), never containing the password. */
  detail?: string;
}

/** One line for a console: when, what, the outcome and the request ID (the password is never in a record). */
export function describeInvite(record: RecordedInvite): string {
  const body = record.body as { callNum?: unknown } | null;
  const callNum = typeof body?.callNum === 'string' ? body.callNum : '-';
  const code = record.errorCode ? ` ${record.errorCode}` : '';
  const detail = record.detail ? ` (${record.detail})` : '';
  return (
    `${record.receivedAt} ${record.method} inviteWithPwd conferenceID=${record.conferenceID ?? '-'} ` +
    `callNum=${callNum} -> ${record.outcome}${code}${detail} [${record.requestId}]`
  );
}

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
  close(): Promise<void>;
}

const MAX_BODY_BYTES = 64 * 1024;
const RATE_LIMIT_HEADER = 'X-APIG-Ratelimit-Api';
const RATE_LIMIT_OK = 'remain:99,limit:100,time:1 minute';
const RATE_LIMIT_EXHAUSTED = 'remain:0,limit:100,time:1 minute';
const JSON_TYPE = 'application/json;charset=UTF-8';
const LOOPBACK_HOSTS = new Set(['127.0.0.1', '::1']);

const AdminSwitchSchema = z.strictObject({ on: z.boolean() });

function isLoopbackAddress(address: string | undefined): boolean {
  if (!address) return false;
  return address === '::1' || /^(?:::ffff:)?127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/u.test(address);
}

/** The request's own ID when it is a sane token, so support can trace it; otherwise a UUID. */
function requestIdFor(req: IncomingMessage): string {
  const sent = req.headers['x-request-id'];
  return typeof sent === 'string' && /^[\x21-\x7e]{1,128}$/u.test(sent) ? sent : randomUUID();
}

function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value.join(', ') : value;
}

/** Reads the whole body (at most MAX_BODY_BYTES are kept); `null` when it was too large. */
function readBody(req: IncomingMessage): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) tooLarge = true;
      else chunks.push(chunk);
    });
    req.on('end', () => resolve(tooLarge ? null : Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function sendJson(res: ServerResponse, status: number, body: unknown, extra: Record<string, string> = {}): void {
  if (res.destroyed || res.headersSent) return;
  const text = JSON.stringify(body);
  res.writeHead(status, { ...extra, 'Content-Type': JSON_TYPE, 'Content-Length': Buffer.byteLength(text) });
  res.end(text);
}

function sendEmpty(res: ServerResponse, status: number): void {
  if (res.destroyed || res.headersSent) return;
  res.writeHead(status);
  res.end();
}

function sendError(res: ServerResponse, error: SimError, language: SimLanguage, extra: Record<string, string> = {}): void {
  sendJson(res, error.status, errorBody(error, language), extra);
}

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

export async function startSimulator(options: SimulatorOptions = {}): Promise<Simulator> {
  const host = options.host ?? '127.0.0.1';
  if (!LOOPBACK_HOSTS.has(host)) throw new Error(`The simulator listens on loopback only (127.0.0.1 or ::1), not ${host}`);
  const fixture = options.fixture ?? DEFAULT_FIXTURE;
  const faults = new FaultInjector();
  if (options.faults) faults.set(options.faults);
  let adminSwitch = true;
  const records: RecordedInvite[] = [];
  const timers = new Set<NodeJS.Timeout>();
  const rawSockets = new Set<Socket>();
  let closed = false;

  const certificate = await createCertificate();

  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      if (ms <= 0) {
        resolve();
        return;
      }
      const timer = setTimeout(() => {
        timers.delete(timer);
        resolve();
      }, ms);
      timers.add(timer);
    });

  /** Sends an RST: the TLS socket's raw TCP socket is destroyed with a reset. */
  function resetConnection(req: IncomingMessage): void {
    const tls = req.socket;
    const raw = [...rawSockets].find(
      (s) => s.remotePort === tls.remotePort && s.remoteAddress === tls.remoteAddress,
    );
    try {
      raw?.resetAndDestroy();
    } catch {
      // Not a TCP handle: a plain destroy still drops the connection.
    }
    tls.destroy();
  }

  function finish(record: RecordedInvite, outcome: RecordedInvite['outcome'], errorCode?: string): void {
    record.outcome = outcome;
    if (errorCode) record.errorCode = errorCode;
    options.onInvite?.(structuredClone(record));
  }

  function applyFault(
    fault: AnswerFault,
    req: IncomingMessage,
    res: ServerResponse,
    record: RecordedInvite,
    language: SimLanguage,
  ): void {
    switch (fault.kind) {
      case 'hang':
        // Never answer; close() destroys the socket.
        finish(record, 'hang');
        return;
      case 'reset':
        finish(record, 'reset');
        resetConnection(req);
        return;
      case 'status': {
        const error = serverErrorFor(fault.status);
        const extra: Record<string, string> = fault.retryAfter === undefined ? {} : { 'Retry-After': String(fault.retryAfter) };
        sendError(res, error, language, extra);
        finish(record, error.status, error.code);
        return;
      }
      case 'rate-limit': {
        const style = fault.style ?? 'mmc';
        const error =
          style === 'apig' ? SIM_ERRORS.rateLimitedApig : style === 'usg' ? SIM_ERRORS.rateLimitedUsg : SIM_ERRORS.rateLimited;
        sendError(res, error, language, {
          'Retry-After': String(fault.retryAfter),
          [RATE_LIMIT_HEADER]: RATE_LIMIT_EXHAUSTED,
        });
        finish(record, error.status, error.code);
        return;
      }
      case 'error': {
        const extra: Record<string, string> = fault.retryAfter === undefined ? {} : { 'Retry-After': String(fault.retryAfter) };
        sendJson(res, fault.status, { error_code: fault.code, error_msg: fault.message }, extra);
        finish(record, fault.status, fault.code);
        return;
      }
    }
  }

  async function handleInvite(req: IncomingMessage, res: ServerResponse, url: URL, requestId: string): Promise<void> {
    const language = pickLanguage(header(req, 'accept-language'));
    const rawBody = await readBody(req);
    const conferenceIDs = url.searchParams.getAll('conferenceID');
    const parsed = rawBody === null ? undefined : parseJson(rawBody);
    const headers: RecordedInvite['headers'] = {};
    for (const name of ['x-request-id', 'accept-language', 'user-agent', 'content-type'] as const) {
      const value = header(req, name);
      if (value !== undefined) headers[name] = value;
    }
    const record: RecordedInvite = {
      method: req.method ?? '',
      conferenceID: conferenceIDs[0] ?? null,
      body: maskBody(parsed),
      headers,
      receivedAt: new Date().toISOString(),
      requestId,
      outcome: 'pending',
    };
    records.push(record);

    if (req.method !== 'POST') {
      record.detail = 'method not allowed';
      sendError(res, SIM_ERRORS.methodNotAllowed, language, { Allow: 'POST' });
      finish(record, SIM_ERRORS.methodNotAllowed.status, SIM_ERRORS.methodNotAllowed.code);
      return;
    }

    const decisionOfFaults = faults.next();
    await sleep(decisionOfFaults.delayMs);
    if (closed) return;
    if (decisionOfFaults.fault) {
      applyFault(decisionOfFaults.fault, req, res, record, language);
      return;
    }

    const decision =
      rawBody === null
        ? { error: SIM_ERRORS.badRequest, detail: 'body too large' }
        : decideInvite({ conferenceIDs, contentType: header(req, 'content-type'), rawBody }, { fixture, adminSwitch });
    if (decision.detail) record.detail = decision.detail;
    if (decision.error) {
      sendError(res, decision.error, language);
      finish(record, decision.error.status, decision.error.code);
    } else {
      sendJson(res, 200, {});
      finish(record, 200);
    }
  }

  async function readJsonControl(req: IncomingMessage): Promise<unknown> {
    const raw = await readBody(req);
    return raw === null ? undefined : parseJson(raw);
  }

  function controlError(res: ServerResponse, status: number, message: string): void {
    sendJson(res, status, { error_code: 'SIM.BAD_CONTROL_REQUEST', error_msg: message });
  }

  async function handleControl(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    if (!isLoopbackAddress(req.socket.remoteAddress)) {
      req.resume();
      controlError(res, 403, 'Control endpoints answer loopback clients only');
      return;
    }
    const route = `${req.method ?? ''} ${url.pathname}`;
    switch (route) {
      case 'GET /__sim/health':
        req.resume();
        sendJson(res, 200, { status: 'ok' });
        return;
      case 'GET /__sim/invites':
        req.resume();
        sendJson(res, 200, records);
        return;
      case 'DELETE /__sim/invites':
        req.resume();
        records.length = 0;
        sendEmpty(res, 204);
        return;
      case 'GET /__sim/faults':
        req.resume();
        sendJson(res, 200, faults.current());
        return;
      case 'PUT /__sim/faults': {
        const result = FaultPlanSchema.safeParse(await readJsonControl(req));
        if (!result.success) {
          controlError(res, 400, z.prettifyError(result.error));
          return;
        }
        faults.set(result.data);
        sendEmpty(res, 204);
        return;
      }
      case 'DELETE /__sim/faults':
        req.resume();
        faults.clear();
        sendEmpty(res, 204);
        return;
      case 'GET /__sim/admin-switch':
        req.resume();
        sendJson(res, 200, { on: adminSwitch });
        return;
      case 'PUT /__sim/admin-switch': {
        const result = AdminSwitchSchema.safeParse(await readJsonControl(req));
        if (!result.success) {
          controlError(res, 400, z.prettifyError(result.error));
          return;
        }
        adminSwitch = result.data.on;
        sendEmpty(res, 204);
        return;
      }
      default: {
        req.resume();
        const known = ['/__sim/health', '/__sim/invites', '/__sim/faults', '/__sim/admin-switch'];
        if (known.includes(url.pathname)) controlError(res, 405, `${req.method ?? ''} is not allowed on ${url.pathname}`);
        else controlError(res, 404, `No control endpoint ${url.pathname}`);
      }
    }
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const requestId = requestIdFor(req);
    res.setHeader('X-Request-Id', requestId);
    res.setHeader(RATE_LIMIT_HEADER, RATE_LIMIT_OK);
    const url = new URL(req.url ?? '/', 'https://simulator.invalid');
    if (url.pathname === INVITE_PATH) {
      await handleInvite(req, res, url, requestId);
    } else if (url.pathname.startsWith('/__sim/')) {
      await handleControl(req, res, url);
    } else {
      req.resume();
      sendError(res, SIM_ERRORS.apiNotFound, pickLanguage(header(req, 'accept-language')));
    }
  }

  const server = https.createServer({ key: certificate.key, cert: certificate.cert }, (req, res) => {
    handle(req, res).catch(() => {
      if (!res.headersSent && !res.destroyed) sendError(res, SIM_ERRORS.serverFailure, 'en-US');
      else res.destroy();
    });
  });
  server.on('connection', (socket: Socket) => {
    rawSockets.add(socket);
    socket.once('close', () => rawSockets.delete(socket));
  });
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
    invites: () => structuredClone(records),
    clearInvites: () => {
      records.length = 0;
    },
    setFaults: (plan) => faults.set(plan),
    clearFaults: () => faults.clear(),
    setAdminSwitch: (on) => {
      adminSwitch = on;
    },
    close: async () => {
      if (closed) return;
      closed = true;
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      const stopped = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      for (const socket of rawSockets) socket.destroy();
      await stopped;
      if (temporaryCaDir) await rm(temporaryCaDir, { recursive: true, force: true });
    },
  };
}
