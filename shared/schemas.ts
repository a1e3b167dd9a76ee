/**
 * The value schemas used at every boundary (parser output, CLI arguments, IPC, settings).
 * Each schema wraps the normalisation function of ./payload/normalize.ts, so a value that
 * passed a schema is already in canonical form.
 */
import { z } from 'zod';
import {
  findFormatCharacter,
  normalizeMeetingId,
  normalizeNumberType,
  normalizeOrgId,
  normalizePassword,
  normalizeSipNumber,
} from './payload/normalize';
import { codePointName } from './payload/preview';

/**
 * The code point (`U+200B`) of the first invisible format character (Unicode Cf: zero-width,
 * bidi marks…) in a typed value, or null: the forms say this instead of their format hint, since
 * the value looks right (security review, finding 7).
 */
export function invisibleCharacterIn(value: string): string | null {
  const found = findFormatCharacter(value);
  return found === null ? null : codePointName(found);
}

/** The message for a value holding an invisible format character (zero-width, bidi…). */
function invisibleMessage(label: string, found: string): string {
  return `${label} contains an invisible character (${codePointName(found)}, zero-width or text-direction); type it again without it`;
}

function normalized(normalize: (raw: string) => string | null, label: string, message: string) {
  return z
    .string()
    .max(256, message)
    .transform((raw, ctx) => {
      const found = findFormatCharacter(raw);
      if (found !== null) {
        ctx.issues.push({ code: 'custom', message: invisibleMessage(label, found), input: raw });
        return z.NEVER;
      }
      const value = normalize(raw);
      if (value === null) {
        ctx.issues.push({ code: 'custom', message, input: raw });
        return z.NEVER;
      }
      return value;
    });
}

export const MeetingIdSchema = normalized(normalizeMeetingId, 'Meeting ID', 'Meeting ID must be 6–20 digits');
export const PasswordSchema = normalized(normalizePassword, 'Password', 'Password must be 1–64 printable characters');
export const SipNumberSchema = normalized(normalizeSipNumber, 'SIP number', 'SIP number must be an optional + followed by 3–32 digits');
export const OrgIdSchema = normalized(normalizeOrgId, 'Enterprise ID', 'Enterprise ID must be 1–64 letters, digits, - or _');
export const NumberTypeSchema = z
  .union([z.literal(0), z.literal(1), z.literal('0'), z.literal('1')])
  .transform((raw) => normalizeNumberType(raw) ?? 0);

/** Huawei Cloud Meeting sites; `custom` means a base URL of the enterprise's own. */
export const SiteIdSchema = z.enum(['cn', 'intl']);
export type SiteId = z.infer<typeof SiteIdSchema>;

export const LanguageSchema = z.enum(['en', 'zh-CN']);
export type Language = z.infer<typeof LanguageSchema>;

export const MeetingSchema = z.object({
  id: MeetingIdSchema,
  password: PasswordSchema.optional(),
  /** Which password the code carried, when it said so. */
  passwordRole: z.enum(['guest', 'host']).optional(),
  /** The site the code points at, when it names one. */
  site: SiteIdSchema.optional(),
});
export type Meeting = z.infer<typeof MeetingSchema>;

/** A room's name as people see it: no control or invisible format characters (a name with RTL marks passes for another). */
export const DisplayNameSchema = z
  .string()
  .trim()
  .min(1)
  .max(64)
  .superRefine((name, ctx) => {
    // eslint-disable-next-line no-control-regex
    const found = findFormatCharacter(name) ?? /[\u0000-\u001f\u007f-\u009f]/u.exec(name)?.[0];
    if (found !== undefined && found !== null) ctx.addIssue({ code: 'custom', message: invisibleMessage('Name', found) });
  });

export const TerminalSchema = z.object({
  callNum: SipNumberSchema,
  orgId: OrgIdSchema.optional(),
  numberType: NumberTypeSchema.optional(),
  /** A display name (a room's name), never sent to the server. */
  name: DisplayNameSchema.optional(),
});
export type Terminal = z.infer<typeof TerminalSchema>;

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** True for loopback hosts, the only ones allowed over plain http (the simulator). */
export function isLoopbackHost(hostname: string): boolean {
  return LOOPBACK_HOSTS.has(hostname) || /^127(?:\.\d{1,3}){3}$/u.test(hostname);
}

/**
 * A custom API base URL: https, or http on a loopback host only; no credentials, query or
 * fragment. Normalised without a trailing slash.
 */
export const BaseUrlSchema = z
  .string()
  .trim()
  .max(2048)
  .transform((raw, ctx) => {
    const fail = (message: string) => {
      ctx.issues.push({ code: 'custom', message, input: raw });
      return z.NEVER;
    };
    if (!URL.canParse(raw)) return fail('Base URL is not a valid URL');
    const url = new URL(raw);
    if (url.protocol !== 'https:' && !(url.protocol === 'http:' && isLoopbackHost(url.hostname))) {
      return fail('Base URL must use https:// (plain http:// only for 127.0.0.1 or localhost)');
    }
    if (url.username || url.password) return fail('Base URL must not contain a user name or password');
    if (url.search || url.hash) return fail('Base URL must not contain a query or fragment');
    return `${url.origin}${url.pathname}`.replace(/\/+$/u, '');
  });

/** What the person (or the renderer, or the CLI) asks for: the invite service fills gaps. */
export const InviteRequestSchema = z.object({
  meeting: z.object({ id: MeetingIdSchema, password: PasswordSchema.optional() }),
  terminal: TerminalSchema.optional(),
});
export type InviteRequest = z.infer<typeof InviteRequestSchema>;

/** Flattens a zod error into one line naming the fields, for people and for logs. */
export function describeIssues(error: z.ZodError): string {
  return error.issues.map((issue) => (issue.path.length ? `${issue.path.join('.')}: ${issue.message}` : issue.message)).join('; ');
}
