/**
 * Why a QR code was not read as a meeting or a room, in every UI language. Each sentence says
 * what the code is and what to do next, because the person holding the phone has to act on it.
 * Values quoted here come from the code itself and are passed through `quote()` first.
 */
import type { LocalizedText } from '../i18n-text';
import { MAX_PAYLOAD_LENGTH } from './normalize';

type Text = LocalizedText;

const text = (en: string, zh: string): Text => ({ en, 'zh-CN': zh });

export const notText: Text = text(
  `This QR code has no text to read. Scan the meeting's QR code again.`,
  '无法读取此二维码的文字内容。请重新扫描会议二维码。',
);

export const tooLong = (length: number): Text =>
  text(
    `This QR code holds ${length} characters, more than a meeting code ever has (${MAX_PAYLOAD_LENGTH}). Scan the meeting's own QR code.`,
    `此二维码包含 ${length} 个字符，超过会议二维码的上限（${MAX_PAYLOAD_LENGTH}）。请扫描会议本身的二维码。`,
  );

export const controlCharacter = (name: string): Text =>
  text(
    `This QR code contains a hidden control character (${name}) that can disguise text, so it was not read. Use the QR code from the meeting invitation.`,
    `此二维码包含可用于伪装文字的隐藏控制字符（${name}），已拒绝读取。请使用会议邀请中的二维码。`,
  );

/** Which value of a code held an invisible character. */
export type InvisibleField = 'password' | 'name' | 'number';

const INVISIBLE_FIELD: Record<InvisibleField, { en: string; zh: string }> = {
  password: { en: 'password', zh: '密码' },
  name: { en: 'room name', zh: '会议室名称' },
  number: { en: 'meeting ID or room number', zh: '会议 ID 或会议室号码' },
};

export const invisibleCharacter = (field: InvisibleField, name: string): Text =>
  text(
    `The ${INVISIBLE_FIELD[field].en} in this QR code contains an invisible character (${name}, zero-width or text-direction) that can make it look like something else, so it was not read. Use the QR code from the meeting invitation, or type the value.`,
    `此二维码中的${INVISIBLE_FIELD[field].zh}包含不可见字符（${name}，零宽或文字方向字符），可能使其看起来像其他内容，已拒绝读取。请使用会议邀请中的二维码，或手动输入。`,
  );

export const empty: Text = text(`This QR code is empty. Scan the meeting's QR code.`, '此二维码内容为空。请扫描会议二维码。');

export const internalError: Text = text(
  'This QR code could not be read because of an internal error. Try again, or type the meeting ID.',
  '由于内部错误，无法读取此二维码。请重试，或手动输入会议 ID。',
);

export const lookalike = (host: string): Text =>
  text(
    `This link imitates a Huawei Cloud Meeting link but goes to ${host}. It was not used; ask the organiser for the real invitation.`,
    `此链接冒充华为云会议链接，实际指向 ${host}，未予使用。请向会议组织者索取正式邀请。`,
  );

export const truncatedLink = (host: string): Text =>
  text(
    `This link looks cut off (${host}). Scan the whole QR code again, or type the meeting ID.`,
    `此链接不完整（${host}）。请重新扫描完整的二维码，或手动输入会议 ID。`,
  );

export const huaweiLinkWithoutId = (host: string): Text =>
  text(
    `This Huawei Cloud link (${host}) has no meeting ID. Scan the meeting's invitation QR code, or type the meeting ID.`,
    `此华为云链接（${host}）不含会议 ID。请扫描会议邀请二维码，或手动输入会议 ID。`,
  );

export const dangerousScheme = (scheme: string): Text =>
  text(
    `This QR code is a "${scheme}:" link, which can run code or open files; it was not used. Scan the meeting's QR code.`,
    `此二维码是“${scheme}:”链接，可能运行代码或打开文件，已拒绝使用。请扫描会议二维码。`,
  );

export const otherScheme = (scheme: string): Text =>
  text(
    `This QR code is a "${scheme}:" link, not a meeting or a room. Scan the meeting's QR code.`,
    `此二维码是“${scheme}:”链接，不是会议或会议室。请扫描会议二维码。`,
  );

export const linkNotMeeting = (host: string): Text =>
  text(
    `This QR code is a link to ${host}, not a meeting. Scan the meeting's QR code.`,
    `此二维码是指向 ${host} 的链接，不是会议。请扫描会议二维码。`,
  );

