// The layering lint rule refuses each kind of upward or sideways import, and allows the
// downward ones (docs/ARCHITECTURE.md, "Layers").
import { Linter } from 'eslint';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
// @ts-expect-error plain ESM module without types
import { layeringRule, layeringViolation } from '../../scripts/eslint/layering.js';

const seg = (p: string) => p.split('/');
const why = (from: string, to: string): string | null => layeringViolation(seg(from), seg(to));
const root = path.resolve(import.meta.dirname, '../..');

function lint(file: string, code: string) {
  const linter = new Linter({ configType: 'flat' });
  return linter
    .verify(
      code,
      [
        {
          files: ['**/*.ts'],
          plugins: { local: { rules: { layering: layeringRule } } },
          rules: { 'local/layering': 'error' },
        },
      ],
      { filename: path.join(root, file) },
    )
    .map((m) => m.message);
}

describe('layering: core/', () => {
  it('math → ml → sim → labs → protocol/scene, downward only', () => {
    expect(why('core/ml/a.ts', 'core/math/b.ts')).toBeNull();
    expect(why('core/sim/a.ts', 'core/ml/b.ts')).toBeNull();
    expect(why('core/protocol/a.ts', 'core/sim/b.ts')).toBeNull();
    expect(why('core/math/a.ts', 'core/ml/b.ts')).toMatch(/math must not import core\/ml/);
    expect(why('core/ml/a.ts', 'core/sim/b.ts')).toMatch(/must not import/);
    expect(why('core/sim/a.ts', 'core/protocol/messages.ts')).toMatch(/must not import/);
    expect(why('core/labs/a.ts', 'core/protocol/b.ts')).toMatch(/must not import/);
    expect(why('core/math/a.ts', 'renderer/x.ts')).toMatch(/core\/ must not import renderer/);
  });

  it('core/ imports no node: module and no package outside its allow-list', () => {
    expect(lint('core/math/x.ts', "import fs from 'node:fs';\n")[0]).toMatch(/Node's 'node:fs'/);
    expect(lint('core/math/x.ts', "import * as THREE from 'three';\n")[0]).toMatch(/allow-list/);
    expect(lint('core/math/x.ts', "import { z } from 'zod';\n")).toEqual([]);
  });
});

describe('layering: renderer/ and electron/', () => {
  it('components never import labs or the shell; compute imports only compute', () => {
    expect(why('renderer/components/A.tsx', 'renderer/labs/descent/store.ts')).toMatch(
      /components/,
    );
    expect(why('renderer/components/A.tsx', 'renderer/shell/app-store.ts')).toMatch(/components/);
    expect(why('renderer/compute/client.ts', 'renderer/shell/x.ts')).toMatch(/compute/);
    expect(why('renderer/shell/App.tsx', 'renderer/components/Tex.tsx')).toBeNull();
  });

  it('a lab imports neither another lab nor the shell, but may use the shared lab contract', () => {
    expect(why('renderer/labs/descent/Lab.tsx', 'renderer/labs/activations/store.ts')).toMatch(
      /another lab/,
    );
    expect(why('renderer/labs/descent/Lab.tsx', 'renderer/shell/app-store.ts')).toMatch(/shell/);
    expect(why('renderer/labs/descent/index.ts', 'renderer/labs/types')).toBeNull();
    expect(why('renderer/labs/descent/Lab.tsx', 'renderer/labs/descent/store.ts')).toBeNull();
  });

  it('the renderer and the sandboxed preload import no node: module; main may', () => {
    expect(lint('renderer/shell/x.ts', "import path from 'node:path';\n")[0]).toMatch(/node:path/);
    expect(lint('electron/preload/x.ts', "import path from 'node:path';\n")[0]).toMatch(
      /node:path/,
    );
    expect(lint('electron/main/x.ts', "import path from 'node:path';\n")).toEqual([]);
    expect(why('electron/main/a.ts', 'renderer/x.ts')).toMatch(
      /electron\/ must not import renderer/,
    );
  });
});

describe('layering: tests live beside their layer', () => {
  it('test/core and test/protocol import neither renderer/ nor electron/', () => {
    expect(why('test/core/labs/a.test.ts', 'core/labs/b.ts')).toBeNull();
    expect(why('test/core/labs/a.test.ts', 'test/support/x.ts')).toBeNull();
    expect(why('test/core/sim/a.test.ts', 'renderer/labs/descent/store.ts')).toMatch(
      /belongs in test\/renderer/,
    );
    expect(why('test/protocol/a.test.ts', 'electron/main/x.ts')).toMatch(
      /belongs in test\/electron/,
    );
    expect(why('test/renderer/a.test.ts', 'renderer/labs/registry.ts')).toBeNull();
  });
});
