/**
 * `startPreview()`: the browser preview of the window. It serves the built renderer on
 * `http://127.0.0.1:<port>/` with a development bridge whose calls run the real main-process
 * handlers in this process (scripts/preview/backend.ts), wired to a simulator. Tests start it
 * in-process and drive the fakes through the returned handle.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { LogSink } from '../../core/log';
import type { ManagedState } from '../../core/managed-config';
import type { SettingsStore } from '../../core/store/settings-store';
import { EventChannel, isInvokeChannel, type InvokeChannel } from '../../shared/ipc-channels';
import type { AppCommand, ClipboardContent, InvokeAnswer, IpcResult, ScreenFrame } from '../../shared/ipc';
import type { Language } from '../../shared/schemas';
import { startSimulator, type Simulator } from '../../simulator/server';
import { createPreviewBackend, freshFakes, type PreviewFakes } from './backend';
import { bridgeScript } from './bridge-bundle';
import { createEventHub } from './events';
import { BRIDGE_PATH, rewriteIndexHtml, send, serveFile } from './static-files';
import { encodeWire } from './wire';

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const DEFAULT_RENDERER_DIR = path.join(REPO_ROOT, 'out/renderer');
const MAX_BODY_BYTES = 1024 * 1024;

export interface PreviewOptions {
  /** 0 (a free port) by default. */
  port?: number;
  /** The built renderer (`npx electron-vite build`); out/renderer by default. */
  rendererDir?: string;
  /** A running simulator to use; otherwise one is started (and closed with the preview). */
  sim?: Simulator;
  /** The "operating system's" language (settings follow it until the person picks one). */
  systemLanguage?: Language;
  /** `darwin` shows ⌘V instead of Ctrl+V. */
  platform?: string;
  invitesPerMinute?: number;
  log?: LogSink;
}

export interface PreviewHandle {
  /** `http://127.0.0.1:<port>/` */
  url: string;
  sim: Simulator;
  /** What the fake Electron edges hold and recorded (notifications, clipboard, …). */
  fakes(): PreviewFakes;
  notifications(): readonly { title: string; body: string }[];
  /** What the next "Scan screen" captures. */
  setScreens(frames: ScreenFrame[]): void;
  setClipboard(content: ClipboardContent): void;
  store(): SettingsStore;
  /** Calls a handler as the page would (e.g. `updateSettings`). */
  invoke<C extends InvokeChannel>(channel: C, payload?: unknown): Promise<IpcResult<InvokeAnswer<C>>>;
  /** A tray command, as main sends it. */
  command(command: AppCommand): void;
  /** A link opened from outside (deep link), as main sends it. */
  openPayload(text: string): void;
  /** Pages connected to the event stream. */
  eventClients(): number;
  /** Fresh settings (fixture room), services, simulator state and fakes — between tests; optionally managed. */
  reset(managed?: ManagedState): void;
  close(): Promise<void>;
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        reject(new Error('request body too large'));
        request.destroy();
      } else chunks.push(chunk);
    });
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

export async function startPreview(options: PreviewOptions = {}): Promise<PreviewHandle> {
  const rendererDir = path.resolve(options.rendererDir ?? DEFAULT_RENDERER_DIR);
  const indexPath = path.join(rendererDir, 'index.html');
  if (!existsSync(indexPath))
    throw new Error(`No built renderer at ${indexPath}: run \`npx electron-vite build\` (or \`npm run build:app\`) first.`);
  const ownSim = options.sim === undefined;
  const sim = options.sim ?? (await startSimulator());
  const hub = createEventHub();
  let fakes = freshFakes();
  const backend = createPreviewBackend({
    sim,
    emit: (channel, payload) => hub.emit(channel, payload),
    fakes: () => fakes,
    systemLanguage: options.systemLanguage ?? 'en',
    platform: options.platform ?? process.platform,
    ...(options.invitesPerMinute ? { invitesPerMinute: options.invitesPerMinute } : {}),
    ...(options.log ? { log: options.log } : {}),
  });
  await bridgeScript(); // fail at start, not at the first page load

  let origin = '';
  /** `127.0.0.1:<port>` and `localhost:<port>`, once the port is known. */
  let ownHosts = new Set<string>();
  async function invoke(request: IncomingMessage, response: ServerResponse): Promise<void> {
    // Only our own page may call: another local page must not invite rooms through the preview.
    const from = request.headers.origin;
    if ((from !== undefined && from !== origin) || !request.headers['content-type']?.startsWith('application/json')) {
      send(response, 403, 'forbidden');
      return;
    }
    const body = JSON.parse(await readBody(request)) as { channel?: unknown; payload?: unknown };
    if (!isInvokeChannel(body.channel)) {
      send(response, 404, 'unknown channel');
      return;
    }
    send(response, 200, encodeWire(await backend.api().invoke(body.channel, body.payload)), 'application/json');
  }

  async function route(request: IncomingMessage, response: ServerResponse): Promise<void> {
    // A DNS-rebinding page reaches this port under its own host name: only ours are answered.
    if (!ownHosts.has(request.headers.host ?? '')) return send(response, 421, 'misdirected request');
    const { pathname } = new URL(request.url ?? '/', origin);
    if (request.method === 'POST' && pathname === '/__bridge/invoke') return invoke(request, response);
    if (request.method !== 'GET' && request.method !== 'HEAD') return send(response, 405, 'method not allowed');
    if (pathname === '/__bridge/events') return hub.attach(response);
    if (pathname === BRIDGE_PATH) return send(response, 200, await bridgeScript(), 'text/javascript; charset=utf-8');
    // Read on every request, so a rebuilt renderer shows on reload.
    if (pathname === '/' || pathname === '/index.html')
      return send(response, 200, rewriteIndexHtml(readFileSync(indexPath, 'utf8')), 'text/html; charset=utf-8');
    return serveFile(rendererDir, pathname, response);
  }

  const server = createServer((request, response) => {
    route(request, response).catch((error: unknown) => {
      if (!response.headersSent) send(response, 500, error instanceof Error ? error.message : String(error));
      else response.destroy();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen({ port: options.port ?? 0, host: '127.0.0.1' }, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  origin = `http://127.0.0.1:${port}`;
  ownHosts = new Set([`127.0.0.1:${port}`, `localhost:${port}`]);

  return {
    url: `${origin}/`,
    sim,
    fakes: () => fakes,
    notifications: () => fakes.notifications,
    setScreens: (frames) => {
      fakes.screens = frames;
    },
    setClipboard: (content) => {
      fakes.clipboard = content;
    },
    store: () => backend.store(),
    invoke: (channel, payload) => backend.api().invoke(channel, payload),
    command: (command) => hub.emit(EventChannel.command, command),
    openPayload: (text) => hub.emit(EventChannel.openPayload, { text }),
    eventClients: () => hub.clients(),
    reset(managed) {
      fakes = freshFakes();
      sim.clearInvites();
      sim.clearFaults();
      sim.setAdminSwitch(true);
      backend.reset(managed);
    },
    async close() {
      hub.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      backend.close();
      if (ownSim) await sim.close();
    },
  };
}
