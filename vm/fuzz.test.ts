// Fuzz: random and mutated programs through tokenizer, parser, compiler and runtime.
// Allowed outcomes: a result, SyntaxError, another Python exception.
// Long runs: FUZZ_COUNT=20000 FUZZ_SEED=7 npx vitest run vm/fuzz.test.ts; `npm run bench` runs tens of
// thousands in child processes (scripts/bench-fuzz.mjs), MicroPython's own tests included.
import { describe, it, expect } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { rng, randomProgram, mutate, mutant, runFuzz, classifyFuzz, type Outcome, type FuzzResult } from './tests/fuzz';

function pySources(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => { for (const n of readdirSync(d)) { const p = join(d, n); if (statSync(p).isDirectory()) walk(p); else if (n.endsWith('.py')) out.push(readFileSync(p, 'utf8')); } };
  walk(dir);
  return out;
}
const goldenSeeds = () => pySources(join(__dirname, 'tests/golden'));
/** The in-repo corpus: golden tests, benchmarks and the Examples menu's programs. */
const repoCorpus = () => [...goldenSeeds(), ...pySources(join(__dirname, 'bench')), ...pySources(join(__dirname, '../resources/examples'))];

const COUNT = Number(process.env.FUZZ_COUNT ?? 300);
/** FUZZ_SEED=n explores a different sequence (the default one is fixed so failures reproduce). */
const SEED = Number(process.env.FUZZ_SEED ?? 0);

describe('fuzz', () => {
  it(`runs ${COUNT} random programs without VM bugs`, () => {
    const r = rng(1234 + SEED);
    const seen: Record<Outcome, number> = { ok: 0, 'python-exception': 0, 'syntax-error': 0 };
    for (let i = 0; i < COUNT; i++) seen[runFuzz(randomProgram(r))]++;
    expect(seen.ok + seen['python-exception']).toBeGreaterThan(0);
  }, 30000 + COUNT * 20);
  it(`runs ${COUNT} mutated golden programs without VM bugs`, () => {
    const r = rng(99 + SEED);
    const seeds = goldenSeeds();
    const seen: Record<Outcome, number> = { ok: 0, 'python-exception': 0, 'syntax-error': 0 };
    for (let i = 0; i < COUNT; i++) seen[runFuzz(mutate(seeds[Math.floor(r() * seeds.length)], r))]++;
    expect(seen['syntax-error']).toBeGreaterThan(0);
  }, 30000 + COUNT * 20);
  it(`runs ${COUNT} line- and character-level mutants of the in-repo corpus with no host-level failure`, () => {
    const r = rng(2027 + SEED);
    const corpus = repoCorpus();
    const seen: Record<FuzzResult, number> = { ok: 0, 'python-exception': 0, 'syntax-error': 0, aborted: 0, 'host-error': 0 };
    const failures: string[] = [];
    for (let i = 0; i < COUNT; i++) {
      const src = mutant(corpus, r);
      const { result, detail } = classifyFuzz(src);
      seen[result]++;
      if (result === 'host-error') failures.push(`--- mutant ${i}:\n${src}\n--- gave:\n${detail}`);
    }
    expect(failures.slice(0, 3).join('\n')).toBe('');
    // the mutants reach every kind of ending, so the counts above mean something
    expect(seen.ok).toBeGreaterThan(0);
    expect(seen['python-exception']).toBeGreaterThan(0);
    expect(seen['syntax-error']).toBeGreaterThan(0);
  }, 30000 + COUNT * 40);
});
