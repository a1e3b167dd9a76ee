/**
 * The simulator's extension points, as a new API family would use them: a route module added
 * to the list `serve` tries, and a `/__sim/*` endpoint added to the control table. Plain HTTP on
 * loopback is enough here; TLS, faults and the invite rules are simulator.test.ts's.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { controlRoute, type ControlEndpoint } from '../../simulator/control-routes';
import { RATE_LIMIT_HEADER, RATE_LIMIT_OK, sendJson } from '../../simulator/http';
import { serve, type SimulatorRoute } from '../../simulator/router';

/** A route as a conference-control module would write one: its own path prefix, its own answers. */
const tokenRoute: SimulatorRoute = {
  name: 'token',
  matches: (url) => url.pathname === '/v1/usg/acs/token',
  handle({ req, res, url, requestId }) {
    req.resume();
    sendJson(res, 200, { method: req.method, query: url.searchParams.get('q'), requestId });
    return Promise.resolve();
  },
};

const failingRoute: SimulatorRoute = {
  name: 'failing',
  matches: (url) => url.pathname === '/fails',
  handle: () => Promise.reject(new Error('route bug')),
};

const extraEndpoint: ControlEndpoint = {
  method: 'GET',
  path: '/__sim/meetings',
  handle(req, res) {
    req.resume();
    sendJson(res, 200, { meetings: 3 });
  },
};

let server: http.Server;
let base: string;
const routeErrors: string[] = [];

beforeAll(async () => {
  const routes = [tokenRoute, failingRoute, controlRoute([extraEndpoint])];
  server = http.createServer((req, res) => {
    serve(routes, req, res).catch((error: unknown) => {
      routeErrors.push(error instanceof Error ? error.message : String(error));
      res.destroy();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

async function get(path: string, init: RequestInit = {}): Promise<{ status: number; headers: Headers; json: unknown }> {
  const response = await fetch(`${base}${path}`, init);
  const text = await response.text();
  return { status: response.status, headers: response.headers, json: text ? (JSON.parse(text) as unknown) : null };
}

describe('simulator router: a plugged-in route', () => {
  it('answers its path with the URL and request ID it was given, under the gateway headers', async () => {
    const res = await get('/v1/usg/acs/token?q=1', { headers: { 'X-Request-Id': 'trace-42' } });
    expect(res.status).toBe(200);
    expect(res.json).toEqual({ method: 'GET', query: '1', requestId: 'trace-42' });
    expect(res.headers.get('x-request-id')).toBe('trace-42');
    expect(res.headers.get(RATE_LIMIT_HEADER)).toBe(RATE_LIMIT_OK);
  });

  it('leaves any other path to the gateway\'s "no such API" answer', async () => {
    const res = await get('/v1/usg/acs/other', { headers: { 'Accept-Language': 'zh-CN' } });
    expect(res.status).toBe(404);
    expect(res.json).toEqual({ error_code: 'APIG.0101', error_msg: 'API不存在或未发布到环境' });
    expect(res.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/u);
  });

  it("hands a route's failure to the server (startSimulator answers it with a 500)", async () => {
    await expect(get('/fails')).rejects.toThrow();
    expect(routeErrors).toEqual(['route bug']);
  });
});

describe('simulator router: a control endpoint added to the table', () => {
  it('answers its method and path; another method there is 405, an unknown path 404', async () => {
    expect(await get('/__sim/meetings')).toMatchObject({ status: 200, json: { meetings: 3 } });
    expect(await get('/__sim/meetings', { method: 'DELETE' })).toMatchObject({
      status: 405,
      json: { error_code: 'SIM.BAD_CONTROL_REQUEST' },
    });
    expect(await get('/__sim/nothing')).toMatchObject({
      status: 404,
      json: { error_code: 'SIM.BAD_CONTROL_REQUEST', error_msg: 'No control endpoint /__sim/nothing' },
    });
  });
});
