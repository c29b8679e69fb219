// The URL policy (which senders, navigations and requests are the app's), the one CSP header, the
// CSP <meta> matching it, and the navigation guards on every web contents.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Session, WebContents } from 'electron';
import { APP_INDEX_URL, APP_ORIGIN } from '../../electron/main/app-protocol';
import {
  CONTENT_SECURITY_POLICY,
  hardenContents,
  hardenSession,
  isAppRequest,
  isAppUrl,
  responseHeadersWithCsp,
} from '../../electron/main/security';

const dev = 'http://localhost:5173/';

describe('isAppUrl', () => {
  it('trusts the app:// origin the window loads', () => {
    expect(APP_INDEX_URL).toBe('app://mllab/index.html');
    expect(isAppUrl(APP_INDEX_URL, undefined)).toBe(true);
    expect(isAppUrl(`${APP_ORIGIN}/`, undefined)).toBe(true);
    expect(isAppUrl(`${APP_ORIGIN}/index.html#/descent?scene=abc`, undefined)).toBe(true);
  });

  it('refuses file:, data:, blob:, devtools: and about: pages', () => {
    for (const url of [
      'file:///opt/ML%20Math%20Lab/resources/app.asar/out/renderer/index.html',
      'file:///home/ana/Downloads/evil.html',
      'data:text/html,<script>mlLab.openFile({kind:"scene"})</script>',
      'blob:app://mllab/5b1c6a1e-0000-4000-8000-000000000000',
      'devtools://devtools/bundled/inspector.html',
      'about:blank',
      '',
      'not a url',
    ])
      expect(isAppUrl(url, undefined), url).toBe(false);
  });

  it('refuses look-alikes of the app origin', () => {
    for (const url of [
      'app://mllab.evil/index.html',
      'app://evil/index.html',
      'app://mllab@evil/index.html',
      'app://x@mllab/index.html',
      'app://mllab:8080/index.html',
      'https://mllab/index.html',
      'apps://mllab/index.html',
    ])
      expect(isAppUrl(url, undefined), url).toBe(false);
  });

  it('trusts the dev server only when main was given one, and only its origin', () => {
    expect(isAppUrl('http://localhost:5173/index.html', undefined)).toBe(false);
    expect(isAppUrl('http://localhost:5173/index.html', dev)).toBe(true);
    expect(isAppUrl('http://localhost:5173.evil.com/', dev)).toBe(false);
    expect(isAppUrl('http://localhost:5174/', dev)).toBe(false);
    expect(isAppUrl('https://example.com/', dev)).toBe(false);
    // The app origin stays trusted in development too; file: does not.
    expect(isAppUrl(APP_INDEX_URL, dev)).toBe(true);
    expect(isAppUrl('file:///tmp/index.html', dev)).toBe(false);
  });
});

describe('isAppRequest (the session request filter)', () => {
  it('lets through the app, inline data, its own blobs and DevTools', () => {
    expect(isAppRequest(`${APP_ORIGIN}/assets/index.js`, undefined)).toBe(true);
    expect(isAppRequest('data:font/woff2;base64,AAAA', undefined)).toBe(true);
    expect(isAppRequest('blob:app://mllab/5b1c6a1e', undefined)).toBe(true);
    expect(isAppRequest('devtools://devtools/bundled/x.js', undefined)).toBe(true);
  });

  it('cancels the network, local files and other origins’ blobs', () => {
    for (const url of [
      'https://example.com/x.js',
      'http://localhost:5173/x.js',
      'ws://localhost:5173/',
      'file:///etc/passwd',
      'blob:https://example.com/5b1c6a1e',
      'blob:null/5b1c6a1e',
    ])
      expect(isAppRequest(url, undefined), url).toBe(false);
  });

  it('in development, lets through the dev server and its reload socket only', () => {
    expect(isAppRequest('http://localhost:5173/src/main.tsx', dev)).toBe(true);
    expect(isAppRequest('ws://localhost:5173/', dev)).toBe(true);
    expect(isAppRequest('ws://localhost:9999/', dev)).toBe(false);
    expect(isAppRequest('https://example.com/', dev)).toBe(false);
  });
});

