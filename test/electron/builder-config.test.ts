// electron-builder.yml, loaded and schema-checked by electron-builder's own code (fast: no pack).
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Configuration, FileAssociation } from 'electron-builder';
import { FuseV1Options } from '@electron/fuses';
import { beforeAll, describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '..', '..');
const require = createRequire(path.join(root, 'package.json'));

// Internal modules of electron-builder (no public API loads a config without building): if an
// upgrade moves them, this test fails loudly rather than passing vacuously.
const { getConfig, validateConfiguration } = require('app-builder-lib/out/util/config/config') as {
  getConfig(dir: string, file: string | null, extra: null): Promise<Configuration>;
  validateConfiguration(config: Configuration, logger: unknown): Promise<void>;
};
const { DebugLogger } = require('builder-util') as { DebugLogger: new (on: boolean) => unknown };

let config: Configuration;
beforeAll(async () => {
  config = await getConfig(root, null, null);
});

const targetsOf = (t: unknown): string[] =>
  (Array.isArray(t) ? t : [t]).map((x) =>
    typeof x === 'string' ? x : (x as { target: string }).target,
  );

describe('electron-builder.yml', () => {
  it("passes electron-builder's schema validation", async () => {
    // Validation normalises the object in place: check a copy.
    const copy = structuredClone(config);
    await expect(validateConfiguration(copy, new DebugLogger(false))).resolves.toBeUndefined();
  });

  it('a misspelt option fails the same validation (the check is real)', async () => {
    const broken = {
      ...structuredClone(config),
      linux: { ...config.linux, categroy: 'Education' },
    };
    await expect(validateConfiguration(broken, new DebugLogger(false))).rejects.toThrow(
      /configuration\.linux/,
    );
  });

  it('names the app and packs only the Vite output', () => {
    expect(config.appId).toBe('org.mlmathlab.app');
    expect(config.productName).toBe('ML Math Lab');
    expect(config.directories?.buildResources).toBe('build');
    // electron-builder's loader normalises `files` to [{ filter: [...] }].
    const patterns = ([config.files].flat() as (string | { filter?: string | string[] })[]).flatMap(
      (f) => (typeof f === 'string' ? [f] : [f.filter ?? []].flat()),
    );
    expect(patterns).toEqual(['out/**', 'package.json', '!**/*.map', '!out/**/*.csv']);
    expect(config.asar).toBe(true);
    expect(config.npmRebuild).toBe(false);
  });

  it('associates .mlscene and .mldeck with their own mime types', () => {
    const assoc = config.fileAssociations as FileAssociation[];
    expect(assoc.map((a) => [a.ext, a.name, a.mimeType])).toEqual([
      ['mlscene', 'ML Math Lab scene', 'application/x-mlmathlab-scene'],
      ['mldeck', 'ML Math Lab deck', 'application/x-mlmathlab-deck'],
    ]);
  });

  it('targets AppImage + deb, dmg and nsis, as `npm run dist` asks', () => {
    expect(targetsOf(config.linux?.target)).toEqual(['AppImage', 'deb']);
    expect(targetsOf(config.mac?.target)).toEqual(['dmg']);
    expect(targetsOf(config.win?.target)).toEqual(['nsis']);
    const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as {
      scripts: Record<string, string>;
    };
    expect(pkg.scripts.dist).toContain('--linux AppImage deb --mac dmg --win nsis');
  });

  it('gives Linux a desktop entry in Education;Science', () => {
    expect(config.linux?.category).toBe('Education;Science');
    expect(config.linux?.executableName).toBe('ml-math-lab');
    expect(config.linux?.desktop?.entry?.Keywords).toMatch(/machine learning/);
    // electron-builder refuses Exec in the entry; it derives it from executableName.
    expect(config.linux?.desktop?.entry?.Exec).toBeUndefined();
    expect(config.extraMetadata?.desktopName).toBe('ml-math-lab.desktop');
  });

  it('signs macOS with the hardened runtime and only the JIT entitlement', () => {
    expect(config.mac?.hardenedRuntime).toBe(true);
    const file = path.join(root, config.mac?.entitlements ?? '');
    expect(existsSync(file)).toBe(true);
    const plist = readFileSync(file, 'utf8');
    const keys = [...plist.matchAll(/<key>([^<]+)<\/key>/g)].map((m) => m[1]);
    expect(keys).toEqual(['com.apple.security.cs.allow-jit']);
    expect(config.mac?.entitlementsInherit).toBe(config.mac?.entitlements);
  });

  it('sets the security fuses at packaging time', () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableCookieEncryption: true,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      loadBrowserProcessSpecificV8Snapshot: false,
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it('decides every fuse @electron/fuses knows (a new one fails here until it is set)', () => {
    const known = Object.keys(FuseV1Options)
      .filter((k) => Number.isNaN(Number(k)))
      .map((k) => k[0].toLowerCase() + k.slice(1));
    expect(known).toContain('runAsNode');
    const set = Object.keys(config.electronFuses ?? {});
    expect(known.filter((k) => !set.includes(k))).toEqual([]);
  });

  it('finds its icons in the build resources', () => {
    for (const size of [16, 24, 32, 48, 64, 128, 256, 512, 1024]) {
      expect(existsSync(path.join(root, 'build', 'icons', `${size}x${size}.png`))).toBe(true);
    }
    expect(existsSync(path.join(root, 'build', 'icon.png'))).toBe(true);
    expect(existsSync(path.join(root, 'build', 'icon.ico'))).toBe(true);
  });
});
