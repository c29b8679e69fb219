/**
 * Electron's security checklist for sessions and web contents: the CSP, and the
 * handlers that deny navigation, new windows, webviews, permission requests and any network
 * request. The app is offline by design: the only URLs a window may load are the app's own.
 * Process-neutral (only Electron's types), so the policy is tested under plain Node.
 */
import type { Session, WebContents } from 'electron';
import { APP_HOST, APP_SCHEME } from './app-protocol';

/** The CSP for every page: sent as a header and, identical, as a <meta> in index.html. */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "worker-src 'self' blob:",
  "connect-src 'self'",
  "media-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-src 'none'",
].join('; ');

function urlParse(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/**
 * True only for the app's own pages: the `app://mllab` origin, or the dev server's origin when
 * main was given one (`npm run dev`; main passes none when packaged). `file:`, `data:`, `blob:`,
 * `devtools:` and every other origin are not the app, so a frame or a downloaded page with
 * such a URL fails the IPC sender check.
 */
export function isAppUrl(url: string, devServer: string | undefined): boolean {
  const u = urlParse(url);
  if (!u) return false;
  if (u.protocol === `${APP_SCHEME}:`)
    return u.host === APP_HOST && !u.username && !u.password && !u.port;
  if (!devServer) return false;
  const dev = urlParse(devServer);
  return (
    !!dev && (dev.protocol === 'http:' || dev.protocol === 'https:') && u.origin === dev.origin
  );
}

/**
 * True for requests the session lets through: the app's own URLs, `data:` (inline images and
 * fonts, which the CSP allows), `blob:` URLs the app's page created, DevTools' own pages, and
 * in development the dev server's reload socket. Everything else (the network, `file:`) is
 * cancelled.
 */
export function isAppRequest(url: string, devServer: string | undefined): boolean {
  if (isAppUrl(url, devServer)) return true;
  const u = urlParse(url);
  if (!u) return false;
  if (u.protocol === 'data:' || u.protocol === 'devtools:') return true;
  if (u.protocol === 'blob:') return isAppUrl(u.pathname, devServer);
  const dev = devServer ? urlParse(devServer) : null;
  return !!dev && (u.protocol === 'ws:' || u.protocol === 'wss:') && u.host === dev.host;
}

/**
 * Response headers with exactly one Content-Security-Policy, the app's: any the response
 * already had, under any letter case, is replaced rather than kept beside it.
 */
export function responseHeadersWithCsp(
  headers: Record<string, string | string[]> | undefined,
): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const [key, value] of Object.entries(headers ?? {})) {
    if (key.toLowerCase() === 'content-security-policy') continue;
    out[key] = Array.isArray(value) ? value : [value];
  }
  out['Content-Security-Policy'] = [CONTENT_SECURITY_POLICY];
  return out;
}

export function hardenSession(session: Session, devServer: string | undefined): void {
  session.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.webRequest.onBeforeRequest((details, callback) => {
    callback({ cancel: !isAppRequest(details.url, devServer) });
  });
  session.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: responseHeadersWithCsp(details.responseHeaders) });
  });
}

/**
 * No page and no frame navigates anywhere (the app routes in-page, with the URL hash), nothing
 * opens a window or attaches a webview.
 */
export function hardenContents(contents: WebContents): void {
  contents.on('will-navigate', (event) => event.preventDefault());
  contents.on('will-frame-navigate', (event) => event.preventDefault());
  contents.on('will-redirect', (event) => event.preventDefault());
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}
