/**
 * The error answers the simulator gives: HTTP status, code and the server's message in English
 * and Chinese, in the shape of Huawei's `{"error_code": ..., "error_msg": ...}` bodies.
 */

export type SimLanguage = 'en-US' | 'zh-CN';

export interface SimError {
  status: number;
  code: string;
  message: { 'en-US': string; 'zh-CN': string };
}

function simError(status: number, code: string, en: string, zh: string): SimError {
  return { status, code, message: { 'en-US': en, 'zh-CN': zh } };
}

export const SIM_ERRORS = {
  badRequest: simError(400, 'MMC.111070001', 'BAD_REQUEST', '请求参数错误'),
  methodNotAllowed: simError(405, 'MMC.111070001', 'METHOD_NOT_ALLOWED', '请求方法不支持'),
  apiNotFound: simError(
    404,
    'APIG.0101',
    'The API does not exist or has not been published in the environment.',
    'API不存在或未发布到环境',
  ),
  serverFailure: simError(500, 'MMC.111070003', 'SERVER_PROCESSING_FAILURE', '服务器处理失败'),
  confNotExist: simError(404, 'MMC.111070005', 'CONF_NOT_EXIST', '会议不存在'),
  pwdEmpty: simError(400, 'MMC.111070009', 'CONF_PWD_CANNOT_BE_EMPTY', '会议密码不能为空'),
  authFailed: simError(401, 'MMC.111072065', 'CONF_NOT_FOUND_OR_AUTH_FAILED', '会议不存在或鉴权失败'),
  notStarted: simError(400, 'MMC.111072005', 'CONF_NOT_STARTED', '会议未开始'),
  ended: simError(400, 'MMC.111072006', 'CONF_ALREADY_ENDED', '会议已结束'),
  locked: simError(403, 'MMC.111072050', 'CONF_IS_LOCKED', '会议已锁定'),
  corporateOnly: simError(403, 'MMC.111071074', 'ONLY_CORP_USERS_CAN_JOIN', '仅企业内用户可以入会'),
  invitedOnly: simError(403, 'MMC.111071075', 'ONLY_INVITED_USERS_CAN_JOIN', '仅被邀请用户可以入会'),
  full: simError(403, 'MMC.111076003', 'CONF_PARTICIPANT_LIMIT_REACHED', '会议室与会方数量已达上限'),
  adminSwitchOff: simError(
    403,
    'MMC.111076022',
    'ENTERPRISE_NOT_ALLOW_HARD_TERMINAL_JOIN_BY_GUEST_QR_CODE',
    '企业未开启扫描来宾二维码使用硬终端入会',
  ),
  rateLimited: simError(429, 'MMC.100000429', 'TOO_MANY_REQUESTS', '请求过于频繁，请稍后重试'),
  rateLimitedUsg: simError(429, 'USG.100000429', 'TOO_MANY_REQUESTS', '请求过于频繁，请稍后重试'),
  rateLimitedApig: simError(
    429,
    'APIG.0308',
    'The throttling threshold has been reached: policy user over ratelimit,limit:100,time:1 minute',
    '已达到流控阈值：policy user over ratelimit,limit:100,time:1 minute',
  ),
  backendUnavailable: simError(502, 'APIG.0202', 'Backend unavailable.', '后端不可用'),
  serviceUnavailable: simError(503, 'APIG.0202', 'Backend unavailable.', '后端不可用'),
  backendTimeout: simError(504, 'APIG.0201', 'Backend timeout.', '后端超时'),
  // Doors A and B (docs/api.md, "After the invite").
  confTokenInvalid: simError(401, 'MMC.111070004', 'CONF_AUTH_FAIL', '会议鉴权失败'),
  tooManyFailures: simError(403, 'MMC.111072064', 'TOO_MANY_FAILED_LOGIN_ATTEMPTS', '登录失败次数过多'),
  appIdAuthFailed: simError(401, 'USG.206010025', 'APPID verification failed.', 'APPID校验失败'),
  appIdAuthExpired: simError(401, 'USG.206010057', 'APPID authentication expires.', 'APPID认证过期'),
  accessTokenInvalid: simError(
    401,
    'USG.206020000',
    'Invalid authentication information. Please check the value of the request header field X-Auth-Token or X-Access-Token.',
    '鉴权信息无效 请检查请求头域X-Auth-Token或X-Access-Token的值',
  ),
} as const satisfies Record<string, SimError>;

/** The error body for a status fault: 500 is the meeting service's own failure, 5xx the gateway's. */
export function serverErrorFor(status: 500 | 502 | 503 | 504): SimError {
  switch (status) {
    case 500:
      return SIM_ERRORS.serverFailure;
    case 502:
      return SIM_ERRORS.backendUnavailable;
    case 503:
      return SIM_ERRORS.serviceUnavailable;
    case 504:
      return SIM_ERRORS.backendTimeout;
  }
}

/**
 * The language of server messages from `Accept-Language`: the preferred of `zh*` and `en*`
 * (by q-value, then order); English when neither is there.
 */
export function pickLanguage(acceptLanguage: string | undefined): SimLanguage {
  if (!acceptLanguage) return 'en-US';
  let best: { lang: SimLanguage; q: number } | null = null;
  for (const part of acceptLanguage.split(',')) {
    const [tag = '', ...params] = part.trim().split(';');
    const primary = tag.trim().toLowerCase().split('-')[0];
    const lang: SimLanguage | null = primary === 'zh' ? 'zh-CN' : primary === 'en' ? 'en-US' : null;
    if (!lang) continue;
    let q = 1;
    for (const param of params) {
      const match = /^\s*q\s*=\s*([0-9.]+)\s*$/u.exec(param);
      if (match?.[1] !== undefined) q = Number(match[1]);
    }
    if (Number.isFinite(q) && q > 0 && (best === null || q > best.q)) best = { lang, q };
  }
  return best?.lang ?? 'en-US';
}

export interface ErrorBody {
  error_code: string;
  error_msg: string;
}

export function errorBody(error: SimError, language: SimLanguage): ErrorBody {
  return { error_code: error.code, error_msg: error.message[language] };
}
