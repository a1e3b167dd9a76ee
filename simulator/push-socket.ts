/**
 * Door A's push socket (docs/api.md, "Push instead of polling"): `wss://…/cms/open/websocket/
 * confctl/increment/conn?confID=…&tmpToken=…` with a one-use WebSocket token. After a
 * `Subscribe` carrying a live conference token it sends the full participant list, then every
 * change as `ParticipantsNotify` (incremental), `InviteResultNotify` and, when the meeting ends,
 * `ConfDynamicInfoNotify` (state `Destroyed`) before closing. `HeartBeat` frames are echoed.
 * Upgrades do not pass through the router: `attachPushSocket` listens to the server's `upgrade`.
 */
import type { IncomingMessage } from 'node:http';
import type https from 'node:https';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import type { CallEvent, Participant } from './calls';
import type { ControlState } from './control-state';

export const PUSH_PATH = '/cms/open/websocket/confctl/increment/conn';

function pinfo(participant: Participant, left: boolean) {
  return {
    pid: participant.participantID,
    mode: left ? 1 : 0,
    pinfoMap: { NAME: participant.name, TEL: participant.phone, STATE: String(participant.state) },
  };
}

function refuse(socket: Duplex, status: string): void {
  socket.end(`HTTP/1.1 ${status}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
}

function parseFrame(data: unknown): Record<string, unknown> | null {
  try {
    const text = Buffer.isBuffer(data) ? data.toString('utf8') : String(data);
    const json: unknown = JSON.parse(text);
    return json && typeof json === 'object' ? (json as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/** The subscription's `data`: Huawei's example sends it as JSON text; an object is accepted too. */
function subscription(data: unknown): { conferenceID?: unknown; confToken?: unknown; subscribeType?: unknown } | null {
  const value = typeof data === 'string' ? parseFrame(data) : data;
  return value && typeof value === 'object' ? value : null;
}

export function attachPushSocket(server: https.Server, control: ControlState): { close(): void } {
  const wss = new WebSocketServer({ noServer: true, maxPayload: 64 * 1024 });

  function serveSocket(ws: WebSocket, conferenceID: string): void {
    let unsubscribe: (() => void) | undefined;
    const send = (frame: object) => {
      if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(frame));
    };
    const onEvent = (event: CallEvent) => {
      if (event.conferenceID !== conferenceID) return;
      if (event.kind === 'participant') {
        send({ action: 'ParticipantsNotify', msgMode: 1, data: [pinfo(event.participant, event.left)] });
      } else if (event.kind === 'invite-result') {
        send({ action: 'InviteResultNotify', data: [{ callNumber: event.callNumber, errorCode: event.resultCode }] });
      } else {
        send({ action: 'ConfDynamicInfoNotify', msgMode: 1, data: { confState: 'Destroyed' } });
        ws.close(1000, 'meeting ended');
      }
    };
    ws.on('message', (data) => {
      const frame = parseFrame(data);
      if (frame?.action === 'HeartBeat') {
        send({ action: 'HeartBeat', sequence: frame.sequence });
      } else if (frame?.action === 'Subscribe' && !unsubscribe) {
        const wanted = subscription(frame.data);
        const token = typeof wanted?.confToken === 'string' ? wanted.confToken : undefined;
        if (wanted?.conferenceID !== conferenceID || !control.checkConferenceToken(token, conferenceID)) {
          ws.close(4001, 'authentication failed');
          return;
        }
        unsubscribe = control.calls.subscribe(onEvent);
        const everyone = control.calls.participants(conferenceID).map((p) => pinfo(p, false));
        send({ action: 'ParticipantsNotify', msgMode: 0, data: everyone });
      }
    });
    ws.on('close', () => unsubscribe?.());
  }

  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    const url = new URL(req.url ?? '/', 'https://simulator.invalid');
    if (url.pathname !== PUSH_PATH) {
      refuse(socket, '404 Not Found');
      return;
    }
    control.count('websocket');
    const conferenceID = url.searchParams.get('confID') ?? '';
    const tmpToken = url.searchParams.get('tmpToken') ?? '';
    if (control.pushRefused || !control.takeWsToken(tmpToken, conferenceID) || control.calls.isEnded(conferenceID)) {
      refuse(socket, '403 Forbidden');
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => serveSocket(ws, conferenceID));
  });

  return {
    close() {
      for (const client of wss.clients) client.terminate();
      wss.close();
    },
  };
}
