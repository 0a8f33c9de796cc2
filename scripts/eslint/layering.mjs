// ESLint rule enforcing architecture.md §4 ("who may import whom") by folder, in the spirit of
// VS Code's code-layering rule: each source file belongs to a layer by its path, each import
// resolves to a layer or a package, and the table below says what is allowed.
import { builtinModules } from 'node:module';
import { dirname, join, normalize, relative, sep } from 'node:path';

const NODE_BUILTINS = new Set(builtinModules.flatMap((m) => [m, `node:${m}`]));

/** Files allowed to import 'electron' in main: the thin shell only. */
const ELECTRON_SHELL = new Set(['main/index.ts', 'main/window.ts', 'main/menu.ts', 'main/app-protocol.ts', 'main/ipc/electron-binding.ts']);

/** Layer of a repository-relative path ('/'-separated), or null when the rule does not apply. */
export function layerOf(path) {
  if (/\.(test|spec)\.ts$/.test(path)) return null;
  if (path.startsWith('shared/')) return 'shared';
  if (path === 'vm/host/protocol.ts') return 'vm-host-protocol';
  if (path.startsWith('vm/host/')) return 'vm-host';
  if (path.startsWith('vm/compile/')) return 'vm-compile';
  if (path.startsWith('vm/bench/') || path.startsWith('vm/tests/')) return null;
  if (path.startsWith('vm/')) return 'vm';
  if (path.startsWith('main/preload/')) return 'preload';
  if (path.startsWith('main/testing/')) return null;
  if (path.startsWith('main/')) return 'main';
  if (path.startsWith('renderer/')) return 'renderer';
  return null;
}

/** Which target layers and packages each layer may import. */
const ALLOWED = {
  shared: { layers: ['shared'], packages: ['valibot'], node: false },
  'vm-compile': { layers: ['vm-compile'], packages: [], node: false },
  vm: { layers: ['vm', 'vm-compile'], packages: [], node: false },
  'vm-host-protocol': { layers: ['vm', 'vm-compile', 'vm-host-protocol'], packages: [], node: false },
  'vm-host': { layers: ['vm', 'vm-compile', 'vm-host', 'vm-host-protocol'], packages: [], node: true },
  main: { layers: ['main', 'shared', 'vm-host-protocol'], packages: ['serialport', '@serialport/', 'drivelist', 'ws', 'valibot', 'esptool-js'], node: true },
  preload: { layers: ['shared', 'preload'], packages: ['electron', 'valibot'], node: false },
  renderer: { layers: ['renderer', 'shared', 'vm-compile'], packages: ['@codemirror/', '@lezer/', '@xterm/', 'uplot', 'valibot'], node: false },
};

function packageAllowed(spec, allowed) {
  return allowed.packages.some((p) => (p.endsWith('/') ? spec.startsWith(p) : spec === p || spec.startsWith(`${p}/`)));
}

/** Returns a problem sentence for importing `spec` from `file` (repo-relative), or null when allowed. */
export function checkImport(file, spec) {
  const from = layerOf(file);
  if (!from) return null;
  const allowed = ALLOWED[from];
  if (spec.startsWith('.')) {
    const target = normalize(join(dirname(file), spec)).split(sep).join('/');
    const withExt = /\.[cm]?[jt]s$/.test(target) ? target : `${target}.ts`;
    const to = layerOf(withExt) ?? layerOf(`${target}/index.ts`);
    if (to && allowed.layers.includes(to)) return null;
    return `${from} may not import ${to ?? target} (architecture.md §4)`;
  }
  if (spec === 'electron') {
    if (from === 'main' && ELECTRON_SHELL.has(file)) return null;
    if (from === 'preload') return null;
    return `${from} may not import electron; only the thin shell files may (${[...ELECTRON_SHELL].join(', ')})`;
  }
  if (NODE_BUILTINS.has(spec) || spec.startsWith('node:')) {
    return allowed.node ? null : `${from} may not use Node built-in '${spec}' (architecture.md §4)`;
  }
  return packageAllowed(spec, allowed) ? null : `${from} may not import package '${spec}' (architecture.md §4)`;
}

export default {
  meta: { type: 'problem', docs: { description: 'Enforce the layer table of architecture.md §4' }, schema: [] },
  create(context) {
    const file = relative(context.cwd, context.filename).split(sep).join('/');
    const check = (node) => {
      if (!node.source || typeof node.source.value !== 'string') return;
      const problem = checkImport(file, node.source.value);
      if (problem) context.report({ node: node.source, message: problem });
    };
    return {
      ImportDeclaration: check,
      ExportNamedDeclaration: check,
      ExportAllDeclaration: check,
      ImportExpression(node) {
        if (node.source.type === 'Literal') check({ source: node.source });
      },
      CallExpression(node) {
        if (node.callee.type === 'Identifier' && node.callee.name === 'require' && node.arguments[0]?.type === 'Literal') check({ source: node.arguments[0] });
      },
    };
  },
};
