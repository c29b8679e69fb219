/**
 * Electron's security checklist for sessions and web contents: the CSP, and the
 * handlers that deny navigation, new windows, webviews, permission requests and any network
 * request. The app is offline by design: the only URLs a window may load are the app's own.
 */
import type { Session, WebContents } from 'electron';

/** The CSP for every page (also set as a <meta> in index.html for file:// loads). */
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

/** True for URLs the app itself serves: its files, or the dev server during `npm run dev`. */
export function isAppUrl(url: string, devServer: string | undefined): boolean {
  if (url.startsWith('file://')) return true;
  if (url.startsWith('devtools://') || url.startsWith('data:') || url.startsWith('blob:'))
    return true;
  return !!devServer && url.startsWith(devServer);
}

export function hardenSession(session: Session, devServer: string | undefined): void {
  session.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.webRequest.onBeforeRequest((details, callback) => {
    callback({ cancel: !isAppUrl(details.url, devServer) });
  });
  session.webRequest.onHeadersReceived((details, callback) => {
    callback({
      responseHeaders: {
        ...details.responseHeaders,
        'Content-Security-Policy': [CONTENT_SECURITY_POLICY],
      },
    });
  });
}

export function hardenContents(contents: WebContents): void {
  contents.on('will-navigate', (event) => event.preventDefault());
  contents.on('will-redirect', (event) => event.preventDefault());
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}
