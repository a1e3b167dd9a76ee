/**
 * Where the CLI's HTTPS calls go and how: the settings file (QRRI_CONFIG_DIR), overridden by
 * --site, --base-url, --ca and --timeout; the language from the locale. Shared by `invite`,
 * `status` and `hangup`.
 */
import { readFile } from 'node:fs/promises';
import type { Language } from '../shared/schemas';
import type { Settings } from '../shared/settings';
import { resolveBaseUrl, type SiteChoice } from '../core/api/sites';
import { createConfBackend } from '../core/store/conf-backend';
import { createSettingsStore, type SettingsStore } from '../core/store/settings-store';
import { userDataDir } from '../core/store/user-data-dir';
import { UsageError, type CliIo } from './io';

export const CONNECTION_OPTIONS = {
  site: { type: 'string' },
  'base-url': { type: 'string' },
  ca: { type: 'string' },
  timeout: { type: 'string' },
  verbose: { type: 'boolean' },
  json: { type: 'boolean' },
} as const;

export interface Connection {
  store: SettingsStore;
  settings: Settings;
  baseUrl: string;
  extraCaPem: string | undefined;
  timeoutSeconds: number;
  language: Language;
}

export function languageOf(env: NodeJS.ProcessEnv): Language {
  return /^zh/iu.test(env.LC_ALL ?? env.LC_MESSAGES ?? env.LANG ?? '') ? 'zh-CN' : 'en';
}

export async function resolveConnection(values: { site?: string | undefined; 'base-url'?: string | undefined; ca?: string | undefined; timeout?: string | undefined }, io: CliIo): Promise<Connection> {
  let store: SettingsStore;
  let settings: Settings;
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
  return { store, settings, baseUrl, extraCaPem, timeoutSeconds, language: languageOf(io.env) };
}
