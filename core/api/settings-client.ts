/**
 * A meeting client that follows the settings: site or custom base URL, extra CA, timeout and
 * language are read for each call, so a change in Settings applies to the next invite.
 */
import { readFileSync } from 'node:fs';
import { ClientCode } from '../../shared/errors';
import type { Language } from '../../shared/schemas';
import type { Settings } from '../../shared/settings';
import type { Logger } from '../log';
import { createMeetingClient, type MeetingClient } from './meeting-client';
import { baseUrlFromSettings } from './sites';

export interface SettingsClientDeps {
  settings: () => Settings;
  systemLanguage: () => Language;
  userAgent: string;
  logger?: Logger;
  readCa?: (path: string) => string;
}

export function createSettingsClient({ settings, systemLanguage, userAgent, logger, readCa = (p) => readFileSync(p, 'utf8') }: SettingsClientDeps): MeetingClient {
  let cached: { key: string; client: MeetingClient } | undefined;
  return {
    inviteWithPwd(call, options) {
      const current = settings();
      let baseUrl: string;
      let extraCaPem: string | undefined;
      try {
        baseUrl = baseUrlFromSettings(current);
        extraCaPem = current.extraCaPath ? readCa(current.extraCaPath) : undefined;
      } catch (error) {
        const detail = error instanceof Error ? error.message : String(error);
        return Promise.resolve({ ok: false, attempts: 0, error: { code: ClientCode.badSettings, outcome: 'failed', detail } });
      }
      const language = current.language ?? systemLanguage();
      const key = JSON.stringify([baseUrl, extraCaPem, current.requestTimeoutSeconds, language]);
      if (cached?.key !== key) {
        const client = createMeetingClient({
          baseUrl,
          timeoutMs: current.requestTimeoutSeconds * 1000,
          language,
          userAgent,
          ...(extraCaPem ? { extraCaPem } : {}),
          ...(logger ? { logger } : {}),
        });
        cached = { key, client };
      }
      return cached.client.inviteWithPwd(call, options);
    },
  };
}
