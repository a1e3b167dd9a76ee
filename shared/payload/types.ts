import type { LocalizedText } from '../i18n-text';
import type { Meeting, Terminal } from '../schemas';

/** Which of the forms in docs/qr-formats.md a payload was read as. */
export type PayloadSource =
  'huawei-link' | 'cloudlink' | 'url-parameters' | 'invitation-text' | 'json' | 'app-link' | 'sip-uri' | 'tel-uri' | 'bare-number';

/** What one QR code's text means. `parsePayload` returns it and never throws. */
export type ParsedPayload =
  | { kind: 'meeting'; source: PayloadSource; meeting: Meeting }
  | { kind: 'terminal'; source: PayloadSource; terminal: Terminal }
  | { kind: 'both'; source: PayloadSource; meeting: Meeting; terminal: Terminal }
  | {
      kind: 'unknown';
      /** Why it is not ours, for people ("This QR code is a link to example.com, not a meeting"). */
      reason: LocalizedText;
      /** The first characters of the text, control characters made visible. */
      preview: string;
    };

export type PayloadKind = ParsedPayload['kind'];
