/**
 * The call-status credentials on the command line (docs/api.md, doors A and B): the host
 * password from --host-password-stdin, QRRI_HOST_PASSWORD or the QR code; the App ID from
 * --app-id / QRRI_APP_ID, its key from --app-key-stdin / QRRI_APP_KEY — never a command-line
 * value, which other users can read in the process list. Also prints a status and picks the
 * exit code: 0 joined, 5 not (with the reason), 6 no status source.
 */
import type { CallStatus } from '../shared/call-status';
import { callAdvice, callHeadline } from '../shared/i18n/call-status-text';
import { PasswordSchema, describeIssues, type Language } from '../shared/schemas';
import type { AppCredentials } from '../core/api/app-id-client';
import { userAgent } from '../core/app-info';
import { createCallStatusService, type CallStatusService } from '../core/call-status/service';
import type { Logger } from '../core/log';
import { CONNECTION_OPTIONS, type Connection } from './connection';
import { Exit, UsageError, type CliIo, type ExitCode } from './io';

const CALL_OPTIONS = {
  'host-password-stdin': { type: 'boolean' },
  'app-id': { type: 'string' },
  'app-user': { type: 'string' },
  'app-key-stdin': { type: 'boolean' },
  // Declared only to refuse them with a message naming the safe ways.
  'host-password': { type: 'string' },
  'app-key': { type: 'string' },
} as const;

/** The options invite, status and hangup share: the meeting and room, the connection, the call-status credentials. */
export const CALL_COMMAND_OPTIONS = {
  meeting: { type: 'string' },
  to: { type: 'string' },
  ...CONNECTION_OPTIONS,
  ...CALL_OPTIONS,
} as const;

export interface CallOptionValues {
  'host-password-stdin'?: boolean | undefined;
  'app-id'?: string | undefined;
  'app-user'?: string | undefined;
  'app-key-stdin'?: boolean | undefined;
  'host-password'?: string | undefined;
  'app-key'?: string | undefined;
  'password-stdin'?: boolean | undefined;
}

const APP_ID = /^[\w.-]{1,128}$/u;

/** Refuses secrets given as values, and more than one secret on stdin; before anything is read. */
export function checkCallOptions(values: CallOptionValues): void {
  for (const [option, safe] of [
    ['host-password', '--host-password-stdin or the QRRI_HOST_PASSWORD environment variable'],
    ['app-key', '--app-key-stdin or the QRRI_APP_KEY environment variable'],
  ] as const) {
    if (values[option] !== undefined)
      throw new UsageError(`--${option} is not accepted: other users of this computer can read a command line. Give it with ${safe}`);
  }
  const fromStdin = (['password-stdin', 'host-password-stdin', 'app-key-stdin'] as const).filter((o) => values[o]);
  if (fromStdin.length > 1)
    throw new UsageError(
      `only one secret can come from stdin (${fromStdin.map((o) => `--${o}`).join(', ')}); give the others through their environment variables`,
    );
}

async function secret(fromStdin: boolean | undefined, envValue: string | undefined, io: CliIo): Promise<string | undefined> {
  if (fromStdin) return (await io.readStdin()).replace(/\r?\n$/u, '');
  return envValue || undefined;
}

async function readHostPassword(values: CallOptionValues, io: CliIo, fromCode?: string): Promise<string | undefined> {
  const raw = (await secret(values['host-password-stdin'], io.env.QRRI_HOST_PASSWORD, io)) ?? fromCode;
  if (raw === undefined) return undefined;
  const parsed = PasswordSchema.safeParse(raw);
  // The value itself is never echoed, even when invalid.
  if (!parsed.success) throw new UsageError(`host password: ${describeIssues(parsed.error)}`);
  return parsed.data;
}

async function readAppCredentials(values: CallOptionValues, io: CliIo): Promise<AppCredentials | null> {
  const appId = values['app-id'] ?? io.env.QRRI_APP_ID;
  const appKey = await secret(values['app-key-stdin'], io.env.QRRI_APP_KEY, io);
  if (!appId && !appKey) return null;
  if (!appId || !APP_ID.test(appId)) throw new UsageError('--app-id: an App ID is 1–128 letters, digits, dots, dashes or underscores');
  if (!appKey) throw new UsageError('an App ID needs its App Key: --app-key-stdin or QRRI_APP_KEY');
  const userId = values['app-user'] ?? io.env.QRRI_APP_USER;
  return { appId, appKey, ...(userId ? { userId } : {}) };
}

export interface StatusCredentials {
  hostPassword: string | undefined;
  app: AppCredentials | null;
}

/** Door A's host password (`fromCode`: one a QR code of role host carries) and door B's App ID with its key. */
export async function readStatusCredentials(values: CallOptionValues, io: CliIo, fromCode?: string): Promise<StatusCredentials> {
  const hostPassword = await readHostPassword(values, io, fromCode);
  return { hostPassword, app: await readAppCredentials(values, io) };
}

export function callStatusService(connection: Connection, app: AppCredentials | null, logger: Logger): CallStatusService {
  return createCallStatusService({
    http: () => ({
      baseUrl: connection.baseUrl,
      timeoutMs: connection.timeoutSeconds * 1000,
      language: connection.language,
      userAgent: userAgent('cli'),
      ...(connection.extraCaPem ? { extraCaPem: connection.extraCaPem } : {}),
    }),
    appCredentials: () => Promise.resolve(app),
    logger,
  });
}

/** The status as --json gives it: "joined" | "not-joined" | "unconfirmed", the door, why, Huawei's code. */
function statusJson(status: CallStatus): Record<string, unknown> {
  const simple = status.state === 'joined' || status.state === 'unconfirmed' ? status.state : 'not-joined';
  const reason = status.reason ?? (simple === 'not-joined' ? status.state : null);
  return { status: simple, via: status.via, reason, resultCode: status.resultCode ?? null };
}

function exitForStatus(status: CallStatus): ExitCode {
  if (status.state === 'joined') return Exit.ok;
  return status.state === 'unconfirmed' ? Exit.noStatusSource : Exit.notJoined;
}

function printStatus(status: CallStatus, language: Language, io: CliIo): void {
  const line = callHeadline(status, language);
  const advice = callAdvice(status, language);
  const toStdout = status.state === 'joined' || status.state === 'unconfirmed';
  const write = (line: string) => (toStdout ? io.out(line) : io.err(line));
  write(line);
  if (advice) write(`${language === 'zh-CN' ? '建议' : 'What to do'}: ${advice}`);
  if (status.resultCode) write(`Details: code ${status.resultCode}${status.via ? `, via ${status.via}` : ''}`);
}

/** Prints a status — with --json one line of `fields` and the status, else sentences — and gives its exit code. */
export function reportStatus(
  status: CallStatus,
  output: { json: boolean; language: Language; fields: Record<string, unknown> },
  io: CliIo,
): ExitCode {
  if (output.json) io.out(JSON.stringify({ ...output.fields, ...statusJson(status) }));
  else printStatus(status, output.language, io);
  return exitForStatus(status);
}
