// Code for very long operator chains (`1 + 1 + ... ` 10,000 times, `- - - x`, `a and b and ...`,
// `a < b < c < ...`) as one flat JS comma/&& sequence through a temporary, instead of nested
// calls: both our code generator and V8's parser recurse once per nesting level and run out of
// stack long before MicroPython does. Short chains keep the ordinary nested form.

import type { Node } from './ast';

/** Chains at least this long are generated flat. */
export const LONG_CHAIN = 32;

/** What the flat forms need from the code generator. */
export interface ChainGen {
  expr(n: Node): string;
  temp(): string;
}

/** Length of the chain of `k` nodes starting at n and following `next`, counted up to `stop`. */
export function chainLength(n: Node, k: string, next: string, stop = LONG_CHAIN): number {
  let len = 0;
  for (let c: Node = n; c.k === k && len < stop; c = c[next]) len++;
  return len;
}

/** `((a + b) - c) * d`: the left operand spine, innermost first, evaluated left to right. */
export function flatBinOp(g: ChainGen, n: Node, fn: (op: string) => string): string {
  const spine: Node[] = [];
  let c = n;
  while (c.k === 'BinOp') { spine.push(c); c = c.left; }
  const t = g.temp();
  let s = `(${t} = ${g.expr(c)}`;
  for (let i = spine.length - 1; i >= 0; i--) s += `, ${t} = ${fn(spine[i].op)}(${t}, ${g.expr(spine[i].right)})`;
  return s + `, ${t})`;
}

/** `a ** b ** c` (right-associative): operands evaluated left to right into an array, then
 *  the powers taken from the right. */
export function flatPower(g: ChainGen, n: Node, pow: string): string {
  const operands: Node[] = [];
  let c = n;
  for (; c.k === 'BinOp' && c.op === '**'; c = c.right) operands.push(c.left);
  operands.push(c);
  const a = g.temp(); const t = g.temp();
  let s = `(${a} = [${operands.map((o) => g.expr(o)).join(', ')}], ${t} = ${a}[${operands.length - 1}]`;
  for (let i = operands.length - 2; i >= 0; i--) s += `, ${t} = ${pow}(${a}[${i}], ${t})`;
  return s + `, ${a} = undefined, ${t})`;
}

/** `- ~ not x`: the operand is evaluated first, then the operators from the inside out. */
export function flatUnaryOp(g: ChainGen, n: Node, fn: (op: string) => string): string {
  const ops: string[] = [];
  let c = n;
  while (c.k === 'UnaryOp') { ops.push(c.op); c = c.operand; }
  const t = g.temp();
  let s = `(${t} = ${g.expr(c)}`;
  for (let i = ops.length - 1; i >= 0; i--) s += `, ${t} = ${ops[i] === 'not' ? `!$truthy(${t})` : `${fn(ops[i])}(${t})`}`;
  return s + `, ${t})`;
}

/** `a and b and c`: the first false value (or the last), `or` the first true one, short-circuit. */
export function flatBoolOp(g: ChainGen, n: Node): string {
  const t = g.temp();
  const test = n.op === 'and' ? `$truthy(${t})` : `!$truthy(${t})`;
  const vals: Node[] = n.values;
  const steps = vals.slice(0, -1).map((v) => `(${t} = ${g.expr(v)}, ${test})`);
  steps.push(`(${t} = ${g.expr(vals[vals.length - 1])}, true)`);
  // each step answers "go on to the next value"
  return `(${steps.join(' && ')}, ${t})`;
}

/** `a < b < c`: each comparand evaluated once, stopping at the first false comparison. */
export function flatCompare(g: ChainGen, n: Node, one: (op: string, a: string, b: string) => string): string {
  const r = g.temp(); const left = g.temp(); const right = g.temp();
  const steps = (n.ops as string[]).map((op, i) => `(${right} = ${g.expr(n.comparators[i])}, ${r} = ${one(op, left, right)}, ${left} = ${right}, $truthy(${r}))`);
  return `(${left} = ${g.expr(n.left)}, ${steps.join(' && ')}, ${r})`;
}
