// `npm start` without a network: the first-start download of Electron fails, and the person at the
// terminal should read one clear message and where to go instead — never a raw stack trace.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const SCRIPT = path.resolve(import.meta.dirname, '../../scripts/ensure-electron.mjs');

describe('ensure-electron (first npm start)', () => {
  it('offline: one clear message, no stack, exit 1 — or nothing to say when Electron is there', () => {
    const r = spawnSync(process.execPath, [SCRIPT], {
      encoding: 'utf8',
      timeout: 60_000,
      // A proxy nobody listens on makes sure the download cannot succeed in this test.
      env: {
        ...process.env,
        HTTPS_PROXY: 'http://127.0.0.1:9',
        HTTP_PROXY: 'http://127.0.0.1:9',
        ELECTRON_GET_USE_PROXY: '1',
        ELECTRON_MIRROR: 'http://127.0.0.1:9/',
      },
    });
    const out = `${r.stdout}${r.stderr}`;
    if (r.status === 0) {
      expect(out).not.toMatch(/Error/);
      return;
    }
    expect(r.status).toBe(1);
    expect(out).toMatch(/Could not download Electron/);
    expect(out).toMatch(/npm run web/);
    expect(out).not.toMatch(/TypeError|\n\s+at /);
  });
});
