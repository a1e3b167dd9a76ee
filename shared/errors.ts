/**
 * The error catalogue: every code of docs/api.md ("Error codes the app recognises") plus the
 * client's own. Each entry says what happened and what to do, in English and Chinese, and
 * whether retrying is safe (cannot make the terminal be called twice). The UI, notifications
 * and CLI all speak from this table.
 */
import type { LocalizedText } from './i18n-text';

export interface CatalogueEntry {
  /** What happened. */
  readonly title: LocalizedText;
  /** What the person can do about it. */
  readonly action: LocalizedText;
  /** True when trying again cannot cause a second call to the terminal. */
  readonly retrySafe: boolean;
  /** The password was missing or wrong: the window asks for it again in place. */
  readonly asksForPassword?: true;
}

/** Codes of the client itself, in the same `PREFIX.name` shape as the server's. */
export const ClientCode = {
  invalidInput: 'QRRI.INVALID_INPUT',
  missingPassword: 'QRRI.MISSING_PASSWORD',
  missingTerminal: 'QRRI.MISSING_TERMINAL',
  unknownTerminalNotConfirmed: 'QRRI.UNKNOWN_TERMINAL_NOT_CONFIRMED',
  duplicateInvite: 'QRRI.DUPLICATE_INVITE',
  network: 'QRRI.NETWORK',
  timeout: 'QRRI.TIMEOUT',
  tls: 'QRRI.TLS',
  outcomeUnknown: 'QRRI.OUTCOME_UNKNOWN',
  responseTooLarge: 'QRRI.RESPONSE_TOO_LARGE',
  unexpectedResponse: 'QRRI.UNEXPECTED_RESPONSE',
  unknownServerError: 'QRRI.UNKNOWN_SERVER_ERROR',
  badSettings: 'QRRI.BAD_SETTINGS',
  refused: 'QRRI.REFUSED',
  internal: 'QRRI.INTERNAL',
  rateLimited: 'QRRI.RATE_LIMITED',
  captureRateLimited: 'QRRI.CAPTURE_RATE_LIMITED',
  settingsReset: 'QRRI.SETTINGS_RESET',
  settingLocked: 'QRRI.SETTING_LOCKED',
  serverChangeNotConfirmed: 'QRRI.SERVER_CHANGE_NOT_CONFIRMED',
  managedConfigInvalid: 'QRRI.MANAGED_CONFIG_INVALID',
  // Call status (docs/api.md, "After the invite").
  noStatusSource: 'QRRI.NO_STATUS_SOURCE',
  notInMeeting: 'QRRI.NOT_IN_MEETING',
  noHostPassword: 'QRRI.NO_HOST_PASSWORD',
  appIdMissing: 'QRRI.APP_ID_MISSING',
  appKeyOtherServer: 'QRRI.APP_KEY_OTHER_SERVER',
} as const;
export type ClientCode = (typeof ClientCode)[keyof typeof ClientCode];

const askHost: LocalizedText = {
  en: 'Ask the meeting host for the guest password, then try again.',
  'zh-CN': '请向会议主持人索取来宾密码后重试。',
};
const askAdmin: LocalizedText = {
  en: 'Ask your enterprise administrator to check the meeting settings.',
  'zh-CN': '请联系企业管理员检查会议设置。',
};

