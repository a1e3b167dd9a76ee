/**
 * Main → page events over Server-Sent Events: each event is one `data:` line holding
 * `{"channel", "payload"}`; the bridge dispatches them to the listeners of that channel.
 */
import type { ServerResponse } from 'node:http';
import { encodeWire } from './wire';

const KEEP_ALIVE_MS = 15_000;

export interface EventHub {
  /** Takes over an HTTP response as an event stream. */
  attach(response: ServerResponse): void;
  emit(channel: string, payload: unknown): void;
  /** Open streams (tests wait for the page's). */
  clients(): number;
  close(): void;
}

export function createEventHub(): EventHub {
  const streams = new Set<ServerResponse>();
  const keepAlive = setInterval(() => {
    for (const stream of streams) stream.write(': keep-alive\n\n');
  }, KEEP_ALIVE_MS);
  keepAlive.unref();
  return {
    attach(response) {
      response.writeHead(200, {
        'Content-Type': 'text/event-stream; charset=utf-8',
        'Cache-Control': 'no-store',
        Connection: 'keep-alive',
      });
      // A first comment flushes the headers, so the page's EventSource reports "open" at once.
      response.write(': connected\n\n');
      streams.add(response);
      response.on('close', () => streams.delete(response));
    },
    emit(channel, payload) {
      const line = `data: ${encodeWire({ channel, payload })}\n\n`;
      for (const stream of streams) stream.write(line);
    },
    clients: () => streams.size,
    close() {
      clearInterval(keepAlive);
      for (const stream of streams) stream.end();
      streams.clear();
    },
  };
}
