/**
 * The `/__sim/*` control endpoints a test or a person uses to steer a running simulator (the
 * record, the fault plan, the admin switch). They answer loopback clients only, so the
 * simulator can never be steered from another machine. Extension point: a new switch is one
 * more `ControlEndpoint` (method, path, handler) in `coreControlEndpoints` or in a list of its
 * own passed to `controlRoute`; the 404/405 answers follow from the table.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { z } from 'zod';
import { FaultPlanSchema } from './faults';
import { readBody, sendEmpty, sendJson } from './http';
import { parseJson } from './invite';
import type { SimulatorRoute } from './router';
import type { SimulatorState } from './state';

export const CONTROL_PREFIX = '/__sim/';

export interface ControlEndpoint {
  method: 'GET' | 'PUT' | 'POST' | 'DELETE';
  /** The full path, starting with `/__sim/`. */
  path: string;
  /**
   * Answers the request. A handler that does not read the body must `req.resume()` it, or a
   * client still sending one would wait on a full socket buffer.
   */
  handle(req: IncomingMessage, res: ServerResponse): Promise<void> | void;
}

const AdminSwitchSchema = z.strictObject({ on: z.boolean() });

function isLoopbackAddress(address: string | undefined): boolean {
  if (!address) return false;
  return address === '::1' || /^(?:::ffff:)?127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/u.test(address);
}

/** The body as JSON; `undefined` when it is not JSON or too large (the schema then refuses it). */
export async function readJsonControl(req: IncomingMessage): Promise<unknown> {
  const raw = await readBody(req);
  return raw === null ? undefined : parseJson(raw);
}

export function controlError(res: ServerResponse, status: number, message: string): void {
  sendJson(res, status, { error_code: 'SIM.BAD_CONTROL_REQUEST', error_msg: message });
}

/** A handler that ignores the body: drains it, then answers. */
function bodiless(answer: (res: ServerResponse) => void): ControlEndpoint['handle'] {
  return (req, res) => {
    req.resume();
    answer(res);
  };
}

/** A handler for a JSON body checked by `schema`; an invalid one gets 400 with zod's explanation. */
function withJson<T>(schema: z.ZodType<T>, apply: (value: T, res: ServerResponse) => void): ControlEndpoint['handle'] {
  return async (req, res) => {
    const result = schema.safeParse(await readJsonControl(req));
    if (!result.success) {
      controlError(res, 400, z.prettifyError(result.error));
      return;
    }
    apply(result.data, res);
  };
}

/** The record, the fault plan and the admin switch. */
export function coreControlEndpoints(state: SimulatorState): ControlEndpoint[] {
  return [
    { method: 'GET', path: '/__sim/health', handle: bodiless((res) => sendJson(res, 200, { status: 'ok' })) },
    { method: 'GET', path: '/__sim/invites', handle: bodiless((res) => sendJson(res, 200, state.records)) },
    {
      method: 'DELETE',
      path: '/__sim/invites',
      handle: bodiless((res) => {
        state.records.length = 0;
        sendEmpty(res, 204);
      }),
    },
    { method: 'GET', path: '/__sim/faults', handle: bodiless((res) => sendJson(res, 200, state.faults.current())) },
    {
      method: 'PUT',
      path: '/__sim/faults',
      handle: withJson(FaultPlanSchema, (plan, res) => {
        state.faults.set(plan);
        sendEmpty(res, 204);
      }),
    },
    {
      method: 'DELETE',
      path: '/__sim/faults',
      handle: bodiless((res) => {
        state.faults.clear();
        sendEmpty(res, 204);
      }),
    },
    { method: 'GET', path: '/__sim/admin-switch', handle: bodiless((res) => sendJson(res, 200, { on: state.adminSwitch })) },
    {
      method: 'PUT',
      path: '/__sim/admin-switch',
      handle: withJson(AdminSwitchSchema, ({ on }, res) => {
        state.adminSwitch = on;
        sendEmpty(res, 204);
      }),
    },
  ];
}

/** Every `/__sim/*` request: loopback check, then the endpoint of that method and path. */
export function controlRoute(endpoints: readonly ControlEndpoint[]): SimulatorRoute {
  return {
    name: 'control',
    matches: (url) => url.pathname.startsWith(CONTROL_PREFIX),
    async handle({ req, res, url }) {
      if (!isLoopbackAddress(req.socket.remoteAddress)) {
        req.resume();
        controlError(res, 403, 'Control endpoints answer loopback clients only');
        return;
      }
      const endpoint = endpoints.find((e) => e.method === req.method && e.path === url.pathname);
      if (endpoint) {
        await endpoint.handle(req, res);
        return;
      }
      req.resume();
      if (endpoints.some((e) => e.path === url.pathname)) controlError(res, 405, `${req.method ?? ''} is not allowed on ${url.pathname}`);
      else controlError(res, 404, `No control endpoint ${url.pathname}`);
    },
  };
}
