// The test static server serves only files inside its root: no encoded "..", no sibling folder
// sharing the root's name as a prefix, no symbolic link leading out, no crash on a bad escape.
import { mkdtempSync, mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error plain ESM helper without types
import { staticServe } from '../../scripts/static-server.mjs';

interface Served {
  url: string;
  close: () => Promise<void>;
}

/** GET with the path sent exactly as written (no URL normalisation on the way out). */
function get(base: string, rawPath: string): Promise<{ status: number; body: string }> {
  const { hostname, port } = new URL(base);
  return new Promise((resolve, reject) => {
    const req = http.request({ hostname, port, path: rawPath, method: 'GET' }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.setTimeout(5000, () => req.destroy(new Error(`no answer for ${rawPath}`)));
    req.on('error', reject);
    req.end();
  });
}

let dir: string;
let server: Served;

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'static-server-'));
  const root = path.join(dir, 'web');
  mkdirSync(path.join(root, 'assets'), { recursive: true });
  writeFileSync(path.join(root, 'index.html'), '<p>app</p>');
  writeFileSync(path.join(root, 'assets', 'app.js'), 'console.log(1)');
  // A sibling whose name starts with the root's name, and an unrelated folder.
  mkdirSync(path.join(dir, 'web-private'));
  writeFileSync(path.join(dir, 'web-private', 'x'), 'SIBLING SECRET');
  mkdirSync(path.join(dir, 'outside'));
  writeFileSync(path.join(dir, 'outside', 'y'), 'OUTSIDE SECRET');
  symlinkSync(path.join(dir, 'outside'), path.join(root, 'link'));
  server = (await staticServe(root)) as Served;
});

afterAll(async () => {
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('static server', () => {
  it('serves the app and its assets', async () => {
    expect(await get(server.url, '/')).toEqual({ status: 200, body: '<p>app</p>' });
    expect(await get(server.url, '/assets/app.js')).toEqual({
      status: 200,
      body: 'console.log(1)',
    });
    expect((await get(server.url, '/assets/missing.js')).status).toBe(404);
  });

  it.each([
    '/..%2fweb-private/x',
    '/..%2Fweb-private%2Fx',
    '/assets/..%2f..%2fweb-private/x',
    '/%2e%2e/web-private/x',
    '/..%5cweb-private/x',
    '/..%2foutside/y',
    '/link/y',
    '/link/',
  ])('refuses %s, which leads outside the root', async (raw) => {
    const r = await get(server.url, raw);
    expect([403, 404]).toContain(r.status);
    expect(r.body).not.toMatch(/SECRET/);
  });

  it('answers 400 to a malformed escape and keeps serving', async () => {
    expect((await get(server.url, '/%E0%A4%A')).status).toBe(400);
    expect((await get(server.url, '/a%00b')).status).toBe(400);
    expect((await get(server.url, '/')).status).toBe(200);
  });
});
