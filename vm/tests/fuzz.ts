// Program fuzzer for the VM: random programs from a small grammar plus mutations of golden
// programs. Every run must end in a result or a Python exception (SyntaxError included):
// never a raw JS exception, never a hang (the host interrupts after a poll budget).

import { Interpreter, PyRaise, HostAbort } from '../index';
import { TestHost, MemFs } from './support';

/** A small deterministic PRNG (mulberry32). */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => { a = (a + 0x6d2b79f5) >>> 0; let t = a; t = Math.imul(t ^ (t >>> 15), t | 1); t ^= t + Math.imul(t ^ (t >>> 7), t | 61); return ((t ^ (t >>> 14)) >>> 0) / 4294967296; };
}

const ATOMS = ['0', '1', '-1', '2**70', '3.5', '0.0', "'s'", "b'b'", 'None', 'True', '[]', '[1, 2]', '(1,)', '{}', "{'k': 1}", '{1, 2}', 'x', 'y', 'f', 'range(3)', 'len', 'C', 'C()', 'lambda: 0', '...'];
const BINOPS = ['+', '-', '*', '/', '//', '%', '**', '<<', '>>', '&', '|', '^', '<', '>', '==', '!=', 'in', 'not in', 'is', 'and', 'or', '@'];
const TOKENS = ['(', ')', '[', ']', ':', ',', '=', 'if', 'else', 'for', 'in', 'def', 'class', 'return', 'yield', 'lambda', '*', '**', '.', '\n', '    ', 'x', '1', "'", '"', '#', '\\', 'async', 'await', 'with', 'try', 'except', 'finally', 'raise', 'del', 'global', 'nonlocal', 'f"{', '}', '{', ';', '@', ':='];

const RECEIVERS = ["'a b'", '[3, 1]', "{'k': 1}", '{1, 2}', "b'xy'", "bytearray(b'x')", '(1, 2)', '7', '2.5', 'range(3)', 'C()', 'iter([1])', '(x for x in [1])', 'f', 'math', 'sys'];
const METHODS = ['append', 'extend', 'insert', 'pop', 'remove', 'index', 'count', 'sort', 'reverse', 'copy', 'clear', 'get', 'keys', 'values', 'items',
  'setdefault', 'update', 'popitem', 'fromkeys', 'add', 'discard', 'union', 'intersection', 'difference', 'issubset', 'split', 'rsplit', 'join', 'strip', 'replace',
  'find', 'startswith', 'format', 'encode', 'decode', 'upper', 'center', 'partition', 'splitlines', 'hex', 'fromhex', 'to_bytes', 'from_bytes', 'bit_length',
  'is_integer', 'send', 'throw', 'close', '__next__', '__len__', '__getitem__', '__contains__', 'sqrt', 'floor', 'isfinite', 'exit', 'print_exception'];
const BUILTINS = ['len', 'abs', 'min', 'max', 'sum', 'sorted', 'reversed', 'enumerate', 'zip', 'map', 'filter', 'iter', 'next', 'int', 'float', 'str', 'bytes',
  'bytearray', 'list', 'tuple', 'dict', 'set', 'frozenset', 'range', 'round', 'divmod', 'pow', 'hash', 'id', 'repr', 'chr', 'ord', 'bin', 'hex', 'oct', 'isinstance',
  'issubclass', 'getattr', 'setattr', 'hasattr', 'callable', 'any', 'all', 'format', 'type', 'print', 'dir', 'eval', 'exec', 'compile', 'memoryview', 'slice', 'super'];

function expr(r: () => number, depth: number): string {
  const pick = <T>(a: T[]) => a[Math.floor(r() * a.length)];
  if (depth <= 0 || r() < 0.3) return pick(ATOMS);
  switch (Math.floor(r() * 9)) {
    case 0: return `(${expr(r, depth - 1)} ${pick(BINOPS)} ${expr(r, depth - 1)})`;
    case 1: return `${pick(['-', 'not ', '~', '+'])}${expr(r, depth - 1)}`;
    case 2: return `${pick(['f', 'len', 'str', 'repr', 'list', 'int', 'float', 'sorted', 'abs', 'hash', 'iter', 'next', 'C'])}(${expr(r, depth - 1)})`;
    case 3: return `${expr(r, depth - 1)}[${expr(r, depth - 1)}]`;
    case 4: return `${expr(r, depth - 1)}[${pick(['', '1', '-1'])}:${pick(['', '2', 'x'])}]`;
    case 5: return `[${expr(r, depth - 1)} for x in ${expr(r, depth - 1)}]`;
    case 6: return `(${expr(r, depth - 1)} if ${expr(r, depth - 1)} else ${expr(r, depth - 1)})`;
    case 7: {
      if (r() < 0.5) return `${expr(r, depth - 1)}.${pick(['append', 'x', 'keys', 'upper', 'real', '__class__', 'split'])}`;
      const n = Math.floor(r() * 4);
      const args = Array.from({ length: n }, () => expr(r, depth - 1)).join(', ');
      return r() < 0.5 ? `${pick(RECEIVERS)}.${pick(METHODS)}(${args})` : `${pick(BUILTINS)}(${args})`;
    }
    default: return `f"{${expr(r, depth - 1)}!r:>4}"`;
  }
}

