// Builds the main target of electron.vite.config.ts, exactly as `electron-vite build` does, into
// the folder named by argv[2] (main only: the renderer and preload are not needed to run it).
import { resolveConfig } from 'electron-vite';
import { build } from 'vite';

process.env.NODE_ENV_ELECTRON_VITE = 'production';
const outDir = process.argv[2];
const { config } = await resolveConfig({ root: process.cwd() }, 'build', 'production');
if (!config?.main) throw new Error('electron.vite.config has no main target');
await build({
  ...config.main,
  logLevel: 'warn',
  build: { ...config.main.build, outDir, emptyOutDir: true },
});
