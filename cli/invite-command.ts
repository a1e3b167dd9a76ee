import { readFile } from 'node:fs/promises';
import type { z } from 'zod';
import { parseArgs } from 'node:util';
import { decodeQrCodes } from '../shared/decode/index';
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
  type Language,
  type Meeting,
  type Terminal,
} from '../shared/schemas';
import { createMeetingClient } from '../core/api/meeting-client';
import { resolveBaseUrl, type SiteChoice } from '../core/api/sites';
import { userAgent } from '../core/app-info';
import { createInviteService } from '../core/invite-service';
import { createLogger, silentLogger } from '../core/log';
import { createConfBackend } from '../core/store/conf-backend';
import { createSettingsStore } from '../core/store/settings-store';
import { userDataDir } from '../core/store/user-data-dir';
import { Exit, UsageError, type CliIo, type ExitCode } from './io';
import { loadImageFile } from './load-image';

const OPTIONS = {
  image: { type: 'string' },
  meeting: { type: 'string' },
  to: { type: 'string' },
  org: { type: 'string' },
  'number-type': { type: 'string' },
  site: { type: 'string' },
  'base-url': { type: 'string' },
  ca: { type: 'string' },
  timeout: { type: 'string' },
  'password-stdin': { type: 'boolean' },
  // Declared only to refuse it with a message naming the safe ways.
  password: { type: 'string' },
  'dry-run': { type: 'boolean' },
  json: { type: 'boolean' },
  verbose: { type: 'boolean' },
} as const;

/** Parses one value with a shared schema, or stops with a usage error naming the option. */
function parseWith<T>(schema: z.ZodType<T>, value: string, option: string): T {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new UsageError(`${option}: ${describeIssues(parsed.error)}`);
  return parsed.data;
}

/** The meeting (and maybe terminal) of the first meaningful code in an image. */
async function readImage(file: string): Promise<{ meeting?: Meeting; terminal?: Terminal }> {
  const codes = decodeQrCodes(await loadImageFile(file));
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

function languageOf(env: NodeJS.ProcessEnv): Language {
  return /^zh/iu.test(env.LC_ALL ?? env.LC_MESSAGES ?? env.LANG ?? '') ? 'zh-CN' : 'en';
}

export async function inviteCommand(args: string[], io: CliIo): Promise<ExitCode> {
  const { values, positionals } = parseArgs({ args, options: OPTIONS, allowPositionals: true });
  // Other users see a command line in the process list (security review, finding 6).
  if (values.password !== undefined) {
    throw new UsageError('--password is not accepted: other users of this computer can read a command line. Give the password with --password-stdin or the QRRI_PASSWORD environment variable');
  }
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

  const language = languageOf(io.env);
  let store: ReturnType<typeof createSettingsStore>;
  let settings: ReturnType<typeof store.read>;
  try {
    store = createSettingsStore(createConfBackend(userDataDir(io.env)));
    settings = store.read();
  } catch (error) {
    throw new UsageError(`${(error as Error).message} (fix it in the app, or point QRRI_CONFIG_DIR elsewhere)`);
  }
  const site = values.site ?? (values['base-url'] ? 'custom' : settings.site);
  if (!['cn', 'intl', 'custom'].includes(site)) throw new UsageError('--site must be cn, intl or custom (custom needs --base-url)');
  let baseUrl: string;
  try {
    baseUrl = resolveBaseUrl(site as SiteChoice, values['base-url'] ?? settings.customBaseUrl);
  } catch (error) {
    throw new UsageError(`--base-url: ${(error as Error).message}`);
  }
  const caPath = values.ca ?? settings.extraCaPath;
  const extraCaPem = caPath ? await readFile(caPath, 'utf8').catch(() => { throw new UsageError(`--ca: cannot read ${caPath}`); }) : undefined;
  const timeoutSeconds = values.timeout === undefined ? settings.requestTimeoutSeconds : Number(values.timeout);
  if (!Number.isFinite(timeoutSeconds) || timeoutSeconds <= 0 || timeoutSeconds > 300) throw new UsageError('--timeout must be a number of seconds (1–300)');

  const logger = values.verbose ? createLogger((level, message, data) => io.err(`[${level}] ${message}${data === undefined ? '' : ` ${JSON.stringify(data)}`}`)) : silentLogger;
  const client = createMeetingClient({ baseUrl, timeoutMs: timeoutSeconds * 1000, language, userAgent: userAgent('cli'), logger, ...(extraCaPem ? { extraCaPem } : {}) });
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
    const hint = result.error.code === ClientCode.missingPassword
      ? 'missing password: the QR code has none and none is remembered; give it with --password-stdin or QRRI_PASSWORD'
      : result.error.code === ClientCode.missingTerminal
        ? 'missing room: give --to <SIP number>, or select a room in the app'
        : `invalid input: ${result.error.detail ?? ''}`;
    throw new UsageError(hint);
  }
  printResult(result, meetingId, language, values.json === true, io);
  return exit;
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
    io.out(JSON.stringify({ ok: false, status: error.status ?? null, code: error.code, message, requestId: error.requestId ?? null, outcome: error.outcome }));
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
