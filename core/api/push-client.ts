/**
 * Door A's push socket (docs/api.md, "Push instead of polling"), with the `ws` package: connects
 * to `wss://<host of wsURL>/cms/open/websocket/confctl/increment/conn` with a one-use WebSocket
 * token, verifying TLS with the same CAs as the HTTPS calls, subscribes with the conference
 * token (`data` as JSON text, `conferenceID` included as the reference's table requires), and
 * sends a HeartBeat every 60 s (Huawei advises one a minute; the server wants one within 180 s).
 */
import { randomBytes } from 'node:crypto';
import WebSocket from 'ws';
import { silentLogger, type Logger } from '../log';
import { certificateAuthorities } from './https-request';
import { MAX_RESPONSE_BYTES } from './response-limit';

export const PUSH_PATH = '/cms/open/websocket/confctl/increment/conn';
export const HEARTBEAT_MS = 60_000;
export const SUBSCRIBED_MESSAGES = ['ParticipantsNotify', 'InviteResultNotify', 'ConfDynamicInfoNotify'] as const;

export interface PushFrame {
  action: string;
  msgMode?: number;
  data: unknown;
}

export interface PushOptions {
  wsUrl: string;
  meetingId: string;
  wsToken: string;
  confToken: string;
  extraCaPem?: string;
  timeoutMs?: number;
  heartbeatMs?: number;
  logger?: Logger;
  onFrame(frame: PushFrame): void;
  /** The socket closed after it had opened (the meeting ended, the server dropped it). */
  onClose(): void;
}

export interface PushSocket {
  close(): void;
}

/** The socket URL: only the host of `wsURL` is used, the path and query are the API's. */
export function pushUrl(wsUrl: string, meetingId: string, wsToken: string): string {
  const url = new URL(PUSH_PATH, wsUrl.replace(/^https:/u, 'wss:'));
  if (url.protocol !== 'wss:') throw new Error('The push socket must be wss://');
  url.searchParams.set('confID', meetingId);
  url.searchParams.set('tmpToken', wsToken);
  return url.href;
}

/** Opens and subscribes; resolves null when the socket cannot open (the caller polls instead). */
export function openPushSocket(options: PushOptions): Promise<PushSocket | null> {
  const log = (options.logger ?? silentLogger).withSecrets([options.wsToken, options.confToken]);
  return new Promise((resolve) => {
    let url: string;
    try {
      url = pushUrl(options.wsUrl, options.meetingId, options.wsToken);
    } catch (error) {
      log.warn('push socket not opened', { detail: error instanceof Error ? error.message : String(error) });
      resolve(null);
      return;
    }
    const ca = certificateAuthorities(options.extraCaPem);
    const socket = new WebSocket(url, {
      ...(ca ? { ca } : {}),
      handshakeTimeout: options.timeoutMs ?? 15_000,
      maxPayload: MAX_RESPONSE_BYTES,
      followRedirects: false,
    });
    let opened = false;
    let heartbeat: NodeJS.Timeout | undefined;
    const send = (frame: object) => {
      if (socket.readyState === WebSocket.OPEN) socket.send(JSON.stringify(frame));
    };

    socket.on('open', () => {
      opened = true;
      log.info('push socket open', { meetingId: options.meetingId });
      send({
        action: 'Subscribe',
        sequence: randomBytes(12).toString('hex'),
        data: JSON.stringify({ conferenceID: options.meetingId, subscribeType: SUBSCRIBED_MESSAGES, confToken: options.confToken }),
      });
      heartbeat = setInterval(() => send({ action: 'HeartBeat', sequence: String(Date.now()) }), options.heartbeatMs ?? HEARTBEAT_MS);
      resolve({
        close() {
          clearInterval(heartbeat);
          socket.removeAllListeners('close');
          socket.on('error', () => undefined);
          socket.close(1000);
        },
      });
    });
    socket.on('message', (data: Buffer) => {
      try {
        const frame = JSON.parse(data.toString('utf8')) as Partial<PushFrame> | null;
        if (frame && typeof frame.action === 'string')
          options.onFrame({
            action: frame.action,
            data: frame.data,
            ...(typeof frame.msgMode === 'number' ? { msgMode: frame.msgMode } : {}),
          });
      } catch {
        log.warn('push frame ignored: not JSON');
      }
    });
    socket.on('error', (error) => {
      log.warn('push socket error', { detail: error.message });
      if (!opened) resolve(null);
    });
    socket.on('unexpected-response', (_request, response) => {
      log.warn('push socket refused', { status: response.statusCode });
      socket.terminate();
    });
    socket.on('close', () => {
      clearInterval(heartbeat);
      if (opened) options.onClose();
      else resolve(null);
    });
  });
}
