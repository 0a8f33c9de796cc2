// Proves the layer table is enforced twice: by the lint rule (imports) and by the per-folder
// tsconfig files (globals: no Node in vm/ and shared/, no DOM in vm/, no Node in renderer/).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ESLint } from 'eslint';
import { afterAll, describe, expect, test } from 'vitest';
// @ts-expect-error: plain JS module without types
import { checkImport } from './layering.mjs';

const ROOT = join(__dirname, '..', '..');

describe('layering rule: the table of architecture.md §4', () => {
  test.each([
    ['main/serial/serial-service.ts', 'electron'],
    ['main/board/raw-repl.ts', 'electron'],
    ['vm/compile/parser.ts', 'node:fs'],
    ['vm/runtime/ops.ts', 'fs'],
    ['vm/objects/list.ts', '../../main/log'],
    ['vm/compile/parser.ts', '../runtime/ops'],
    ['shared/contracts/board.ts', 'node:path'],
    ['shared/ipc.ts', '../main/ipc/router'],
    ['renderer/app/store.ts', 'node:fs'],
    ['renderer/app/store.ts', 'electron'],
    ['renderer/editor/lint.ts', '../../vm/runtime/interp'],
    ['renderer/app/store.ts', '../../main/services'],
    ['main/board/board-session.ts', '../../renderer/api'],
    ['main/simulator/simulator-service.ts', '../../vm/index'],
    ['main/preload/preload.ts', 'node:fs'],
    ['vm/host/worker.ts', 'electron'],
  ])('%s may not import %s', (file, spec) => {
    expect(checkImport(file, spec)).toMatch(/may not/);
  });

  test.each([
    ['main/index.ts', 'electron'],
    ['main/ipc/electron-binding.ts', 'electron'],
    ['main/preload/preload.ts', 'electron'],
    ['main/serial/serial-service.ts', 'serialport'],
    ['main/simulator/simulator-service.ts', '../../vm/host/protocol'],
    ['main/board/board-fs.ts', '../../shared/errors'],
    ['renderer/editor/lint.ts', '../../vm/compile/index'],
    ['renderer/editor/editor.ts', '@codemirror/view'],
    ['vm/host/worker.ts', 'node:worker_threads'],
    ['vm/runtime/interp.ts', '../compile/parser'],
    ['shared/ipc.ts', './contracts/board'],
  ])('%s may import %s', (file, spec) => {
    expect(checkImport(file, spec)).toBeNull();
  });

  test('ESLint reports a forbidden import in a service', async () => {
    const eslint = new ESLint({ cwd: ROOT });
    const [result] = await eslint.lintText("import { app } from 'electron';\nexport const x = app;\n", { filePath: join(ROOT, 'main/serial/probe-service.ts') });
    expect(result!.messages.map((m) => m.ruleId)).toContain('mote/layering');
  });
});

describe('per-folder tsconfig: globals a layer may not see fail the type-check', () => {
  const dir = mkdtempSync(join(tmpdir(), 'mote-layering-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  function typecheck(project: string, source: string): string {
    const probe = join(dir, `${project.replace(/\W/g, '_')}-probe.ts`);
    writeFileSync(probe, source);
    const config = join(dir, `${project.replace(/\W/g, '_')}-tsconfig.json`);
    writeFileSync(
      config,
      JSON.stringify({
        extends: join(ROOT, project, 'tsconfig.json'),
        compilerOptions: { composite: false, declaration: false, emitDeclarationOnly: false, noEmit: true, rootDir: dir },
        include: [probe],
        exclude: [],
      }),
    );
    try {
      execFileSync(process.execPath, [join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', config], { encoding: 'utf8' });
      return '';
    } catch (error) {
      return String((error as { stdout?: string }).stdout);
    }
  }

  test('vm/ cannot use node:fs', () => {
    expect(typecheck('vm', "import { readFileSync } from 'node:fs';\nexport const x = readFileSync;\n")).toMatch(/node:fs/);
  });
  test('vm/ cannot use the DOM', () => {
    expect(typecheck('vm', 'export const x = document.title;\n')).toMatch(/document/);
  });
  test('shared/ cannot use process', () => {
    expect(typecheck('shared', 'export const x = process.platform;\n')).toMatch(/process/);
  });
  test('renderer/ cannot use Node', () => {
    expect(typecheck('renderer', "import { readFileSync } from 'node:fs';\nexport const x = readFileSync;\n")).toMatch(/node:fs/);
  });
  test('a clean probe passes, so the failures above are about the import', () => {
    expect(typecheck('vm', 'export const x: number = 1;\n')).toBe('');
  });
});
