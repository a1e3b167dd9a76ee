/**
 * A meeting client that follows the settings: site or custom base URL, extra CA, timeout and
 * language are read for each call, so a change in Settings applies to the next invite.
 */
import { ClientCode } from '../../shared/errors';
import type { Language } from '../../shared/schemas';
import type { Settings } from '../../shared/settings';
import type { Logger } from '../log';
import { loadExtraCa } from './extra-ca';
import { createMeetingClient, type MeetingClient } from './meeting-client';
import { baseUrlFromSettings } from './sites';

export interface SettingsClientDeps {
  settings: () => Settings;
  systemLanguage: () => Language;
  userAgent: string;
  logger?: Logger;
  readCa?: (path: string) => string;
}

export function createSettingsClient({
  settings,
  systemLanguage,
  userAgent,
  logger,
  readCa = loadExtraCa,
}: SettingsClientDeps): MeetingClient {
  let cached: { key: string; client: MeetingClient } | undefined;

  /** The client for the current settings (made again only when they changed), or why there is none. */
  function current(): { client: MeetingClient } | { problem: string } {
    const now = settings();
    let baseUrl: string;
    let extraCaPem: string | undefined;
    try {
      baseUrl = baseUrlFromSettings(now);
      extraCaPem = now.extraCaPath ? readCa(now.extraCaPath) : undefined;
    } catch (error) {
      return { problem: error instanceof Error ? error.message : String(error) };
    }
    const language = now.language ?? systemLanguage();
    const key = JSON.stringify([baseUrl, extraCaPem, now.requestTimeoutSeconds, language]);
    if (cached?.key !== key) {
      const client = createMeetingClient({
        baseUrl,
        timeoutMs: now.requestTimeoutSeconds * 1000,
        language,
        userAgent,
        ...(extraCaPem ? { extraCaPem } : {}),
        ...(logger ? { logger } : {}),
      });
      cached = { key, client };
    }
    return { client: cached.client };
  }

  return {
    inviteWithPwd(call, options) {
      const found = current();
      if ('problem' in found)
        return Promise.resolve({
          ok: false,
          attempts: 0,
          error: { code: ClientCode.badSettings, outcome: 'failed', detail: found.problem },
        });
      return found.client.inviteWithPwd(call, options);
    },
    describeInvite(call, requestId) {
      const found = current();
      if ('problem' in found) throw new Error(found.problem);
      return found.client.describeInvite(call, requestId);
    },
  };
}
