// Before `npm start`: make sure Electron's binary is present. Electron ≥ 42 downloads it on first
// use; without a network that fails within seconds, and we say so plainly instead of hanging.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);
const dir = path.dirname(require.resolve('electron/package.json'));
const pathFile = path.join(dir, 'path.txt');
if (
  existsSync(pathFile) &&
  existsSync(path.join(dir, 'dist', readFileSync(pathFile, 'utf8').trim()))
) {
  process.exit(0);
}
console.log('Fetching the Electron binary (first start only)…');
const bin = path.join(dir, 'install.js');
// The installer's own output is kept back: without a network it is a raw "TypeError: fetch
// failed" stack, which says less than our message. Other failures keep their first line.
const result = spawnSync(process.execPath, [bin], {
  stdio: ['ignore', 'pipe', 'pipe'],
  encoding: 'utf8',
  timeout: 10 * 60_000,
});
if (result.status !== 0 || !existsSync(pathFile)) {
  const output = `${result.stderr ?? ''}\n${result.stdout ?? ''}`;
  const offline =
    /fetch failed|ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ECONNRESET|ETIMEDOUT|getaddrinfo/.test(output);
  const first = output
    .split('\n')
    .map((l) => l.trim())
    .find((l) => l && !l.startsWith('at '));
  console.error(
    (offline
      ? 'Could not download Electron: there is no network connection.'
      : `Could not download Electron${first ? ` (${first})` : ''}.`) +
      ' The desktop app needs it once.\n' +
      'Meanwhile the same app runs in a browser: npm run web',
  );
  process.exit(1);
}
