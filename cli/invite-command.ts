import type { z } from 'zod';
import { parseArgs } from 'node:util';
import { decodeQrCodesLazily } from '../shared/decode/lazy';
import { ClientCode, lookupError } from '../shared/errors';
import type { InviteResult } from '../shared/invite-result';
import { parsePayload } from '../shared/payload/index';
import { printableText } from '../shared/printable';
import { REDACTED } from '../shared/redact';
import {
  MeetingIdSchema,
  NumberTypeSchema,
  OrgIdSchema,
  PasswordSchema,
  SipNumberSchema,
  describeIssues,
  type Meeting,
  type Terminal,
} from '../shared/schemas';
import type { CallStatus } from '../shared/call-status';
import { selectedRoom } from '../shared/settings';
import type { Language } from '../shared/schemas';
import { createMeetingClient } from '../core/api/meeting-client';
import { userAgent } from '../core/app-info';
import { DEFAULT_WAIT_SECONDS } from '../core/call-status/service';
import { createInviteService } from '../core/invite-service';
import type { Logger } from '../core/log';
import {
  CALL_COMMAND_OPTIONS,
  callStatusService,
  checkCallOptions,
  readStatusCredentials,
  reportStatus,
  type StatusCredentials,
} from './call-status-options';
import { resolveConnection, verboseLogger, type Connection } from './connection';
import { Exit, UsageError, type CliIo, type ExitCode } from './io';
import { loadImageFile } from './load-image';

const OPTIONS = {
  ...CALL_COMMAND_OPTIONS,
  image: { type: 'string' },
  org: { type: 'string' },
  'number-type': { type: 'string' },
  wait: { type: 'string' },
  'password-stdin': { type: 'boolean' },
  // Declared only to refuse it with a message naming the safe ways.
  password: { type: 'string' },
  'dry-run': { type: 'boolean' },
} as const;

const MAX_WAIT_SECONDS = 600;

/** `--wait [seconds]`: parseArgs has no optional values, so a bare --wait gets the default here. */
function withWaitValue(args: readonly string[]): string[] {
  return args.flatMap((arg, i) => {
    if (arg !== '--wait') return [arg];
    const next = args[i + 1];
    return next !== undefined && /^\d+$/u.test(next) ? [arg] : [`--wait=${DEFAULT_WAIT_SECONDS}`];
  });
}

function parseWait(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const seconds = Number(value);
  if (!Number.isInteger(seconds) || seconds < 1 || seconds > MAX_WAIT_SECONDS)
    throw new UsageError(`--wait must be a whole number of seconds (1–${MAX_WAIT_SECONDS})`);
  return seconds;
}

/** Parses one value with a shared schema, or stops with a usage error naming the option. */
function parseWith<T>(schema: z.ZodType<T>, value: string, option: string): T {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new UsageError(`${option}: ${describeIssues(parsed.error)}`);
  return parsed.data;
}

/** The meeting (and maybe terminal) of the first meaningful code in an image. */
async function readImage(file: string): Promise<{ meeting?: Meeting; terminal?: Terminal }> {
  const codes = await decodeQrCodesLazily(await loadImageFile(file));
  if (codes.length === 0) throw new UsageError(`${file}: no QR code found in the image`);
  const parsed = codes.map((c) => parsePayload(c.text));
  const useful = parsed.find((p) => p.kind === 'meeting' || p.kind === 'both') ?? parsed.find((p) => p.kind === 'terminal');
  if (!useful) {
    const first = parsed[0];
    throw new UsageError(`${file}: ${first?.kind === 'unknown' ? printableText(first.reason.en) : 'no meeting QR code found'}`);
  }
  return {
    ...(useful.kind === 'terminal' ? {} : { meeting: useful.meeting }),
    ...(useful.kind === 'meeting' ? {} : { terminal: useful.terminal }),
  };
}

async function readPassword(values: { 'password-stdin'?: boolean }, io: CliIo): Promise<string | undefined> {
  let raw: string | undefined;
  if (values['password-stdin']) raw = (await io.readStdin()).replace(/\r?\n$/u, '');
  else if (io.env.QRRI_PASSWORD) raw = io.env.QRRI_PASSWORD;
  // The value itself is never echoed, even when invalid.
  return raw === undefined ? undefined : parseWith(PasswordSchema, raw, 'password');
}

function exitCodeOf(result: InviteResult): ExitCode {
  if (result.ok) return Exit.ok;
  const { code, status, outcome } = result.error;
  if (code === ClientCode.invalidInput || code === ClientCode.missingPassword || code === ClientCode.missingTerminal) return Exit.usage;
  return status !== undefined && outcome === 'failed' ? Exit.refused : Exit.network;
}

