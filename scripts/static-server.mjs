// A minimal static file server for the web build (dist/web), bound to 127.0.0.1 only.
// Used by `npm run web` and by the end-to-end tests.
import { createReadStream, promises as fs } from 'node:fs';
import http from 'node:http';
import path from 'node:path';

const types = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
};

/** True when `file` (a real path) is `root` or inside it. */
function inside(root, file) {
  const rel = path.relative(root, file);
  return rel === '' || (rel !== '..' && !rel.startsWith(`..${path.sep}`) && !path.isAbsolute(rel));
}

/**
 * The real path of the file a request names, or an HTTP status: 400 for a malformed path, 403 for
 * one that leads outside `root` (a real path: encoded "..", a sibling folder sharing the root's
 * name as a prefix and symbolic links leading out are all caught), 404 for no such file.
 */
async function fileFor(root, url) {
  let urlPath;
  try {
    urlPath = decodeURIComponent(new URL(url ?? '/', 'http://x').pathname);
  } catch {
    return 400;
  }
  if (urlPath.includes('\0')) return 400;
  const named = path.resolve(root, `.${path.sep}${urlPath === '/' ? 'index.html' : urlPath}`);
  if (!inside(root, named)) return 403;
  try {
    let real = await fs.realpath(named);
    if ((await fs.stat(real)).isDirectory())
      real = await fs.realpath(path.join(real, 'index.html'));
    if (!inside(root, real)) return 403;
    return (await fs.stat(real)).isFile() ? real : 404;
  } catch {
    return 404;
  }
}

/** Starts serving `root`; resolves to { url, close }. Port 0 picks a free port. */
export async function staticServe(root, port = 0) {
  const base = await fs.realpath(path.resolve(root));
  const server = http.createServer(async (req, res) => {
    const file = await fileFor(base, req.url);
    if (typeof file === 'number') {
      res.writeHead(file).end(file === 404 ? 'not found' : '');
      return;
    }
    res.writeHead(200, { 'Content-Type': types[path.extname(file)] ?? 'application/octet-stream' });
    createReadStream(file)
      .on('error', () => res.destroy())
      .pipe(res);
  });
  return new Promise((resolve) => {
    server.listen(port, '127.0.0.1', () => {
      const address = server.address();
      resolve({
        url: `http://127.0.0.1:${address.port}/`,
        close: () => new Promise((r) => server.close(r)),
      });
    });
  });
}
