/**
 * The preview server answers only under its own host names (security review, finding 8): a
 * DNS-rebinding page (`http://attacker.example:<port>/` resolving to 127.0.0.1) must not read
 * main's events (meeting IDs, SIP numbers) or call the bridge. Raw HTTP with a chosen Host.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPreview, type PreviewHandle } from '../../scripts/preview/server';

let preview: PreviewHandle;
let port = 0;

beforeAll(async () => {
  // A minimal renderer: the server only needs an index.html with the app's CSP and a script.
  const dir = mkdtempSync(join(tmpdir(), 'qrri-host-'));
  writeFileSync(
    join(dir, 'index.html'),
    `<!doctype html><meta http-equiv="Content-Security-Policy" content="default-src 'none'; connect-src 'none'"><script type="module" src="./app.js"></script>`,
  );
  preview = await startPreview({ rendererDir: dir });
  port = Number(new URL(preview.url).port);
});
afterAll(() => preview.close());

/** Status of a raw request with the given Host header (the body is not waited for). */
function statusWithHost(host: string, path: string, method = 'GET'): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, method, headers: { host, 'content-type': 'application/json' } }, (res) => {
      resolve(res.statusCode ?? 0);
      res.destroy();
    });
    req.on('error', reject);
    req.end(method === 'POST' ? JSON.stringify({ channel: 'getSettings' }) : undefined);
  });
}

describe('preview server Host check', () => {
  it.each([
    ['attacker.example', '/__bridge/events'],
    [`attacker.example:${'PORT'}`, '/__bridge/events'],
    [`attacker.example:${'PORT'}`, '/'],
    ['127.0.0.1', '/__bridge/events'],
    [`127.0.0.1:1`, '/__bridge/events'],
  ])('refuses Host %s on %s with 421', async (host, path) => {
    expect(await statusWithHost(host.replace('PORT', String(port)), path)).toBe(421);
    expect(preview.eventClients()).toBe(0);
  });

  it('refuses a bridge call under a foreign Host with 421', async () => {
    expect(await statusWithHost(`attacker.example:${port}`, '/__bridge/invoke', 'POST')).toBe(421);
  });

  it.each(['127.0.0.1', 'localhost'])('answers under %s:<port>', async (name) => {
    expect(await statusWithHost(`${name}:${port}`, '/')).toBe(200);
    expect(await statusWithHost(`${name}:${port}`, '/__bridge/events')).toBe(200);
  });
});
