/**
 * The `app://` scheme the window's pages are served from (instead of `file://`): one origin,
 * `app://mllab`, that maps to the built renderer folder and nothing else. Process-neutral (no
 * `electron` value import), so the path resolution is tested under plain Node; main registers the
 * scheme as privileged before `ready` and hands `appProtocolHandler` to `protocol.handle`.
 *
 * Reads go through `fs.promises` (`realpath`, `stat`, `readFile`), which Electron maps into
 * app.asar, so the packaged app serves from the archive with its integrity checks.
 */
import type { CustomScheme } from 'electron';
import { promises as fs } from 'node:fs';
import path from 'node:path';

export const APP_SCHEME = 'app';
export const APP_HOST = 'mllab';
/** The one origin the app's pages have. */
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
/** The URL the window loads. */
export const APP_INDEX_URL = `${APP_ORIGIN}/index.html`;

/**
 * Standard (relative URLs, web storage, a real origin), secure (a secure context, as https is),
 * and fetch() for the renderer's own files (KaTeX fonts are read into the exported pictures).
 * Not `corsEnabled`: other origins cannot read the app's files. Not `bypassCSP`: the CSP applies.
 */
export const appScheme: CustomScheme = {
  scheme: APP_SCHEME,
  privileges: { standard: true, secure: true, supportFetchAPI: true },
};

const contentTypes: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
};

/** True when `child` is `root` or inside it (both absolute, already resolved). */
function isInside(root: string, child: string): boolean {
  const rel = path.relative(root, child);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

/**
 * The file an `app://` URL names inside `root` (the renderer folder), or null when the URL is
 * not the app's origin, is malformed, names a folder or a missing file, or would leave `root`:
 * a `..` segment, an encoded separator (`%2f`, `%5c`) or NUL, or a symbolic link whose target
 * lies outside (both sides are compared as real paths). `/` serves `index.html`.
 */
export async function appUrlToFile(root: string, url: string): Promise<string | null> {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== `${APP_SCHEME}:` || parsed.host !== APP_HOST) return null;
  if (parsed.username || parsed.password || parsed.port) return null;
  const segments: string[] = [];
  for (const raw of parsed.pathname.split('/')) {
    if (raw === '') continue;
    let segment: string;
    try {
      segment = decodeURIComponent(raw);
    } catch {
      return null;
    }
    if (segment === '.' || segment === '..' || /[/\\\0]/.test(segment)) return null;
    segments.push(segment);
  }
  if (segments.length === 0) segments.push('index.html');
  try {
    const realRoot = await fs.realpath(root);
    const candidate = path.join(realRoot, ...segments);
    if (!isInside(realRoot, candidate)) return null;
    const real = await fs.realpath(candidate);
    if (!isInside(realRoot, real)) return null;
    const info = await fs.stat(real);
    return info.isFile() ? real : null;
  } catch {
    return null;
  }
}

/**
 * A `protocol.handle` handler serving `root` on the app's origin: GET and HEAD only, 404 for
 * anything `appUrlToFile` refuses, and `headers` (the CSP) on every page it serves.
 */
export function appProtocolHandler(
  root: string,
  headers: Readonly<Record<string, string>>,
): (request: Request) => Promise<Response> {
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD')
      return new Response(null, { status: 405, headers: { Allow: 'GET, HEAD' } });
    const file = await appUrlToFile(root, request.url);
    if (!file) return new Response('Not found', { status: 404 });
    const body = request.method === 'HEAD' ? null : await fs.readFile(file);
    return new Response(body, {
      status: 200,
      headers: {
        ...headers,
        'Content-Type':
          contentTypes[path.extname(file).toLowerCase()] ?? 'application/octet-stream',
        'X-Content-Type-Options': 'nosniff',
      },
    });
  };
}
