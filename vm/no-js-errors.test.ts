// A program never sees a JavaScript error: programs that used to leak RangeError, TypeError or
// ReferenceError (with JS stacks and install paths) give the error MicroPython gives, or run.
// Expected texts were recorded from the MicroPython WebAssembly build (v1.27).
import { describe, it, expect } from 'vitest';
import { runProgram, TestHost } from './tests/support';
import { Interpreter, PyRaise, native } from './index';

/** No JS error name, stack frame or file path in what the program printed. */
function expectNoHostTrace(out: string): void {
  expect(out).not.toMatch(/internal error|RangeError|ReferenceError|\n\s+at |\.js:\d+|node:|\/work\//);
}

describe('host errors never reach a program', () => {
  it("type('abc', (), None) and other bad type() arguments raise a bare TypeError", () => {
    const src = "for a in [('abc', (), None), ('abc', None, {}), ('abc', (1,), {}), (1, (), {}), ('a', [], {})]:\n" +
      '    try:\n        print(type(*a))\n    except Exception as e:\n        print(type(e).__name__, e)\n' +
      "class M(type): pass\ntry:\n    M('abc', (), None)\nexcept TypeError as e:\n    print('meta', repr(e))\n";
    expect(runProgram(src)).toBe("TypeError \nTypeError \nTypeError \nTypeError can't convert 'int' object to str implicitly\nTypeError \nmeta TypeError()\n");
    expect(runProgram("type('abc', (), None)\n")).toBe('Traceback (most recent call last):\n  File "<stdin>", line 1, in <module>\nTypeError: \n');
  });

  it('a walrus in a comprehension assigns a name the function declared global', () => {
    const src = 'v = 0\ndef f():\n    global v\n    return [v := x for x in range(3)]\nprint(f(), v)\n' +
      'def h():\n    w = 0\n    def k():\n        nonlocal w\n        [w := i for i in (5,)]\n    k()\n    return w\nprint(h())\n' +
      'global u\nprint([u := x for x in range(2)], u)\n';
    expect(runProgram(src)).toBe('[0, 1, 2] 2\n5\n[0, 1] 1\n');
  });

  it('async for / async with outside async def is a SyntaxError, at module level, in a def and in a class', () => {
    const msg = 'SyntaxError: async for/with outside async function\n';
    expect(runProgram('async for x in y:\n    pass\n')).toBe('Traceback (most recent call last):\n  File "<stdin>", line 1, in <module>\n' + msg);
    expect(runProgram('print(1)\nasync with x:\n    pass\n')).toBe('Traceback (most recent call last):\n  File "<stdin>", line 2, in <module>\n' + msg);
    expect(runProgram('def g():\n    async for x in y:\n        pass\n')).toBe('Traceback (most recent call last):\n  File "<stdin>", line 2, in g\n' + msg);
    expect(runProgram('class A:\n  async with a:\n    pass\n')).toBe('Traceback (most recent call last):\n  File "<stdin>", line 2, in A\n' + msg);
    expect(runProgram('x = [x async for x in 1]\n')).toBe('Traceback (most recent call last):\n  File "<stdin>", line 1\nSyntaxError: invalid syntax\n');
    // and still fine where they belong
    expect(runProgram('async def g():\n    async with A() as a:\n        print(a)\nclass A:\n    async def __aenter__(self):\n        return 7\n    async def __aexit__(self, *e):\n        pass\nc = g()\ntry:\n    c.send(None)\nexcept StopIteration:\n    print("done")\n')).toBe('7\ndone\n');
  });

  it('compile() with empty or bad source raises SyntaxError, which a program can catch', () => {
    expect(runProgram("compile('', 's', 'eval')\n")).toBe('Traceback (most recent call last):\n  File "<stdin>", line 1, in <module>\n  File "s", line 1\nSyntaxError: invalid syntax\n');
    expect(runProgram("try:\n    compile('1 +', 's', 'exec')\nexcept SyntaxError:\n    print('caught')\n")).toBe('caught\n');
  });

  it('10,000 chained operators, unary signs, and/or and comparisons compile and run', () => {
    const chain = (sep: string, n: number, atom = '1') => Array(n).fill(atom).join(sep);
    expect(runProgram(`print(${chain(' + ', 10000)})\n`)).toBe('10000\n');
    expect(runProgram(`print(len(${chain(' + ', 10000, "'a'")}))\n`)).toBe('10000\n');
    expect(runProgram(`print(${chain(' - ', 10000)})\n`)).toBe('-9998\n');
    expect(runProgram(`print(${'-'.repeat(10001)}1, ${'not '.repeat(5001)}1, ${'~'.repeat(10000)}5)\n`)).toBe('-1 False 5\n');
    expect(runProgram(`print(${chain(' ** ', 5000, '1')}, 2 ** -1 ** 2, -2 ** 2)\n`)).toBe('1 0.5 -4\n');
    expect(runProgram(`print(${chain(' and ', 10000)}, ${chain(' or ', 10000, '0')}, ${chain(' or ', 100, '0')} or 'x')\n`)).toBe('1 0 x\n');
    expect(runProgram(`print(${chain(' < ', 10000)}, ${chain(' <= ', 10000)}, 0 < ${chain(' < ', 100, 'x')})\n`.replace(/x/g, '1'))).toBe('False True False\n');
  });

  it('a long chain evaluates each operand once, left to right, and short-circuits', () => {
    const src = 'seen = []\ndef v(x):\n    seen.append(x)\n    return x\n' +
      `r = ${Array.from({ length: 40 }, (_, i) => `v(${i + 1})`).join(' < ')}\nprint(r, len(seen))\nseen.clear()\n` +
      `r = ${Array.from({ length: 40 }, (_, i) => `v(${i === 20 ? 0 : i + 1})`).join(' and ')}\nprint(r, seen[-1], len(seen))\nseen.clear()\n` +
      `r = ${Array.from({ length: 40 }, (_, i) => `v(${i})`).join(' + ')}\nprint(r, seen == list(range(40)))\n`;
    expect(runProgram(src)).toBe('True 40\n0 0 21\n780 True\n');
  });

  it('nesting deeper than the host stack allows is the recursion RuntimeError, never a JS error', () => {
    for (const src of [
      'x = ' + '('.repeat(5000) + '1' + ')'.repeat(5000) + '\n',
      'f = ' + 'lambda: '.repeat(5000) + '1\n',
      'x = ' + '['.repeat(5000) + ']'.repeat(5000) + '\n',
    ]) {
      const out = runProgram(src);
      expectNoHostTrace(out);
      expect(out).toMatch(/^(Traceback \(most recent call last\):\n)?RuntimeError: maximum recursion depth exceeded\n$|^$/);
    }
  });

  it("'%c' with a code point outside Unicode, a huge int, a float or a longer str gives MicroPython's results", () => {
    const src = 'for v in [float(-2**40), -1, 0x110000, 2**40, 65, 65.0, "ab", "x"]:\n    try:\n        print(repr("%c" % v))\n    except Exception as e:\n        print(type(e).__name__, e)\n';
    expect(runProgram(src)).toBe("TypeError integer needed\n'\\x00'\n'\\x00'\nOverflowError overflow converting long int to machine word\n'A'\nTypeError integer needed\nTypeError %c needs int or char\n'x'\n");
  });

  it('a JS error thrown inside the VM becomes a RuntimeError without stack or path, and can be caught', () => {
    const host = new TestHost();
    const interp = new Interpreter(host);
    interp.registerModule('bug', () => native.module('bug', { crash: () => { throw new TypeError("Cannot read properties of undefined (reading 'x') at /work/vm/objects/list.ts:12"); } }));
    interp.exec("import bug\ntry:\n    bug.crash()\nexcept RuntimeError as e:\n    print('caught', e)\n");
    expect(host.out).toBe("caught internal error: TypeError: Cannot read properties of undefined (reading 'x') at <path>\n");
    let err: unknown;
    try { interp.exec('bug.crash()\n'); } catch (e) { err = e; }
    expect(err).toBeInstanceOf(PyRaise);
    const r = err as PyRaise;
    expect(r.exc.hostError).toBeInstanceOf(TypeError);
    expect(interp.formatException(r)).toBe('Traceback (most recent call last):\n  File "<stdin>", line 1, in <module>\nRuntimeError: internal error: TypeError: Cannot read properties of undefined (reading \'x\') at <path>\n');
  });
});
