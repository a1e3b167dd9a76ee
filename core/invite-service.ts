/**
 * The invite service: the one way anything (IPC, tray, camera, CLI) invites a terminal.
 * It validates again (never trusts its caller), fills the missing half from the store (the
 * selected room, a remembered password), refuses an identical invite repeated within 10 s,
 * calls the meeting client, and records the meeting in the history.
 */
import { createHash } from 'node:crypto';
import { ClientCode } from '../shared/errors';
import type { InviteError, InviteResult } from '../shared/invite-result';
import { InviteRequestSchema, describeIssues, type SiteId, type Terminal } from '../shared/schemas';
import { selectedRoom } from '../shared/settings';
import type { InviteCall, MeetingClient } from './api/meeting-client';
import { silentLogger, type Logger } from './log';
import type { SettingsStore } from './store/settings-store';

export const DUPLICATE_WINDOW_MS = 10_000;

export interface InviteServiceDeps {
  client: MeetingClient;
  store: SettingsStore;
  /**
   * Where the client sends (the CLI's --base-url); by default where the settings point.
   * Remembered passwords are only sent to the base URL that accepted them.
   */
  baseUrl?: () => string | undefined;
  logger?: Logger;
  now?: () => number;
}

export interface InviteOptions {
  signal?: AbortSignal;
  /** Site the QR code named, kept with the recent meeting. */
  site?: SiteId;
  /** Only build the call (password masked) and send nothing: the CLI's --dry-run. */
  dryRun?: boolean;
  /** Whether to keep this meeting's password if accepted (default: the `rememberPasswords` setting). */
  rememberPassword?: boolean;
}

export type ServiceResult = InviteResult | { ok: 'dry-run'; call: InviteCall & { password: string } };

export interface InviteService {
  invite(request: unknown, options?: InviteOptions): Promise<ServiceResult>;
}

function refuse(code: string, detail?: string): InviteResult {
  const error: InviteError = { code, outcome: 'failed', ...(detail ? { detail } : {}) };
  return { ok: false, error, attempts: 0 };
}

export function createInviteService({ client, store, baseUrl, logger = silentLogger, now = Date.now }: InviteServiceDeps): InviteService {
  // Fingerprints (hashes, never passwords) of recent invites → when they were sent.
  const recent = new Map<string, number>();

  function fingerprint(call: InviteCall): string {
    const parts = [call.meetingId, call.callNum, call.orgId ?? '', call.numberType ?? '', call.password];
    return createHash('sha256').update(parts.join('\u0000')).digest('hex');
  }

  function isDuplicate(key: string): boolean {
    const t = now();
    for (const [k, at] of recent) if (t - at >= DUPLICATE_WINDOW_MS) recent.delete(k);
    return recent.has(key);
  }

  return {
    async invite(request, options = {}) {
      const parsed = InviteRequestSchema.safeParse(request);
      if (!parsed.success) return refuse(ClientCode.invalidInput, describeIssues(parsed.error));
      const { meeting } = parsed.data;
      const settings = store.read();
      const terminal: Terminal | undefined = parsed.data.terminal ?? selectedRoom(settings);
      if (!terminal) return refuse(ClientCode.missingTerminal);
      const target = baseUrl?.();
      const password = meeting.password ?? (await store.rememberedPassword(meeting.id, target));
      if (password === undefined) return refuse(ClientCode.missingPassword);

      const call: InviteCall = {
        meetingId: meeting.id,
        password,
        callNum: terminal.callNum,
        ...(terminal.orgId === undefined ? {} : { orgId: terminal.orgId }),
        ...(terminal.numberType === undefined ? {} : { numberType: terminal.numberType }),
      };
      if (options.dryRun) return { ok: 'dry-run', call: { ...call, password: '******' } };

      const key = fingerprint(call);
      if (isDuplicate(key)) return refuse(ClientCode.duplicateInvite);
      recent.set(key, now());

      const log = logger.withSecrets([password]);
      log.info('inviting', { meetingId: call.meetingId, callNum: call.callNum });
      const result = await client.inviteWithPwd(call, options.signal ? { signal: options.signal } : {});
      log.info('invite finished', result.ok ? { ok: true, requestId: result.requestId } : { ok: false, ...result.error });

      // A call the server certainly did not act on may be retried at once.
      if (!result.ok && result.error.outcome === 'failed') recent.delete(key);
      if (result.ok || result.error.outcome === 'unknown') {
        await store.recordMeeting({
          id: call.meetingId,
          ...(options.site ? { site: options.site } : {}),
          ...(target === undefined ? {} : { baseUrl: target }),
          // Only a password the server accepted is worth remembering.
          ...(result.ok && options.rememberPassword !== false ? { password } : {}),
        });
      }
      return result;
    },
  };
}
