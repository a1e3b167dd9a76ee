/**
 * Invitation text (docs/qr-formats.md, "4. Invitation text"): what "copy invitation" puts on
 * the clipboard, in Chinese or English, often pasted into a QR generator as it is. Labels are
 * found anywhere (several may share a line); a meeting link in the text supplies the ID and
 * site when no label does.
 */
import { toHalfWidth } from './normalize';
import { isRecognized, meetingOf, meetingOutcome, reject, type Outcome, type RawMeeting } from './outcome';
import { readCloudlink, readWebLink } from './huawei-url';
import { quote } from './preview';
import * as reasons from './reasons';

type Role = 'id' | 'guest' | 'host' | 'generic';

// Alternatives are tried in order at each position, so the longer label comes first
// (`会议号码` before `会议号`); matching leftmost, `来宾密码` wins over the `密码` inside it.
// The lookbehind keeps `MyPassword:` from counting as `Password:`.
const LABEL =
  /(?<![a-z])(?:(?<id>会议[ \t]*ID|会议号码|会议号|Meeting[ \t]*ID|Conference[ \t]*ID|Meeting[ \t]*number)|(?<guest>来宾密码|访客密码|Guest[ \t]*pass(?:word|code))|(?<host>主持人密码|Host[ \t]*pass(?:word|code))|(?<generic>会议密码|密码|Password|Passcode))[ \t]*:[ \t]*/giu;

// Groups of digits separated by at most a few spaces, dashes or dots; never a line break.
const GROUPED_DIGITS = /^\d(?:[ \t.-]{0,3}\d)*/u;

// A password runs to the next whitespace, or to full-width punctuation that Chinese sentences
// put right after it (`密码：123456，请准时参加`).
const PASSWORD_VALUE = /^[^\s\u3000-\u303f\uff01-\uff0f\uff1a-\uff20\uff3b-\uff40\uff5b-\uff65]+/u;

// Links end at whitespace, quotes, angle brackets and full-width punctuation.
const LINK = /(?:https?|cloudlink):\/\/[^\s<>"'\u3000-\u303f\uff01-\uff65]+/giu;

interface Labels {
  id?: string;
  guest?: string;
  host?: string;
  generic?: string;
}

/** The first value of each kind of label; empty values are skipped. */
function scanLabels(text: string): Labels {
  const labels: Labels = {};
  for (const match of text.matchAll(LABEL)) {
    const groups = match.groups ?? {};
    const role: Role | undefined = (['id', 'guest', 'host', 'generic'] as const).find((name) => groups[name]);
    if (role === undefined || labels[role] !== undefined) continue;
    const start = match.index + match[0].length;
    const lineEnd = text.slice(start).search(/[\r\n]/u);
    const rest = lineEnd < 0 ? text.slice(start) : text.slice(start, start + lineEnd);
    const value = role === 'id' ? idValue(rest) : PASSWORD_VALUE.exec(rest)?.[0];
    if (value) labels[role] = value;
  }
  return labels;
}

/**
 * The ID after a label: the grouped digits, or, when letters follow or replace them, the whole
 * word so the reason can quote it (`914083136abc` is not `914083136`).
 */
function idValue(rest: string): string | undefined {
  const digits = GROUPED_DIGITS.exec(rest)?.[0];
  // Only ASCII letters count as "running on": Chinese text often has no space before the next label.
  if (digits !== undefined && !/^[a-z0-9]/iu.test(rest.slice(digits.length))) return digits;
  return /^\S+/u.exec(rest)?.[0];
}

function readLinks(text: string): Outcome[] {
  const outcomes: Outcome[] = [];
  for (const match of text.matchAll(LINK)) {
    // A sentence's punctuation is not part of the link: `…/j/981924330).`
    const link = match[0].replace(/[.,;:!?)\]}]+$/u, '');
    outcomes.push(/^cloudlink:/iu.test(link) ? readCloudlink(link) : readWebLink(link));
    if (outcomes.length >= 8) break; // a QR code has room for a few links at most
  }
  return outcomes;
}

/**
 * Reads invitation text; `null` when the text has neither a label nor a meeting link, so the
 * caller can try other forms.
 */
export function readInvitationText(original: string): Outcome | null {
  const text = toHalfWidth(original);
  const labels = scanLabels(text);
  const links = readLinks(text);
  // A genuine invitation never contains a look-alike link: refuse the whole text.
  const suspicious = links.find((outcome) => outcome.kind === 'unknown' && outcome.suspicious);
  if (suspicious) return suspicious;
  const linked = links
    .filter(isRecognized)
    .map(meetingOf)
    .find((meeting) => meeting !== undefined);

  const labelPassword: Pick<RawMeeting, 'password' | 'passwordRole'> =
    labels.guest !== undefined
      ? { password: labels.guest, passwordRole: 'guest' }
      : labels.generic !== undefined
        ? { password: labels.generic }
        : labels.host !== undefined
          ? { password: labels.host, passwordRole: 'host' }
          : {};

  const id = labels.id ?? linked?.id;
  if (id === undefined) {
    if (labelPassword.password !== undefined) return reject(reasons.passwordWithoutMeetingId(quote(original)));
    return null;
  }
  const raw: RawMeeting = { id, site: linked?.site };
  if (labelPassword.password !== undefined) Object.assign(raw, labelPassword);
  else if (linked?.password !== undefined) {
    raw.password = linked.password;
    raw.passwordRole = linked.passwordRole;
  }
  return meetingOutcome('invitation-text', raw);
}