/** Every header value of `name`, under any letter case. */
const headerValues = (headers: Record<string, string[]>, name: string) =>
  Object.entries(headers)
    .filter(([k]) => k.toLowerCase() === name.toLowerCase())
    .flatMap(([, v]) => v);

describe('the CSP', () => {
  it('forbids eval, remote content and frames', () => {
    expect(CONTENT_SECURITY_POLICY).toContain("default-src 'self'");
    expect(CONTENT_SECURITY_POLICY).toContain("frame-src 'none'");
    expect(CONTENT_SECURITY_POLICY).toContain("object-src 'none'");
    expect(CONTENT_SECURITY_POLICY).not.toContain('unsafe-eval');
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/https?:/);
  });

  it('is sent once per response, replacing one the response had under any letter case', () => {
    const cases: (Record<string, string[]> | undefined)[] = [
      undefined,
      {},
      { 'content-type': ['text/html'] },
      { 'content-security-policy': ['default-src *'] },
      { 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] },
      { 'CONTENT-SECURITY-POLICY': ['a'], 'content-security-policy': ['b'] },
    ];
    for (const before of cases) {
      const after = responseHeadersWithCsp(before);
      expect(headerValues(after, 'content-security-policy'), JSON.stringify(before)).toEqual([
        CONTENT_SECURITY_POLICY,
      ]);
    }
    expect(responseHeadersWithCsp({ 'Content-Type': 'text/html' })['Content-Type']).toEqual([
      'text/html',
    ]);
  });

  it('the session hook adds it once to a response served with one already', () => {
    let onHeaders: ((details: unknown, cb: (r: unknown) => void) => void) | undefined;
    const session = {
      setPermissionRequestHandler: () => {},
      setPermissionCheckHandler: () => {},
      webRequest: {
        onBeforeRequest: () => {},
        onHeadersReceived: (fn: typeof onHeaders) => (onHeaders = fn),
      },
    } as unknown as Session;
    hardenSession(session, undefined);
    let result: { responseHeaders: Record<string, string[]> } | undefined;
    onHeaders!(
      {
        url: APP_INDEX_URL,
        responseHeaders: { 'content-security-policy': [CONTENT_SECURITY_POLICY] },
      },
      (r) => (result = r as typeof result),
    );
    expect(headerValues(result!.responseHeaders, 'content-security-policy')).toHaveLength(1);
  });

  it('the <meta> in renderer/index.html states the same policy as the header', () => {
    const html = readFileSync(
      path.resolve(import.meta.dirname, '../../renderer/index.html'),
      'utf8',
    );
    const metas = [...html.matchAll(/http-equiv="Content-Security-Policy"\s+content="([^"]*)"/g)];
    expect(metas).toHaveLength(1);
    const directives = (p: string) =>
      p
        .split(';')
        .map((d) => d.trim().replace(/\s+/g, ' '))
        .filter(Boolean)
        .sort();
    expect(directives(metas[0][1])).toEqual(directives(CONTENT_SECURITY_POLICY));
  });
});

describe('hardenContents', () => {
  it('prevents navigation of the page and of any frame, redirects, webviews and new windows', () => {
    const handlers = new Map<string, (event: { preventDefault(): void }) => void>();
    let openHandler: (() => { action: string }) | undefined;
    const contents = {
      on: (name: string, fn: (event: { preventDefault(): void }) => void) => handlers.set(name, fn),
      setWindowOpenHandler: (fn: typeof openHandler) => (openHandler = fn),
    } as unknown as WebContents;
    hardenContents(contents);
    for (const name of [
      'will-navigate',
      'will-frame-navigate',
      'will-redirect',
      'will-attach-webview',
    ]) {
      let prevented = false;
      expect(handlers.has(name), name).toBe(true);
      handlers.get(name)!({ preventDefault: () => (prevented = true) });
      expect(prevented, name).toBe(true);
    }
    expect(openHandler!()).toEqual({ action: 'deny' });
  });
});
