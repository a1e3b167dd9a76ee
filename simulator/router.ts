/**
 * How a request finds its handler. The simulator is a list of routes tried in order; the first
 * whose `matches` accepts the URL answers. Extension point: a new API family (e.g. conference
 * control: tokens, realTimeInfo, App ID auth) is a module exporting a function that takes the
 * shared `SimulatorState`/`ServerLifecycle` and returns a `SimulatorRoute`; add it to the list
 * built in `server.ts` (`buildRoutes`). Test-only switches belong in the `/__sim/*` table of
 * `control-routes.ts` instead. WebSocket upgrades do not pass through here (Node emits them as
 * the server's `upgrade` event), so such a module attaches to the server in `startSimulator`.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { pickLanguage, SIM_ERRORS } from './errors';
import { header, RATE_LIMIT_HEADER, RATE_LIMIT_OK, requestIdFor, sendError } from './http';

/** One request and its answer, with what the server settled before routing. */
export interface Exchange {
  req: IncomingMessage;
  res: ServerResponse;
  /** The request URL, resolved against a placeholder origin (only path and query matter). */
  url: URL;
  /** Already sent as `X-Request-Id`; routes put it in their records. */
  requestId: string;
}

export interface SimulatorRoute {
  /** For messages and debugging only. */
  readonly name: string;
  matches(url: URL): boolean;
  /** Answers the request (or deliberately does not, for a `hang` fault). */
  handle(exchange: Exchange): Promise<void>;
}

/**
 * Answers one request: the gateway's headers first (Huawei's gateway adds both to every answer,
 * errors and unknown paths included), then the first matching route, or the gateway's own
 * "no such API" answer.
 */
export async function serve(routes: readonly SimulatorRoute[], req: IncomingMessage, res: ServerResponse): Promise<void> {
  const requestId = requestIdFor(req);
  res.setHeader('X-Request-Id', requestId);
  res.setHeader(RATE_LIMIT_HEADER, RATE_LIMIT_OK);
  const url = new URL(req.url ?? '/', 'https://simulator.invalid');
  const route = routes.find((r) => r.matches(url));
  if (route) {
    await route.handle({ req, res, url, requestId });
    return;
  }
  req.resume();
  sendError(res, SIM_ERRORS.apiNotFound, pickLanguage(header(req, 'accept-language')));
}