export const cloudlinkWithoutId: Text = text(
  `This Huawei client link does not name a meeting (no conf_id). Scan the meeting's invitation QR code.`,
  '此华为客户端链接未指明会议（缺少 conf_id）。请扫描会议邀请二维码。',
);

export const invalidMeetingId = (value: string): Text =>
  text(
    `The meeting ID "${value}" is not valid: a meeting ID must be 6–20 digits. Check the invitation and type the ID.`,
    `会议 ID“${value}”无效：会议 ID 必须是 6–20 位数字。请核对邀请后手动输入。`,
  );

export const passwordWithoutMeetingId = (quoted: string): Text =>
  text(
    `This QR code has a password but no meeting ID ("${quoted}"). Type the meeting ID.`,
    `此二维码含有密码但没有会议 ID（“${quoted}”）。请手动输入会议 ID。`,
  );

/** The password itself is never echoed: it is a secret and may be long. */
export const invalidPassword: Text = text(
  'The meeting password in this QR code is not valid: it must be 1–64 printable characters. Type the password yourself.',
  '此二维码中的会议密码无效：密码必须是 1–64 个可打印字符。请手动输入密码。',
);

export const invalidSipNumber = (value: string, hasLetters: boolean): Text =>
  text(
    `The room number "${value}" is not valid: a SIP number is an optional + and 3–32 digits${hasLetters ? ', without letters' : ''}. Check the room's QR code.`,
    `会议室号码“${value}”无效：SIP 号码应为可选的 + 加 3–32 位数字${hasLetters ? '，不能含字母' : ''}。请核对会议室二维码。`,
  );

export const invalidOrgId = (value: string): Text =>
  text(
    `The enterprise ID (orgID) "${value}" is not valid: it must be 1–64 letters, digits, - or _. Check the room's QR code.`,
    `企业 ID（orgID）“${value}”无效：必须是 1–64 个字母、数字、- 或 _。请核对会议室二维码。`,
  );

export const invalidNumberType = (value: string): Text =>
  text(
    `The number type (numBelongsType) "${value}" is not valid: it must be 0 or 1. Check the room's QR code.`,
    `号码类型（numBelongsType）“${value}”无效：只能是 0 或 1。请核对会议室二维码。`,
  );

export const invalidName: Text = text(
  'The room name in this QR code is not valid: it must be 1–64 characters. Make a new QR code for the room.',
  '此二维码中的会议室名称无效：必须是 1–64 个字符。请为会议室重新生成二维码。',
);

export const invalidJson: Text = text(
  'This QR code starts like JSON data but is not valid JSON (it may be cut off). Scan the whole code again.',
  '此二维码看似 JSON 数据，但不是有效的 JSON（可能不完整）。请重新扫描完整的二维码。',
);

export const jsonNotObject: Text = text(
  `This QR code holds a JSON list, not a meeting or a room. Scan the meeting's QR code.`,
  '此二维码包含 JSON 列表，不是会议或会议室。请扫描会议二维码。',
);

export const jsonWithoutFields = (keys: string): Text =>
  text(
    `This QR code holds JSON data (${keys}) without a meeting ID or a room number. Scan the meeting's QR code.`,
    `此二维码包含 JSON 数据（${keys}），但没有会议 ID 或会议室号码。请扫描会议二维码。`,
  );

export const appLinkVersion = (version: string): Text =>
  text(
    `This QR Room Invite link (${version}) was made by a newer version of the app. Update QR Room Invite and scan again.`,
    `此 QR Room Invite 链接（${version}）由更新版本的应用生成。请更新 QR Room Invite 后重新扫描。`,
  );

export const appLinkEmpty: Text = text(
  'This QR Room Invite link carries neither a meeting nor a room. Make a new link in the app.',
  '此 QR Room Invite 链接既不含会议也不含会议室。请在应用中重新生成链接。',
);

export const notMeaningful = (quoted: string): Text =>
  text(
    `This QR code says "${quoted}", not a meeting or a room. Scan the meeting's QR code.`,
    `此二维码的内容是“${quoted}”，不是会议或会议室。请扫描会议二维码。`,
  );

export const appLinkMalformed: Text = text(
  'This QR Room Invite link is malformed (no version such as v1). Make a new link in the app.',
  '此 QR Room Invite 链接格式错误（缺少 v1 等版本号）。请在应用中重新生成链接。',
);
