/**
 * The renderer's Content-Security-Policy, written once: main sends it as a header on every
 * app:// response (main/app-protocol.ts) and the build writes it into index.html's meta tag
 * (electron.vite.config.ts). The renderer never touches the network and runs no remote or
 * inline script.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' blob: data:",
  "media-src 'self' blob: mediastream:",
  "worker-src 'self' blob:",
  "font-src 'self'",
  "connect-src 'none'",
  "form-action 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  "object-src 'none'",
].join('; ');

/** The placeholder in renderer/index.html that the build replaces with the policy. */
export const CSP_PLACEHOLDER = '%CONTENT_SECURITY_POLICY%';
