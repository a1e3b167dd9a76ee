import { BaseUrlSchema, describeIssues } from '../../shared/schemas';
import type { Settings } from '../../shared/settings';

/** Base URLs of Huawei Cloud Meeting's public sites (docs/api.md). */
export const SITE_BASE_URLS = {
  cn: 'https://api.meeting.huaweicloud.com',
  intl: 'https://api-intl.meeting.huaweicloud.com',
} as const;

export type SiteChoice = keyof typeof SITE_BASE_URLS | 'custom';

/**
 * The API base URL for a site choice. A custom URL must be https (http only on loopback).
 * Throws with a readable message when the custom URL is missing or invalid.
 */
export function resolveBaseUrl(site: SiteChoice, customBaseUrl?: string): string {
  if (site !== 'custom') return SITE_BASE_URLS[site];
  if (!customBaseUrl) throw new Error('A custom site needs a base URL (https://…)');
  const parsed = BaseUrlSchema.safeParse(customBaseUrl);
  if (!parsed.success) throw new Error(describeIssues(parsed.error));
  return parsed.data;
}

/** The base URL the settings point at. */
export function baseUrlFromSettings(settings: Pick<Settings, 'site' | 'customBaseUrl'>): string {
  return resolveBaseUrl(settings.site, settings.customBaseUrl);
}
