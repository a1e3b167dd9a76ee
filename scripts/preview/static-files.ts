/**
 * Serving the built renderer (out/renderer) read-only, plus the rewritten index.html: the
 * preview allows `connect-src 'self'` (the bridge talks to this server) and loads the bridge
 * script before the app's. Everything else in the CSP stays as strict as in the app.
 */
import { readFile } from 'node:fs/promises';
import type { ServerResponse } from 'node:http';
import path from 'node:path';

export const BRIDGE_PATH = '/preview-bridge.js';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.map': 'application/json',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
};

/** The app's index.html as the preview serves it. Throws when the CSP is not the expected one. */
export function rewriteIndexHtml(html: string): string {
  if (!html.includes("connect-src 'none'")) throw new Error("renderer index.html has no connect-src 'none' to relax");
  const scriptAt = html.indexOf('<script');
  if (scriptAt < 0) throw new Error('renderer index.html has no script');
  const relaxed = html.replace("connect-src 'none'", "connect-src 'self'");
  const at = relaxed.indexOf('<script');
  // Module scripts run in document order: the bridge defines window.qrRoomInvite before the app reads it.
  return `${relaxed.slice(0, at)}<script type="module" src="${BRIDGE_PATH}"></script>\n    ${relaxed.slice(at)}`;
}

export function send(response: ServerResponse, status: number, body: string | Buffer, type = 'text/plain; charset=utf-8'): void {
  response.writeHead(status, { 'Content-Type': type, 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff' });
  response.end(body);
}

/** Serves `urlPath` from `root`; never outside it. */
export async function serveFile(root: string, urlPath: string, response: ServerResponse): Promise<void> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    send(response, 400, 'bad path');
    return;
  }
  const file = path.resolve(root, `.${path.posix.normalize(decoded)}`);
  if (file !== root && !file.startsWith(`${root}${path.sep}`)) {
    send(response, 403, 'forbidden');
    return;
  }
  try {
    const body = await readFile(file);
    send(response, 200, body, TYPES[path.extname(file)] ?? 'application/octet-stream');
  } catch {
    send(response, 404, 'not found');
  }
}
