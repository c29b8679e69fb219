// Local ESLint rule: imports point downward only.
//   core/      may import only core/ (and no runtime packages but a small allow-list of pure ones)
//   electron/  may import core/ and electron/, never renderer/
//   renderer/  may import core/ and renderer/, never electron/
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..', '..');

const rules = {
  core: { folders: ['core'], packages: ['mathjs', 'zod'] },
  electron: { folders: ['core', 'electron'], packages: null },
  renderer: { folders: ['core', 'renderer'], packages: null },
};

function areaOf(file) {
  const rel = path.relative(root, file).split(path.sep);
  return rel[0];
}

/** @type {import('eslint').Rule.RuleModule} */
export const layeringRule = {
  meta: {
    type: 'problem',
    docs: {
      description: 'Keep core/, electron/ and renderer/ layered (see docs/ARCHITECTURE.md).',
    },
    schema: [],
  },
  create(context) {
    const file = context.filename;
    const area = areaOf(file);
    const rule = rules[area];
    if (!rule) return {};
    function check(node, source) {
      if (typeof source !== 'string') return;
      if (source.startsWith('.')) {
        const target = path.resolve(path.dirname(file), source);
        const targetArea = areaOf(target);
        if (!rule.folders.includes(targetArea)) {
          context.report({
            node,
            message: `${area}/ must not import ${targetArea}/ ('${source}'): imports point downward only.`,
          });
        }
        return;
      }
      if (rule.packages) {
        const pkg = source.startsWith('@')
          ? source.split('/').slice(0, 2).join('/')
          : source.split('/')[0];
        if (!rule.packages.includes(pkg)) {
          context.report({
            node,
            message: `core/ is pure TypeScript: '${source}' is not on its allow-list (${rule.packages.join(', ')}).`,
          });
        }
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