export const ERROR_CATALOGUE: Readonly<Record<string, CatalogueEntry>> = {
  'MMC.111070001': {
    title: { en: 'The server rejected the request as invalid.', 'zh-CN': '服务器认为请求参数无效。' },
    action: { en: 'Check the meeting ID and the room’s SIP number, then try again.', 'zh-CN': '请检查会议ID和会议室的SIP号码后重试。' },
    retrySafe: true,
  },
  'MMC.111070002': {
    title: { en: 'Not allowed: insufficient permissions.', 'zh-CN': '权限不足，操作被拒绝。' },
    action: askAdmin,
    retrySafe: true,
  },
  'MMC.111070003': {
    title: { en: 'The meeting server failed to process the invitation.', 'zh-CN': '会议服务器处理邀请失败。' },
    action: {
      en: 'Wait a moment and try again. If it keeps failing, contact support with the details below.',
      'zh-CN': '请稍后重试。如持续失败，请将下方详情提供给技术支持。',
    },
    retrySafe: true,
  },
  'MMC.111070004': {
    title: { en: 'Meeting authentication failed: the password is wrong.', 'zh-CN': '会议鉴权失败：密码错误。' },
    action: askHost,
    retrySafe: true,
    asksForPassword: true,
  },
  'MMC.111070005': {
    title: { en: 'This meeting does not exist.', 'zh-CN': '会议不存在。' },
    action: { en: 'Check the meeting ID, or scan the meeting’s current QR code.', 'zh-CN': '请检查会议ID，或扫描该会议最新的二维码。' },
    retrySafe: true,
  },
  'MMC.111070009': {
    title: { en: 'The meeting password is missing.', 'zh-CN': '会议密码不能为空。' },
    action: askHost,
    retrySafe: true,
    asksForPassword: true,
  },
  'MMC.111072065': {
    title: { en: 'Meeting not found, or the password is wrong.', 'zh-CN': '会议不存在或密码错误。' },
    action: { en: 'Check the meeting ID and ask the host for the guest password.', 'zh-CN': '请核对会议ID，并向主持人索取来宾密码。' },
    retrySafe: true,
    asksForPassword: true,
  },
  'MMC.111072005': {
    title: { en: 'The meeting has not started yet.', 'zh-CN': '会议尚未开始。' },
    action: { en: 'Try again once the host has started the meeting.', 'zh-CN': '请在主持人开始会议后重试。' },
    retrySafe: true,
  },
  'MMC.111072006': {
    title: { en: 'The meeting has already ended.', 'zh-CN': '会议已结束。' },
    action: { en: 'Ask the host for a new meeting.', 'zh-CN': '请向主持人索取新的会议。' },
    retrySafe: false,
  },
  'MMC.111072050': {
    title: { en: 'The meeting is locked.', 'zh-CN': '会议已锁定。' },
    action: { en: 'Ask the host to unlock the meeting, then try again.', 'zh-CN': '请主持人解锁会议后重试。' },
    retrySafe: true,
  },
  'MMC.111071074': {
    title: { en: 'Only users of the organising enterprise may join this meeting.', 'zh-CN': '该会议仅允许企业内部用户加入。' },
    action: {
      en: 'Ask the host to allow external participants, or to invite the room.',
      'zh-CN': '请主持人允许外部人员入会，或由主持人邀请该会议室。',
    },
    retrySafe: true,
  },
  'MMC.111071075': {
    title: { en: 'Only invited participants may join this meeting.', 'zh-CN': '该会议仅允许被邀请的人员加入。' },
    action: {
      en: 'Ask the host to invite this room, or to open the meeting to guests.',
      'zh-CN': '请主持人邀请该会议室，或允许来宾入会。',
    },
    retrySafe: true,
  },
  'MMC.111076003': {
    title: { en: 'The meeting is full: the participant limit is reached.', 'zh-CN': '会议人数已达上限。' },
    action: { en: 'Ask the host to free a place or raise the limit, then try again.', 'zh-CN': '请主持人释放名额或提高人数上限后重试。' },
    retrySafe: true,
  },
  'MMC.111076022': {
    title: {
      en: 'Your enterprise does not allow inviting meeting-room terminals with a guest QR code.',
      'zh-CN': '企业未开启“扫描来宾二维码邀请硬终端入会”功能。',
    },
    action: {
      en: 'Ask your administrator to turn on “Scan guest QR code to join meetings using hard terminal” in the Management Platform’s meeting settings.',
      'zh-CN': '请管理员在管理平台的会议设置中开启“扫描来宾二维码使用硬终端入会”。',
    },
    retrySafe: true,
  },
  'MMC.100000429': {
    title: { en: 'Too many requests: the meeting service is limiting calls.', 'zh-CN': '请求过于频繁，会议服务已限流。' },
    action: { en: 'Wait a minute, then try again.', 'zh-CN': '请等待一分钟后重试。' },
    retrySafe: true,
  },
  // Door A (conference control) and door B (App ID): docs/api.md, "Codes of the call-status doors".
  'MMC.111072064': {
    title: { en: 'Meeting control is locked after too many wrong host passwords.', 'zh-CN': '主持人密码错误次数过多，会控已被暂时锁定。' },
    action: {
      en: 'Wait a while and check the host password before trying again; the invitation itself is not affected.',
      'zh-CN': '请稍等片刻，核对主持人密码后再试；邀请本身不受影响。',
    },
    retrySafe: false,
  },
  'MMC.111100012': {
    title: { en: 'This meeting is not hosted on this site: a regional site serves it.', 'zh-CN': '该会议不在此站点，由区域站点承载。' },
    action: {
      en: 'Choose the meeting’s site (Chinese mainland or international) in Settings.',
      'zh-CN': '请在设置中选择会议所在的站点（中国大陆或国际）。',
    },
    retrySafe: true,
  },
  'USG.206010025': {
    title: { en: 'App ID authentication failed: the App ID or App Key is wrong.', 'zh-CN': 'App ID 鉴权失败：App ID 或 App Key 错误。' },
    action: {
      en: 'Check the App ID and enter the App Key again in Settings › Enterprise App ID.',
      'zh-CN': '请在“设置 › 企业 App ID”中检查 App ID 并重新输入 App Key。',
    },
    retrySafe: true,
  },
  'USG.206010057': {
    title: {
      en: 'App ID authentication expired before it reached the server: the computer’s clock is probably off.',
      'zh-CN': 'App ID 认证已过期：电脑时钟可能不准。',
    },
    action: {
      en: 'Check the computer’s clock (date, time and time zone), then test the connection again.',
      'zh-CN': '请检查电脑的日期、时间和时区，然后重新测试连接。',
    },
    retrySafe: true,
  },
  'USG.206020000': {
    title: { en: 'The App ID access token is not valid.', 'zh-CN': 'App ID 访问令牌无效。' },
    action: {
      en: 'Test the App ID connection in Settings; if it keeps failing, ask your administrator.',
      'zh-CN': '请在设置中测试 App ID 连接；如仍失败，请联系管理员。',
    },
    retrySafe: true,
  },
  // InviteResultNotify result codes (docs/api.md, door A's push messages).
  'CALL.11076001': {
    title: { en: 'The room is busy.', 'zh-CN': '会议室忙。' },
    action: {
      en: 'The room is in another call: end it on the room’s terminal, then invite again.',
      'zh-CN': '会议室正在其他通话中：请在终端上结束该通话后重新邀请。',
    },
    retrySafe: true,
  },
  'CALL.11076002': {
    title: { en: 'The host hung the room up.', 'zh-CN': '主持人挂断了会议室。' },
    action: { en: 'Ask the host before inviting the room again.', 'zh-CN': '请先与主持人确认，再重新邀请会议室。' },
    retrySafe: false,
  },
  'CALL.11076010': {
    title: { en: 'The room left the meeting.', 'zh-CN': '会议室已离开会议。' },
    action: { en: 'Invite the room again if it should be in the meeting.', 'zh-CN': '如需会议室继续参会，请重新邀请。' },
    retrySafe: true,
  },
  ...Object.fromEntries(
    ['11111001', '11111002', '11111003', '11111004'].map((code) => [
      `CALL.${code}`,
      {
        title: { en: 'The call to the room failed: network or SIP timeout.', 'zh-CN': '呼叫会议室失败：网络或SIP超时。' },
        action: {
          en: 'Check that the room’s terminal is on and online, then invite again.',
          'zh-CN': '请确认会议室终端已开机并在线，然后重新邀请。',
        },
        retrySafe: true,
      },
    ]),
  ),
  [ClientCode.noStatusSource]: {
    title: {
      en: 'Whether the room joined cannot be confirmed without the host password or an enterprise App ID.',
      'zh-CN': '没有主持人密码或企业 App ID，无法确认会议室是否已入会。',
    },
    action: {
      en: 'Look at the meeting’s participant list, or enter the host password to follow the call.',
      'zh-CN': '请查看会议的与会者列表，或输入主持人密码以跟踪呼叫状态。',
    },
    retrySafe: true,
  },
  [ClientCode.notInMeeting]: {
    title: { en: 'The room is not in the meeting.', 'zh-CN': '会议室不在会议中。' },
    action: { en: 'Invite the room if it should join; there is nothing to hang up.', 'zh-CN': '如需入会请邀请会议室；无需挂断。' },
    retrySafe: true,
  },
  [ClientCode.noHostPassword]: {
    title: {
      en: 'The meeting service did not give this meeting’s host password to the App ID.',
      'zh-CN': '会议服务未向该 App ID 提供此会议的主持人密码。',
    },
    action: {
      en: 'Enter the host password to hang up, or hang up from the meeting itself.',
      'zh-CN': '请输入主持人密码后挂断，或在会议中直接挂断。',
    },
    retrySafe: true,
  },
  [ClientCode.appIdMissing]: {
    title: { en: 'No enterprise App ID is configured.', 'zh-CN': '未配置企业 App ID。' },
    action: {
      en: 'Enter the App ID and App Key in Settings › Enterprise App ID.',
      'zh-CN': '请在“设置 › 企业 App ID”中输入 App ID 和 App Key。',
    },
    retrySafe: true,
  },
  [ClientCode.appKeyOtherServer]: {
    title: {
      en: 'The saved App Key is for another server, so it was not used.',
      'zh-CN': '已保存的 App Key 属于另一台服务器，因此未使用。',
    },
    action: {
      en: 'Enter the App Key again in Settings › Enterprise App ID to use it with this server, or go back to the server it was saved for.',
      'zh-CN': '如需在此服务器使用，请在“设置 › 企业 App ID”中重新输入 App Key，或切换回保存它时的服务器。',
    },
    retrySafe: true,
  },
  [ClientCode.invalidInput]: {
    title: { en: 'The meeting or room details are not valid.', 'zh-CN': '会议或会议室信息无效。' },
    action: { en: 'Correct the field named in the details; nothing was sent.', 'zh-CN': '请更正详情中指出的字段；未发送任何请求。' },
    retrySafe: true,
  },
  [ClientCode.missingPassword]: {
    title: { en: 'This meeting needs a password.', 'zh-CN': '该会议需要密码。' },
    action: { en: 'Enter the meeting’s guest password; nothing was sent.', 'zh-CN': '请输入会议的来宾密码；未发送任何请求。' },
    retrySafe: true,
    asksForPassword: true,
  },
  [ClientCode.missingTerminal]: {
    title: { en: 'No meeting room is selected.', 'zh-CN': '未选择会议室。' },
    action: {
      en: 'Add or pick a room (its SIP number) in Settings; nothing was sent.',
      'zh-CN': '请在设置中添加或选择会议室（SIP号码）；未发送任何请求。',
    },
    retrySafe: true,
  },
  [ClientCode.duplicateInvite]: {
    title: { en: 'This room was just invited to this meeting.', 'zh-CN': '刚刚已邀请该会议室加入此会议。' },
    action: {
      en: 'Wait a few seconds before inviting again; the terminal may already be ringing.',
      'zh-CN': '终端可能已在呼叫中，请稍等几秒再邀请。',
    },
    retrySafe: false,
  },
  [ClientCode.network]: {
    title: { en: 'Could not reach the meeting service.', 'zh-CN': '无法连接会议服务。' },
    action: {
      en: 'Check the network connection and the site setting, then try again; nothing was sent.',
      'zh-CN': '请检查网络连接和站点设置后重试；请求未发出。',
    },
    retrySafe: true,
  },
  [ClientCode.timeout]: {
    title: { en: 'The meeting service did not answer in time.', 'zh-CN': '会议服务响应超时。' },
    action: { en: 'Check the network and try again; nothing was sent.', 'zh-CN': '请检查网络后重试；请求未发出。' },
    retrySafe: true,
  },
  [ClientCode.tls]: {
    title: { en: 'The connection is not secure: the server’s certificate is not trusted.', 'zh-CN': '连接不安全：服务器证书不受信任。' },
    action: {
      en: 'Nothing was sent. If your company inspects TLS traffic, add its CA certificate in Settings; otherwise contact IT.',
      'zh-CN': '请求未发出。如果公司网络会检查TLS流量，请在设置中添加公司的CA证书；否则请联系IT部门。',
    },
    retrySafe: true,
  },
  [ClientCode.outcomeUnknown]: {
    title: {
      en: 'The invitation was sent, but no answer came back: the room may already be being called.',
      'zh-CN': '邀请已发出但未收到答复：会议室可能已在被呼叫。',
    },
    action: {
      en: 'Check whether the room is ringing or in the meeting before trying again.',
      'zh-CN': '请先确认会议室是否正在响铃或已入会，再决定是否重试。',
    },
    retrySafe: false,
  },
  [ClientCode.responseTooLarge]: {
    title: {
      en: 'The invitation was sent, but the server’s answer was far too large to be real, so it was not read: the room may already be being called.',
      'zh-CN': '邀请已发出，但服务器的应答异常过大，未予读取：会议室可能已在被呼叫。',
    },
    action: {
      en: 'Check whether the room is ringing or in the meeting before trying again, and check the site setting (base URL). If it keeps happening, contact support with the details below.',
      'zh-CN': '请先确认会议室是否正在响铃或已入会再决定是否重试，并检查站点设置（基础URL）。如反复出现，请将下方详情提供给技术支持。',
    },
    retrySafe: false,
  },
  [ClientCode.unexpectedResponse]: {
    title: { en: 'The meeting service gave an answer this app does not understand.', 'zh-CN': '会议服务返回了无法识别的应答。' },
    action: {
      en: 'Check the site setting (base URL); if it is right, contact support with the details.',
      'zh-CN': '请检查站点设置（基础URL）；如设置无误，请将详情提供给技术支持。',
    },
    retrySafe: false,
  },
  [ClientCode.badSettings]: {
    title: { en: 'The site settings cannot be used.', 'zh-CN': '站点设置无法使用。' },
    action: {
      en: 'Open Settings and check the site, custom URL and CA file; nothing was sent.',
      'zh-CN': '请打开设置，检查站点、自定义URL和CA证书文件；未发送任何请求。',
    },
    retrySafe: true,
  },
  [ClientCode.refused]: {
    title: { en: 'The app refused this request.', 'zh-CN': '应用拒绝了此请求。' },
    action: {
      en: 'Close and reopen the window; if it happens again, contact support with the details.',
      'zh-CN': '请关闭并重新打开窗口；如再次发生，请将详情提供给技术支持。',
    },
    retrySafe: false,
  },
  [ClientCode.internal]: {
    title: { en: 'Something went wrong inside the app.', 'zh-CN': '应用内部出现错误。' },
    action: {
      en: 'Try again; if it happens again, use “Copy diagnostics” in Settings and contact support.',
      'zh-CN': '请重试；如再次发生，请在设置中使用“复制诊断信息”并联系技术支持。',
    },
    retrySafe: false,
  },
  [ClientCode.rateLimited]: {
    title: { en: 'Too many invitations in a short time.', 'zh-CN': '短时间内邀请次数过多。' },
    action: { en: 'Wait a minute before inviting again; nothing was sent.', 'zh-CN': '请等待一分钟后再邀请；未发送任何请求。' },
    retrySafe: true,
  },
  [ClientCode.captureRateLimited]: {
    title: { en: 'Too many screen or clipboard reads in a short time.', 'zh-CN': '短时间内读取屏幕或剪贴板的次数过多。' },
    action: { en: 'Wait a minute, then scan again.', 'zh-CN': '请等待一分钟后再扫描。' },
    retrySafe: true,
  },
  [ClientCode.unknownTerminalNotConfirmed]: {
    title: {
      en: 'This terminal is not one of your rooms, and inviting it was not confirmed.',
      'zh-CN': '该终端不是您的会议室，且邀请未经确认。',
    },
    action: {
      en: 'Nothing was sent. Open the window, check the number, choose the meeting and confirm that this terminal may join.',
      'zh-CN': '未发送任何请求。请打开窗口，核对号码，选择会议，并确认允许该终端加入。',
    },
    retrySafe: true,
  },
  [ClientCode.serverChangeNotConfirmed]: {
    title: { en: 'The server settings were not changed.', 'zh-CN': '服务器设置未更改。' },
    action: {
      en: 'The change of site, base URL or extra CA was not confirmed in the dialog. Make the change again and confirm it if you meant it.',
      'zh-CN': '站点、基础URL或附加CA的更改未在对话框中确认。如确需更改，请重新操作并确认。',
    },
    retrySafe: true,
  },
  [ClientCode.settingsReset]: {
    title: { en: 'The settings file was damaged and has been reset.', 'zh-CN': '设置文件已损坏，已恢复为默认设置。' },
    action: {
      en: 'Check your rooms and site in Settings. The damaged file was kept beside the new one for support.',
      'zh-CN': '请在设置中检查会议室和站点。损坏的文件已保存在新文件旁边，以便技术支持查看。',
    },
    retrySafe: true,
  },
  [ClientCode.settingLocked]: {
    title: { en: 'This setting is managed by your administrator.', 'zh-CN': '此设置由管理员统一管理。' },
    action: {
      en: 'Ask IT to change it in the managed configuration file; nothing was changed.',
      'zh-CN': '请联系IT部门在托管配置文件中修改；未做任何更改。',
    },
    retrySafe: false,
  },
  [ClientCode.managedConfigInvalid]: {
    title: { en: 'The managed configuration file is invalid and was ignored.', 'zh-CN': '托管配置文件无效，已被忽略。' },
    action: {
      en: 'The app runs with its own settings. Ask IT to fix the field named in the details.',
      'zh-CN': '应用正在使用自身设置运行。请联系IT部门修正详情中指出的字段。',
    },
    retrySafe: true,
  },
  [ClientCode.unknownServerError]: {
    title: { en: 'The meeting service refused the invitation.', 'zh-CN': '会议服务拒绝了邀请。' },
    action: {
      en: 'See the server’s message and code below; contact support with the request ID if unclear.',
      'zh-CN': '请查看下方服务器消息和错误码；如有疑问，请携带请求ID联系技术支持。',
    },
    retrySafe: false,
  },
};

/** Accepts codes with or without a prefix (`111072065` → `MMC.111072065`). */
export function canonicalErrorCode(code: string): string {
  return /^\d+$/u.test(code) ? `MMC.${code}` : code;
}

/** The catalogue entry for a code; unknown codes get the generic server-refusal entry. */
export function lookupError(code: string): CatalogueEntry {
  const canonical = canonicalErrorCode(code);
  // USG.* gateway codes share numeric parts with MMC ones (e.g. flow control).
  const numeric = canonical.replace(/^[A-Z]+\./u, 'MMC.');
  return ERROR_CATALOGUE[canonical] ?? ERROR_CATALOGUE[numeric] ?? (ERROR_CATALOGUE[ClientCode.unknownServerError] as CatalogueEntry);
}

/** Whether the catalogue knows a code by itself (not through the fallback). */
export function isCatalogued(code: string): boolean {
  return canonicalErrorCode(code) in ERROR_CATALOGUE;
}
