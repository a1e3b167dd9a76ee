/**
 * Where the CLI's HTTPS calls go and how: the settings file (QRRI_CONFIG_DIR), overridden by
 * --site, --base-url, --ca and --timeout; the language from the locale. Shared by `invite`,
 * `status` and `hangup`.
 */
import type { Language } from '../shared/schemas';
import type { Settings } from '../shared/settings';
import { EXTRA_CA_PROBLEM, loadExtraCa } from '../core/api/extra-ca';
import { resolveBaseUrl, type SiteChoice } from '../core/api/sites';
import { createLogger, silentLogger, type Logger } from '../core/log';
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

/** With --verbose, the log on stderr (secrets redacted by the logger); else none. */
export function verboseLogger(verbose: boolean | undefined, io: CliIo): Logger {
  return verbose
    ? createLogger((level, message, data) => io.err(`[${level}] ${message}${data === undefined ? '' : ` ${JSON.stringify(data)}`}`))
    : silentLogger;
}

export function languageOf(env: NodeJS.ProcessEnv): Language {
  return /^zh/iu.test(env.LC_ALL ?? env.LC_MESSAGES ?? env.LANG ?? '') ? 'zh-CN' : 'en';
}

/**
 * The extra CA of --ca or else of the settings, read as the app reads it (extra-ca.ts): one
 * message for a missing, unreadable or non-PEM file, saying where the path came from.
 */
function extraCaOf(optionPath: string | undefined, settingsPath: string | undefined): string | undefined {
  const path = optionPath ?? settingsPath;
  if (!path) return undefined;
  try {
    return loadExtraCa(path);
  } catch {
    throw new UsageError(
      optionPath
        ? `--ca ${optionPath}: ${EXTRA_CA_PROBLEM}`
        : `${EXTRA_CA_PROBLEM} (the settings' extra CA ${path}: fix it in the app, or pass --ca)`,
    );
  }
}

export function resolveConnection(
  values: { site?: string | undefined; 'base-url'?: string | undefined; ca?: string | undefined; timeout?: string | undefined },
  io: CliIo,
): Connection {
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
  const extraCaPem = extraCaOf(values.ca, settings.extraCaPath);
  const timeoutSeconds = values.timeout === undefined ? settings.requestTimeoutSeconds : Number(values.timeout);
  if (!Number.isFinite(timeoutSeconds) || timeoutSeconds <= 0 || timeoutSeconds > 300)
    throw new UsageError('--timeout must be a number of seconds (1–300)');
  return { store, settings, baseUrl, extraCaPem, timeoutSeconds, language: languageOf(io.env) };
}