function stmt(r: () => number, depth: number, indent: string): string {
  const pick = <T>(a: T[]) => a[Math.floor(r() * a.length)];
  const e = () => expr(r, 3);
  const block = () => Array.from({ length: 1 + Math.floor(r() * 3) }, () => stmt(r, depth - 1, indent + '    ')).join('');
  if (depth <= 0) return `${indent}${pick(['x', 'y'])} = ${e()}\n`;
  switch (Math.floor(r() * 12)) {
    case 0: return `${indent}if ${e()}:\n${block()}${indent}else:\n${block()}`;
    case 1: return `${indent}for ${pick(['x', 'y', 'x, y'])} in ${e()}:\n${block()}`;
    case 2: return `${indent}while ${e()}:\n${block()}`;
    case 3: return `${indent}try:\n${block()}${indent}except ${pick(['Exception', 'ValueError', '(TypeError, KeyError)', 'BaseException'])} as e:\n${indent}    print(type(e).__name__)\n`;
    case 4: return `${indent}def f(a=${e()}, *b, **c):\n${block()}${indent}    return ${e()}\n`;
    case 5: return `${indent}class C:\n${indent}    z = ${e()}\n${indent}    def m(self):\n${indent}        return ${e()}\n`;
    case 6: return `${indent}print(${e()}, ${e()})\n`;
    case 7: return `${indent}x ${pick(['+=', '-=', '*=', '//=', '|='])} ${e()}\n`;
    case 8: return `${indent}with ${e()} as w:\n${block()}`;
    case 9: return `${indent}del ${pick(['x', 'y', 'x[0]', 'f'])}\n`;
    case 10: return `${indent}raise ${pick(['ValueError', 'StopIteration', 'KeyError(1)', 'e', '5'])}\n`;
    default: return `${indent}y = ${e()}\n`;
  }
}

/** A random program from the grammar. */
export function randomProgram(r: () => number): string {
  let src = 'import math, sys\nx = 1\ny = [3, 1, 2]\ndef f(a=0):\n    return a\nclass C:\n    pass\n';
  const n = 2 + Math.floor(r() * 8);
  // most statements run inside try/except so that later ones execute too
  for (let i = 0; i < n; i++) {
    if (r() < 0.7) src += 'try:\n' + stmt(r, 3, '    ') + 'except Exception as e:\n    print(type(e).__name__)\n';
    else src += stmt(r, 3, '');
  }
  return src;
}

/** A mutation of a seed program: characters/tokens deleted, duplicated or inserted. */
export function mutate(src: string, r: () => number): string {
  let s = src;
  const n = 1 + Math.floor(r() * 4);
  for (let i = 0; i < n; i++) {
    const p = Math.floor(r() * (s.length + 1));
    switch (Math.floor(r() * 4)) {
      case 0: s = s.slice(0, p) + s.slice(p + 1 + Math.floor(r() * 5)); break;
      case 1: s = s.slice(0, p) + TOKENS[Math.floor(r() * TOKENS.length)] + s.slice(p); break;
      case 2: { const q = Math.floor(r() * s.length); s = s.slice(0, p) + s.slice(q, q + 10) + s.slice(p); break; }
      default: s = s.slice(0, p) + String.fromCharCode(32 + Math.floor(r() * 95)) + s.slice(p);
    }
  }
  return s;
}

const EXTREMES = ['0', '-1', '2**31', '2**64', '10**9', '-10**20', '1e308', '-0.0', "float('nan')", "''", "b''", '()', 'None', '[]', '{}', '(1,)*300'];
const WRAPS: ((e: string) => string)[] = [
  (e) => '(' .repeat(40) + e + ')'.repeat(40),
  (e) => `[${e}] * 3`,
  (e) => `lambda: ${e}`,
  (e) => `${e} if ${e} else ${e}`,
  (e) => `(yield ${e})`,
  (e) => `await ${e}`,
  (e) => `[x async for x in ${e}]`,
  (e) => `${e} := 1`,
  (e) => `*${e}`,
  (e) => `f"{${e}!r:{${e}}}"`,
  (e) => Array(60).fill(e).join(' + '),
  (e) => Array(60).fill(e).join(' < '),
];

/**
 * A line-level mutation: a line duplicated, dropped, swapped, re-indented or moved into a
 * def/async def/class/loop/try; a number replaced by an extreme value; an expression wrapped
 * in deep or unusual syntax; or a line spliced in from another program of the corpus.
 */