export async function inviteCommand(args: string[], io: CliIo): Promise<ExitCode> {
  const { values, positionals } = parseArgs({ args: withWaitValue(args), options: OPTIONS, allowPositionals: true });
  // Other users see a command line in the process list (security review, finding 6).
  if (values.password !== undefined) {
    throw new UsageError(
      '--password is not accepted: other users of this computer can read a command line. Give the password with --password-stdin or the QRRI_PASSWORD environment variable',
    );
  }
  checkCallOptions(values);
  const waitSeconds = parseWait(values.wait);
  if (positionals.length > 0) throw new UsageError(`unexpected argument: ${positionals[0]}`);
  if (!values.image === !values.meeting) throw new UsageError('give exactly one of --image <file> or --meeting <id>');

  const fromImage = values.image ? await readImage(values.image) : {};
  const meetingId = values.meeting ? parseWith(MeetingIdSchema, values.meeting, '--meeting') : fromImage.meeting?.id;
  if (!meetingId) throw new UsageError(`${values.image}: the QR code is a room, not a meeting; use --meeting <id>`);
  const password = (await readPassword(values, io)) ?? fromImage.meeting?.password;

  let terminal: Terminal | undefined = fromImage.terminal;
  if (values.to) {
    terminal = {
      callNum: parseWith(SipNumberSchema, values.to, '--to'),
      ...(values.org ? { orgId: parseWith(OrgIdSchema, values.org, '--org') } : {}),
      ...(values['number-type'] ? { numberType: parseWith(NumberTypeSchema, values['number-type'], '--number-type') } : {}),
    };
  } else if (values.org || values['number-type']) {
    throw new UsageError('--org and --number-type need --to <SIP number>');
  }

  const connection = resolveConnection(values, io);
  const { store, baseUrl, extraCaPem, timeoutSeconds, language } = connection;
  // A QR code that carries the host password (role host) opens door A too.
  const credentials =
    waitSeconds === undefined
      ? undefined
      : await readStatusCredentials(values, io, fromImage.meeting?.passwordRole === 'host' ? fromImage.meeting.password : undefined);

  const logger = verboseLogger(values.verbose, io);
  const client = createMeetingClient({
    baseUrl,
    timeoutMs: timeoutSeconds * 1000,
    language,
    userAgent: userAgent('cli'),
    logger,
    ...(extraCaPem ? { extraCaPem } : {}),
  });
  const service = createInviteService({ client, store, logger, baseUrl: () => baseUrl });
  const request = { meeting: { id: meetingId, ...(password ? { password } : {}) }, ...(terminal ? { terminal } : {}) };
  const siteHint = fromImage.meeting?.site;
  const result = await service.invite(request, { dryRun: values['dry-run'] === true, ...(siteHint ? { site: siteHint } : {}) });

  if (result.ok === 'dry-run') {
    // The meeting client describes the request it would send; the password never leaves redacted.
    const preview = { dryRun: true, ...client.describeInvite({ ...result.call, password: REDACTED }, '<fresh UUID per request>') };
    io.out(JSON.stringify(preview, null, 2));
    return Exit.ok;
  }
  const exit = exitCodeOf(result);
  if (exit === Exit.usage && !result.ok) {
    const hint =
      result.error.code === ClientCode.missingPassword
        ? 'missing password: the QR code has none and none is remembered; give it with --password-stdin or QRRI_PASSWORD'
        : result.error.code === ClientCode.missingTerminal
          ? 'missing room: give --to <SIP number>, or select a room in the app'
          : `invalid input: ${result.error.detail ?? ''}`;
    throw new UsageError(hint);
  }
  if (!result.ok || credentials === undefined || waitSeconds === undefined) {
    printResult(result, meetingId, language, values.json === true, io);
    return exit;
  }
  // Accepted: the outcome is known now; with --wait, follow the call (docs/api.md, "After the invite").
  if (values.json !== true) printResult(result, meetingId, language, false, io);
  const callNum = terminal?.callNum ?? selectedRoom(connection.settings)?.callNum ?? '';
  const status = await followCall(
    connection,
    { meetingId, callNum, roomName: roomNameFor(connection, callNum) },
    { credentials, waitSeconds, logger },
  );
  return reportStatus(status, { json: values.json === true, language, fields: { ok: true, requestId: result.requestId } }, io);
}

function roomNameFor(connection: Connection, callNum: string): string {
  return connection.settings.rooms.find((room) => room.callNum === callNum)?.name ?? callNum;
}

async function followCall(
  connection: Connection,
  target: { meetingId: string; callNum: string; roomName: string },
  options: { credentials: StatusCredentials; waitSeconds: number; logger: Logger },
): Promise<CallStatus> {
  const service = callStatusService(connection, options.credentials.app, options.logger);
  const follow = await service.follow({
    target,
    hostPassword: options.credentials.hostPassword,
    waitSeconds: options.waitSeconds,
    untilLeft: false,
  });
  return follow.done;
}

function printResult(result: InviteResult, meetingId: string, language: Language, json: boolean, io: CliIo): void {
  if (result.ok) {
    if (json) io.out(JSON.stringify({ ok: true, requestId: result.requestId }));
    else io.out(`Invited: meeting ${meetingId} is calling the room (HTTP ${result.status}, request ID ${result.requestId}).`);
    return;
  }
  const { error } = result;
  const entry = lookupError(error.code);
  const message = error.serverMessage ?? entry.title.en;
  if (json) {
    io.out(
      JSON.stringify({
        ok: false,
        status: error.status ?? null,
        code: error.code,
        message,
        requestId: error.requestId ?? null,
        outcome: error.outcome,
      }),
    );
    return;
  }
  io.err(`Error: ${entry.title[language]}${error.serverMessage ? ` (${error.serverMessage})` : ''}`);
  io.err(`What to do: ${entry.action[language]}`);
  const details = [
    error.status === undefined ? 'no HTTP response' : `HTTP ${error.status}`,
    `code ${error.code}`,
    error.requestId ? `request ID ${error.requestId}` : undefined,
    error.detail,
    `outcome ${error.outcome}`,
  ].filter(Boolean);
  io.err(`Details: ${details.join(', ')}`);
}
