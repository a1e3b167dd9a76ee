/**
 * The UI is served from `app://qr-room-invite/` rather than file://: a real origin lets the
 * permission handler and the IPC gate recognise our page, lets module workers load (Chromium
 * refuses them from file://), and carries the Content-Security-Policy as a header too.
 */
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import type { Protocol } from 'electron';
import { CONTENT_SECURITY_POLICY } from '../shared/csp';

export const APP_SCHEME = 'app';
export const APP_HOST = 'qr-room-invite';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;

export { CONTENT_SECURITY_POLICY };

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
  '.wasm': 'application/wasm',
};

/**
 * `scheme://host[:port]` of a URL. Node's URL gives "null" as the origin of non-special schemes
 * such as app://, so the origin is rebuilt from its parts.
 */
export function originOf(url: string): string | null {
  try {
    const parsed = new URL(url);
    return parsed.host ? `${parsed.protocol}//${parsed.host}` : null;
  } catch {
    return null;
  }
}

/** A request path whose %-escapes do not decode (`/%E0%A4%A`): answered 400. */
export const BAD_REQUEST: unique symbol = Symbol('bad request');

/**
 * Maps a request URL to a file under `root`: null for anything outside it or another host,
 * BAD_REQUEST for a path that does not decode.
 */
export function resolveAppFile(requestUrl: string, root: string): string | null | typeof BAD_REQUEST {
  let url: URL;
  let relative: string;
  try {
    url = new URL(requestUrl);
  } catch {
    return null;
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) return null;
  try {
    relative = decodeURIComponent(url.pathname === '/' ? '/index.html' : url.pathname);
  } catch {
    return BAD_REQUEST;
  }
  const file = normalize(join(root, relative));
  return file.startsWith(root.endsWith(sep) ? root : root + sep) ? file : null;
}

/** Answers app:// requests from the built renderer folder. */
export function setupAppProtocol(protocol: Pick<Protocol, 'handle'>, root: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const file = resolveAppFile(request.url, root);
    if (file === BAD_REQUEST) return new Response('Bad request', { status: 400 });
    if (!file) return new Response('Not found', { status: 404 });
    try {
      const body = await readFile(file);
      return new Response(body, {
        headers: {
          'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
          'content-security-policy': CONTENT_SECURITY_POLICY,
          'x-content-type-options': 'nosniff',
        },
      });
    } catch {
      return new Response('Not found', { status: 404 });
    }
  });
}

/** Call before `app.whenReady()`: app:// behaves like a secure, standard origin. */
export const APP_SCHEME_PRIVILEGES = {
  scheme: APP_SCHEME,
  privileges: { standard: true, secure: true, supportFetchAPI: false, corsEnabled: false, stream: false },
} as const;
