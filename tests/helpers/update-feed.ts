/**
 * A local HTTPS update feed in electron-builder's generic-provider layout (`latest-linux.yml`
 * beside the installer), and electron-updater's Linux updater built for plain Node: the same
 * feed reading, version comparison and sha512 check as in the app, with Node's https (trusting
 * the feed's throw-away CA) instead of Electron's net module.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, request, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { AppAdapter } from 'electron-updater/out/AppAdapter';
import { DebUpdater } from 'electron-updater';
import { ElectronHttpExecutor } from 'electron-updater/out/electronHttpExecutor';
import { stringify } from 'yaml';
import { createCertificate } from '../../simulator/certificate';

export interface FeedRelease {
  version: string;
  installer: Buffer;
  /** What latest-linux.yml claims; the installer's real sha512 when absent. */
  sha512?: string;
}

export interface UpdateFeed {
  url: string;
  ca: string;
  /** Every request path, in order. */
  requests: string[];
  publish(release: FeedRelease): void;
  close(): Promise<void>;
}

export const sha512 = (data: Buffer) => createHash('sha512').update(data).digest('base64');

export async function startUpdateFeed(): Promise<UpdateFeed> {
  const tls = await createCertificate();
  let release: FeedRelease | undefined;
  const requests: string[] = [];
  const installerName = () => `qr-room-invite_${release?.version ?? ''}_amd64.deb`;
  const server: Server = createServer({ key: tls.key, cert: tls.cert }, (req, res) => {
    const pathname = new URL(req.url ?? '/', 'https://feed').pathname;
    requests.push(pathname);
    if (release && /^\/updates\/latest(-linux(-arm64)?)?\.yml$/u.test(pathname)) {
      const file = { url: installerName(), sha512: release.sha512 ?? sha512(release.installer), size: release.installer.length };
      res.setHeader('Content-Type', 'text/yaml');
      res.end(
        stringify({
          version: release.version,
          files: [file],
          path: file.url,
          sha512: file.sha512,
          releaseDate: '2026-11-01T00:00:00.000Z',
        }),
      );
    } else if (release && pathname === `/updates/${installerName()}`) {
      res.setHeader('Content-Type', 'application/vnd.debian.binary-package');
      res.end(release.installer);
    } else {
      res.statusCode = 404;
      res.end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `https://127.0.0.1:${port}/updates`,
    ca: tls.ca,
    requests,
    publish: (next) => {
      release = next;
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** electron-updater's HTTP executor with Node's https underneath, trusting `ca` only (TLS verification stays on). */
class NodeHttpExecutor extends ElectronHttpExecutor {
  constructor(private readonly ca: string) {
    super();
  }
  override createRequest(
    options: Record<string, unknown>,
    callback: (response: unknown) => void,
  ): ReturnType<ElectronHttpExecutor['createRequest']> {
    // Node's request has every method HttpExecutor calls (end, abort, on); the type names Electron's.
    return request({ ...options, ca: this.ca }, callback) as unknown as ReturnType<ElectronHttpExecutor['createRequest']>;
  }
}

export interface NodeUpdater {
  updater: DebUpdater;
  cacheDir: string;
  dispose(): void;
}

/** A Debian-package updater of an installed app at `version`, with its cache in a temporary folder. */
export function nodeUpdater(version: string, ca: string): NodeUpdater {
  const dir = mkdtempSync(path.join(tmpdir(), 'qrri-updater-'));
  const appUpdateConfigPath = path.join(dir, 'app-update.yml');
  // What electron-builder writes beside the packaged app; the feed URL itself comes from the settings.
  writeFileSync(
    appUpdateConfigPath,
    stringify({ provider: 'generic', url: 'https://updates.invalid/', updaterCacheDirName: 'qr-room-invite-updater' }),
  );
  const app: AppAdapter = {
    version,
    name: 'QR Room Invite',
    isPackaged: true,
    appUpdateConfigPath,
    userDataPath: dir,
    baseCachePath: dir,
    whenReady: () => Promise.resolve(),
    relaunch: () => undefined,
    quit: () => undefined,
    onQuit: () => undefined,
  };
  const updater = new DebUpdater(null, app);
  (updater as unknown as { httpExecutor: ElectronHttpExecutor }).httpExecutor = new NodeHttpExecutor(ca);
  updater.logger = null;
  return { updater, cacheDir: path.join(dir, 'qr-room-invite-updater'), dispose: () => rmSync(dir, { recursive: true, force: true }) };
}
