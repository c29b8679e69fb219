// Local ESLint rule: imports point downward only (docs/ARCHITECTURE.md, "Layers").
//
//   core/math → core/ml → core/sim → core/labs → core/protocol, core/scene
//       each may import its own folder and the folders to its left, nothing to its right;
//       core/ imports no runtime package but a small allow-list of pure ones, and no node: module.
//   electron/  may import core/ and electron/, never renderer/.
//   renderer/  may import core/ and renderer/, never electron/ nor a node: module, and inside it:
//       components/ (shared drawing) never imports labs/ or shell/;
//       compute/ imports only core/ and compute/;
//       labs/<id>/ never imports another lab or shell/ (labs/types.ts is the shared contract).
//   electron/preload/ imports no node: module (it runs sandboxed).
//   test/core/ and test/protocol/ test core/: they import neither renderer/ nor electron/.
import { statSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..', '..');

/** core's inner layers, bottom first: a layer may import itself and those before it. */
const CORE_ORDER = ['math', 'ml', 'sim', 'labs', ['protocol', 'scene']];
const coreRank = (sub) =>
  CORE_ORDER.findIndex((l) => (Array.isArray(l) ? l.includes(sub) : l === sub));

const PURE_PACKAGES = ['mathjs', 'zod'];

/** True when root-relative `segments` name a lab's folder (e.g. renderer/labs/descent). */
function isLabFolder(segments) {
  try {
    return statSync(path.join(root, ...segments.slice(0, 3))).isDirectory();
  } catch {
    return false;
  }
}

/** Path segments of a file relative to the repository root. */
function segmentsOf(file) {
  return path.relative(root, file).split(path.sep);
}

/** Why `from` may not import `to` (both as root-relative segments), or null when it may. */
export function layeringViolation(from, to) {
  const [area, sub, third] = from;
  const [tArea, tSub, tThird] = to;
  // A lab's folder, in core/labs or renderer/labs, never reaches into another lab's.
  if (
    area === tArea &&
    sub === 'labs' &&
    tSub === 'labs' &&
    third !== tThird &&
    isLabFolder(from) &&
    isLabFolder(to)
  )
    return `${area}/labs/${third} must not import another lab (${area}/labs/${tThird})`;
  if (area === 'core') {
    if (tArea !== 'core') return `core/ must not import ${tArea}/: imports point downward only`;
    const a = coreRank(sub);
    const b = coreRank(tSub);
    if (
      a >= 0 &&
      b >= 0 &&
      b > a &&
      !(Array.isArray(CORE_ORDER[a]) && CORE_ORDER[a].includes(tSub))
    )
      return `core/${sub} must not import core/${tSub}: the order is math → ml → sim → labs → protocol/scene`;
    return null;
  }
  if (area === 'electron') {
    if (tArea === 'renderer') return 'electron/ must not import renderer/';
    if (tArea !== 'core' && tArea !== 'electron') return `electron/ must not import ${tArea}/`;
    return null;
  }
  if (area === 'renderer') {
    if (tArea !== 'core' && tArea !== 'renderer') return `renderer/ must not import ${tArea}/`;
    if (tArea === 'core') return null;
    if (sub === 'components' && (tSub === 'labs' || tSub === 'shell'))
      return `renderer/components/ draws for every lab: it must not import renderer/${tSub}/`;
    if (sub === 'compute' && tSub !== 'compute')
      return `renderer/compute/ is the seam to compute: it must not import renderer/${tSub}/`;
    if (sub === 'labs' && tSub === 'shell')
      return 'a lab must not import renderer/shell/: the shell drives labs through their definition';
    return null;
  }
  // Tests live beside the layer they test: test/core/ (and test/protocol/) test pure core code.
  if (area === 'test' && (sub === 'core' || sub === 'protocol')) {
    if (tArea === 'renderer' || tArea === 'electron')
      return `test/${sub}/ tests core/: a test that needs ${tArea}/ belongs in test/${tArea}/`;
    return null;
  }
  return null;
}

/** @type {import('eslint').Rule.RuleModule} */
export const layeringRule = {
  meta: {
    type: 'problem',
    docs: {
      description: 'Keep the layers of core/, electron/ and renderer/ (docs/ARCHITECTURE.md).',
    },
    schema: [],
  },
  create(context) {
    const file = context.filename;
    const from = segmentsOf(file);
    const area = from[0];
    if (!['core', 'electron', 'renderer', 'test'].includes(area)) return {};
    const noNode =
      area === 'core' || area === 'renderer' || (area === 'electron' && from[1] === 'preload');
    function check(node, source) {
      if (typeof source !== 'string') return;
      if (source.startsWith('.')) {
        const why = layeringViolation(from, segmentsOf(path.resolve(path.dirname(file), source)));
        if (why) context.report({ node, message: `${why} ('${source}').` });
        return;
      }
      if (noNode && source.startsWith('node:'))
        return context.report({
          node,
          message: `${from.slice(0, 2).join('/')}/ must not import Node's '${source}': it runs without Node.`,
        });
      if (area === 'core') {
        const pkg = source.startsWith('@')
          ? source.split('/').slice(0, 2).join('/')
          : source.split('/')[0];
        if (!PURE_PACKAGES.includes(pkg))
          context.report({
            node,
            message: `core/ is pure TypeScript: '${source}' is not on its allow-list (${PURE_PACKAGES.join(', ')}).`,
          });
      }
    }
    return {
      ImportDeclaration(node) {
        check(node, node.source.value);
      },
      ExportNamedDeclaration(node) {
        if (node.source) check(node, node.source.value);
      },
      ExportAllDeclaration(node) {
        check(node, node.source.value);
      },
      ImportExpression(node) {
        if (node.source.type === 'Literal') check(node, node.source.value);
      },
    };
  },
};
