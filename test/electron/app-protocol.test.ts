// The app:// scheme: which file each URL names inside the renderer folder (never outside it, by
// `..`, encoded separators or symbolic links), and the protocol.handle handler built on it.
import { mkdirSync, mkdtempSync, realpathSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  APP_ORIGIN,
  appProtocolHandler,
  appScheme,
  appUrlToFile,
} from '../../electron/main/app-protocol';

let base = '';
let root = '';
beforeAll(() => {
  base = realpathSync(mkdtempSync(path.join(os.tmpdir(), 'mllab-app-protocol-')));
  root = path.join(base, 'renderer');
  mkdirSync(path.join(root, 'assets'), { recursive: true });
  writeFileSync(path.join(root, 'index.html'), '<!doctype html><title>ML Math Lab</title>');
  writeFileSync(path.join(root, 'assets', 'index.js'), 'console.log(1)');
  writeFileSync(path.join(root, 'assets', 'font.woff2'), new Uint8Array([0x77, 0x4f, 0x46, 0x32]));
  // A sibling whose name starts with the root's: a prefix check would let it through.
  mkdirSync(path.join(base, 'renderer-private'));
  writeFileSync(path.join(base, 'renderer-private', 'secret.txt'), 'secret');
  writeFileSync(path.join(base, 'secret.txt'), 'secret');
  symlinkSync(path.join(base, 'secret.txt'), path.join(root, 'leak.txt'));
  symlinkSync(path.join(base, 'renderer-private'), path.join(root, 'private'));
  symlinkSync(path.join(root, 'assets', 'index.js'), path.join(root, 'alias.js'));
  // The renderer folder itself reached through a link (as a packaged app may be).
  symlinkSync(root, path.join(base, 'renderer-link'));
});

const url = (p: string) => `${APP_ORIGIN}${p}`;

describe('appUrlToFile', () => {
  it('maps the app origin onto the renderer folder, / to index.html', async () => {
    expect(await appUrlToFile(root, url('/'))).toBe(path.join(root, 'index.html'));
    expect(await appUrlToFile(root, url(''))).toBe(path.join(root, 'index.html'));
    expect(await appUrlToFile(root, url('/index.html'))).toBe(path.join(root, 'index.html'));
    expect(await appUrlToFile(root, url('/assets/index.js?v=1#x'))).toBe(
      path.join(root, 'assets', 'index.js'),
    );
    expect(await appUrlToFile(root, url('/assets/font%2Ewoff2'))).toBe(
      path.join(root, 'assets', 'font.woff2'),
    );
  });

  it('follows a link that stays inside, and serves through a linked root', async () => {
    expect(await appUrlToFile(root, url('/alias.js'))).toBe(path.join(root, 'assets', 'index.js'));
    expect(await appUrlToFile(path.join(base, 'renderer-link'), url('/index.html'))).toBe(
      path.join(root, 'index.html'),
    );
  });

  it('never leaves the folder: dot segments, encoded separators, links out', async () => {
    for (const p of [
      '/../secret.txt',
      '/assets/../../secret.txt',
      '/%2e%2e/secret.txt',
      '/%2E%2E/renderer-private/secret.txt',
      '/..%2fsecret.txt',
      '/..%2Frenderer-private%2Fsecret.txt',
      '/..%5csecret.txt',
      '/assets%2findex.js',
      '/../renderer-private/secret.txt',
      '/leak.txt',
      '/private/secret.txt',
    ])
      expect(await appUrlToFile(root, url(p)), p).toBeNull();
  });

  it('refuses folders, missing files, NUL, malformed escapes and other origins', async () => {
    for (const u of [
      url('/assets'),
      url('/assets/'),
      url('/missing.js'),
      url('/index.html%00.js'),
      url('/%E0%A4%A'),
      'app://other/index.html',
      'app://mllab.evil/index.html',
      'app://x@mllab/index.html',
      'app://mllab:1/index.html',
      `file://${path.join(root, 'index.html')}`,
      'https://mllab/index.html',
      'not a url',
    ])
      expect(await appUrlToFile(root, u), u).toBeNull();
  });
});

describe('appProtocolHandler', () => {
  const csp = "default-src 'self'";
  const handler = () => appProtocolHandler(root, { 'Content-Security-Policy': csp });

  it('serves a page with its type, one CSP header and nosniff', async () => {
    const res = await handler()(new Request(url('/index.html')));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(res.headers.get('content-security-policy')).toBe(csp);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await res.text()).toContain('<title>ML Math Lab</title>');
    const font = await handler()(new Request(url('/assets/font.woff2')));
    expect(font.headers.get('content-type')).toBe('font/woff2');
    expect([...new Uint8Array(await font.arrayBuffer())]).toEqual([0x77, 0x4f, 0x46, 0x32]);
  });

  it('answers HEAD without a body, and refuses other methods', async () => {
    const head = await handler()(new Request(url('/assets/index.js'), { method: 'HEAD' }));
    expect(head.status).toBe(200);
    expect(head.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(await head.text()).toBe('');
    const post = await handler()(new Request(url('/index.html'), { method: 'POST', body: 'x' }));
    expect(post.status).toBe(405);
  });

  it('answers 404, never the file, for anything outside', async () => {
    for (const p of ['/..%2fsecret.txt', '/leak.txt', '/missing.js', '/assets']) {
      const res = await handler()(new Request(url(p)));
      expect(res.status, p).toBe(404);
      expect(await res.text(), p).not.toContain('secret');
    }
  });

  it('registers app:// as standard and secure, with fetch, without CORS or a CSP bypass', () => {
    expect(appScheme.scheme).toBe('app');
    expect(appScheme.privileges).toEqual({ standard: true, secure: true, supportFetchAPI: true });
  });
});
