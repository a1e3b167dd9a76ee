/**
 * `/__sim/*` switches for doors A and B: the hang-ups received, the control calls counted, a
 * terminal that leaves, a meeting that ends, the push socket refused, the server's clock moved
 * ahead, the terminals' delays, and a reset between tests.
 */
import type { ServerResponse } from 'node:http';
import { z } from 'zod';
import type { ControlEndpoint } from './control-routes';
import { controlError, readJsonControl } from './control-routes';
import type { ControlState } from './control-state';
import { sendEmpty, sendJson } from './http';

const LeaveSchema = z.strictObject({ conferenceID: z.string().min(1), callNum: z.string().min(1) });
const EndSchema = z.strictObject({ conferenceID: z.string().min(1) });
const PushSchema = z.strictObject({ refused: z.boolean() });
const ClockSchema = z.strictObject({ offsetMs: z.number().int().min(-86_400_000).max(86_400_000) });
const delay = z.number().int().min(0).max(600_000);
const TimingsSchema = z.strictObject({ answerMs: delay.optional(), busyMs: delay.optional(), stayMs: delay.optional() });

function json<T>(schema: z.ZodType<T>, apply: (value: T, res: ServerResponse) => void): ControlEndpoint['handle'] {
  return async (req, res) => {
    const result = schema.safeParse(await readJsonControl(req));
    if (!result.success) controlError(res, 400, z.prettifyError(result.error));
    else apply(result.data, res);
  };
}

export function callControlEndpoints(control: ControlState): ControlEndpoint[] {
  return [
    {
      method: 'GET',
      path: '/__sim/hangups',
      handle: (req, res) => {
        req.resume();
        sendJson(res, 200, control.calls.hangUps);
      },
    },
    {
      method: 'GET',
      path: '/__sim/control-calls',
      handle: (req, res) => {
        req.resume();
        sendJson(res, 200, Object.fromEntries(control.callCounts));
      },
    },
    {
      method: 'POST',
      path: '/__sim/leave',
      handle: json(LeaveSchema, ({ conferenceID, callNum }, res) => {
        if (control.calls.leave(conferenceID, callNum)) sendEmpty(res, 204);
        else controlError(res, 404, `${callNum} is not in meeting ${conferenceID}`);
      }),
    },
    {
      method: 'POST',
      path: '/__sim/end-meeting',
      handle: json(EndSchema, ({ conferenceID }, res) => {
        control.calls.endMeeting(conferenceID);
        sendEmpty(res, 204);
      }),
    },
    {
      method: 'PUT',
      path: '/__sim/push',
      handle: json(PushSchema, ({ refused }, res) => {
        control.pushRefused = refused;
        sendEmpty(res, 204);
      }),
    },
    {
      method: 'PUT',
      path: '/__sim/clock',
      handle: json(ClockSchema, ({ offsetMs }, res) => {
        control.clockOffsetMs = offsetMs;
        sendEmpty(res, 204);
      }),
    },
    {
      method: 'PUT',
      path: '/__sim/call-timings',
      handle: json(TimingsSchema, (timings, res) => {
        control.calls.timings = { ...control.calls.timings, ...timings };
        sendEmpty(res, 204);
      }),
    },
    {
      method: 'DELETE',
      path: '/__sim/calls',
      handle: (req, res) => {
        req.resume();
        control.reset();
        sendEmpty(res, 204);
      },
    },
  ];
}