export function mutateLines(src: string, r: () => number, donors: string[]): string {
  const pick = <T>(a: T[]) => a[Math.floor(r() * a.length)];
  const lines = src.split('\n');
  const n = 1 + Math.floor(r() * 3);
  for (let k = 0; k < n && lines.length; k++) {
    const i = Math.floor(r() * lines.length);
    const indent = /^\s*/.exec(lines[i])?.[0] ?? '';
    switch (Math.floor(r() * 8)) {
      case 0: lines.splice(i, 0, lines[i]); break;
      case 1: lines.splice(i, 1); break;
      case 2: { const j = Math.floor(r() * lines.length); [lines[i], lines[j]] = [lines[j], lines[i]]; break; }
      case 3: lines[i] = (r() < 0.5 ? '    ' : '') + lines[i].replace(r() < 0.5 ? /^ {4}/ : /^$/, ''); break;
      case 4: lines.splice(i, 0, indent + pick(['def g():', 'async def g():', 'class K:', 'for _ in range(2):', 'while 1:', 'try:', 'with open("x") as w:', 'if 0:'])); lines[i + 1] = '    ' + (lines[i + 1] ?? 'pass'); break;
      case 5: lines[i] = lines[i].replace(/\b\d+(\.\d+)?\b/, () => pick(EXTREMES)); break;
      case 6: lines[i] = lines[i].replace(/=\s*(.+)$/, (_m, e: string) => '= ' + pick(WRAPS)(e)); break;
      default: { const d = pick(donors).split('\n'); lines.splice(i, 0, ...d.slice(Math.floor(r() * d.length)).slice(0, 1 + Math.floor(r() * 5))); }
    }
  }
  return lines.join('\n');
}

/** One mutant of a random corpus program: character-level, line-level, or both. */
export function mutant(corpus: string[], r: () => number): string {
  const src = corpus[Math.floor(r() * corpus.length)];
  const k = r();
  if (k < 0.4) return mutate(src, r);
  if (k < 0.8) return mutateLines(src, r, corpus);
  return mutate(mutateLines(src, r, corpus), r);
}

export type Outcome = 'ok' | 'python-exception' | 'syntax-error';

/** What one fuzzed program did; the last two are host-level failures (goal: none). */
export type FuzzResult = Outcome | 'aborted' | 'host-error';

/**
 * The fuzzer's host: after `budget` polls (about 1,000 loop iterations or calls each) every
 * poll is a Ctrl-C, and after four times that the run is aborted outright (a program that
 * catches KeyboardInterrupt in a loop would otherwise never end). Keeps the last output only.
 */
class FuzzHost extends TestHost {
  aborted = false;
  // a board-sized flash: a program writing in a loop gets ENOSPC instead of an ever-growing file
  constructor(private readonly budget: number) { super('', new MemFs(256 * 1024)); }
  override poll(): boolean {
    this.polls++;
    if (this.polls > 4 * this.budget) { this.aborted = true; throw new HostAbort('fuzz budget'); }
    return this.polls >= this.budget;
  }
  override write(t: string): void { this.out = (this.out + t).slice(-4096); }
}

/**
 * Runs one program with a small poll budget and says what happened. A 'host-error' is a JS
 * error that reached the program (translated at the runtime boundary, so it carries
 * exc.hostError) or escaped the interpreter; `detail` then holds its text.
 */
export function classifyFuzz(src: string, budget = 40): { result: FuzzResult; detail?: string } {
  const host = new FuzzHost(budget);
  const interp = new Interpreter(host, { heapLimit: 4 * 1024 * 1024, recursionLimit: 200 });
  try {
    interp.exec(src, '<fuzz>');
    return host.out.includes('internal error:') ? { result: 'host-error', detail: host.out } : { result: 'ok' };
  } catch (e) {
    if (e instanceof HostAbort) return { result: 'aborted' };
    if (!(e instanceof PyRaise)) return { result: 'host-error', detail: String((e as Error)?.stack ?? e) };
    const text = interp.formatException(e);
    if (e.exc.hostError !== undefined || host.out.includes('internal error:')) {
      const cause = e.exc.hostError as Error | undefined;
      return { result: 'host-error', detail: text + (cause?.stack ?? '') };
    }
    const name = e.exc.$type.name;
    return { result: name === 'SyntaxError' || name === 'IndentationError' ? 'syntax-error' : 'python-exception' };
  }
}

/** Runs one program with a small poll budget; throws if the VM misbehaves. */
export function runFuzz(src: string): Outcome {
  const { result, detail } = classifyFuzz(src);
  if (result === 'host-error') throw new Error('VM bug on program:\n' + src + '\n--- thrown: ' + detail);
  return result === 'aborted' ? 'python-exception' : result;
}
