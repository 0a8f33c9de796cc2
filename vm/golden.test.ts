// Golden tests: every vm/tests/golden/**/*.py must print exactly its .exp (recorded from
// real MicroPython by scripts/record-golden.mjs).
import { describe, it, expect } from 'vitest';
import { readFileSync, readdirSync, statSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { runProgram } from './tests/support';

const dir = join(__dirname, 'tests/golden');
function walk(d: string): string[] {
  const out: string[] = [];
  for (const n of readdirSync(d).sort()) { const p = join(d, n); if (statSync(p).isDirectory()) out.push(...walk(p)); else if (n.endsWith('.py')) out.push(p); }
  return out;
}

describe('golden', () => {
  for (const file of walk(dir)) {
    const exp = file.replace(/\.py$/, '.exp');
    it(file.slice(dir.length + 1), () => {
      expect(existsSync(exp), 'missing .exp (run scripts/record-golden.mjs)').toBe(true);
      const out = runProgram(readFileSync(file, 'utf8'));
      expect(out).toBe(readFileSync(exp, 'utf8'));
    });
  }
});
