/**
 * Answers are capped at 64 KB (security review, finding 4): a real HTTPS server that streams an
 * endless body (or announces a huge one) after the invite was sent. The client stops reading at
 * the cap, long before its timeout, and says the outcome is unknown — the invite was sent.
 */
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMeetingClient } from '../../core/api/meeting-client';
import { MAX_RESPONSE_BYTES } from '../../core/api/response-limit';
import { ClientCode, lookupError } from '../../shared/errors';
import { createCertificate } from '../../simulator/certificate';
import { FIXTURE_GUEST_PASSWORD, FIXTURE_MEETING_ID, FIXTURE_TERMINAL } from '../../simulator/fixture';

type Mode = 'endless' | 'declared-huge' | 'small';
let server: Server;
let ca: string;
let baseUrl: string;
let mode: Mode = 'endless';
/** Bytes of body the server managed to write before the client went away. */
let written = 0;
let requests = 0;

beforeAll(async () => {
  const certificate = await createCertificate();
  ca = certificate.ca;
  server = createServer({ key: certificate.key, cert: certificate.cert }, (request, response) => {
    requests += 1;
    request.resume();
    request.on('end', () => {
      if (mode === 'small') {
        response.writeHead(200, { 'content-type': 'application/json' }).end('{}');
        return;
      }
      response.writeHead(200, {
        'content-type': 'application/json',
        ...(mode === 'declared-huge' ? { 'content-length': String(10 * 1024 * 1024 * 1024) } : {}),
      });
      const chunk = Buffer.alloc(16 * 1024, 0x20);
      // Writes for as long as the client reads: an endless answer.
      const pump = () => {
        while (!response.destroyed && response.write(chunk)) written += chunk.length;
        if (!response.destroyed) response.once('drain', pump);
      };
      response.on('close', () => response.removeAllListeners('drain'));
      pump();
    });
  });
  server.on('tlsClientError', () => undefined);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => {
  server.closeAllConnections();
  server.close();
});

function invite() {
  const client = createMeetingClient({ baseUrl, extraCaPem: ca, userAgent: 'test', timeoutMs: 15_000, sleep: () => Promise.resolve() });
  return client.inviteWithPwd({ meetingId: FIXTURE_MEETING_ID, password: FIXTURE_GUEST_PASSWORD, callNum: FIXTURE_TERMINAL });
}

describe('response size limit', () => {
  it.each<Mode>(['endless', 'declared-huge'])(
    'stops reading a %s answer at 64 KB, well before the timeout, outcome unknown, not retried',
    async (which) => {
      mode = which;
      written = 0;
      requests = 0;
      const started = Date.now();
      const result = await invite();
      expect(Date.now() - started).toBeLessThan(5_000);
      expect(result).toMatchObject({
        ok: false,
        attempts: 1,
        error: { code: ClientCode.responseTooLarge, outcome: 'unknown', status: 200 },
      });
      expect(requests).toBe(1);
      // The client hung up near the cap (socket buffers aside), not after gigabytes.
      expect(written).toBeLessThan(8 * 1024 * 1024);
      expect(lookupError(ClientCode.responseTooLarge).retrySafe).toBe(false);
    },
  );

  it('reads a normal answer', async () => {
    mode = 'small';
    expect(await invite()).toMatchObject({ ok: true, status: 200 });
    expect(MAX_RESPONSE_BYTES).toBe(64 * 1024);
  });
});
