// Every explanation shipped in English, against the error texts the firmware really prints.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import type { Explanation } from '../../shared/contracts/help';
import { explain, lastErrorLine, withImport } from './explain';

const list = (JSON.parse(readFileSync(join(__dirname, '../../resources/locales/en/explanations.json'), 'utf8')) as { explanations: Explanation[] }).explanations;

describe('explain', () => {
  test.each([
    ["NameError: name 'Pin' isn't defined", 'micropython', 'name-pin', 'from machine import Pin'],
    ["NameError: name 'sleep' isn't defined", 'micropython', 'name-sleep', 'from time import sleep'],
    ["NameError: name 'sleep' is not defined", 'circuitpython', 'name-sleep-cp', 'from time import sleep'],
    ["NameError: name 'time' isn't defined", 'micropython', 'name-module', 'import time'],
    ["NameError: name 'ledd' isn't defined", 'micropython', 'name-other', undefined],
    ["ImportError: no module named 'board'", 'micropython', 'import-board-on-mp', undefined],
    ["ImportError: no module named 'machine'", 'circuitpython', 'import-machine-on-cp', undefined],
    ["ImportError: no module named 'ssd1306'", 'micropython', 'import-driver', undefined],
    ['OSError: [Errno 5] EIO', 'micropython', 'eio', undefined],
    ['OSError: [Errno 110] ETIMEDOUT', 'micropython', 'etimedout', undefined],
    ['OSError: [Errno 19] ENODEV', 'micropython', 'enodev', undefined],
    ['OSError: [Errno 28] ENOSPC', 'micropython', 'enospc', undefined],
    ['OSError: [Errno 30] Read-only filesystem', 'circuitpython', 'erofs', undefined],
    ['ValueError: invalid pin', 'micropython', 'invalid-pin', undefined],
    ['ValueError: GP25 in use', 'circuitpython', 'pin-in-use', undefined],
    ['MemoryError: memory allocation failed, allocating 40000 bytes', 'micropython', 'memory', undefined],
    ['IndentationError: unexpected indent', 'micropython', 'indent-unexpected', undefined],
    ['SyntaxError: invalid syntax', 'micropython', 'syntax', undefined],
    ['KeyboardInterrupt: ', 'micropython', 'keyboard-interrupt', undefined],
    ['TypeError: function takes 2 positional arguments but 1 were given', 'micropython', 'missing-argument', undefined],
    ["TypeError: unsupported types for __add__: 'str', 'int'", 'micropython', 'str-plus-int', undefined],
    ['RuntimeError: maximum recursion depth exceeded', 'micropython', 'recursion', undefined],
    ['ZeroDivisionError: divide by zero', 'micropython', 'zero-division', undefined],
    ["AttributeError: 'module' object has no attribute 'sleep_ms'", 'circuitpython', 'attribute', undefined],
    ['ValueError: invalid syntax for integer with base 10', 'micropython', 'bad-int', undefined],
  ] as const)('%s (%s) → %s', (line, firmware, id, fix) => {
    const found = explain(list, line, firmware);
    expect(found?.id).toBe(id);
    expect(found?.addImport).toBe(fix);
    expect(found?.title).not.toMatch(/\{\w+\}/);
    expect(found?.text.replace('{n}', '')).not.toMatch(/\{\w+\}/); // f"{n}" is an example in the text
  });

  test('ships at least 30 explanations, each with a valid pattern', () => {
    expect(list.length).toBeGreaterThanOrEqual(30);
    for (const e of list) expect(() => new RegExp(e.match)).not.toThrow();
  });

  test('finds the error line at the end of a traceback', () => {
    const out = 'hello\r\nTraceback (most recent call last):\r\n  File "<stdin>", line 3, in <module>\r\nNameError: name \'Pin\' isn\'t defined\r\n';
    expect(lastErrorLine(out)).toBe("NameError: name 'Pin' isn't defined");
  });

  test('adds an import after the existing ones, once', () => {
    expect(withImport('# blink\nimport time\nled = Pin(25)\n', 'from machine import Pin')).toBe('# blink\nimport time\nfrom machine import Pin\nled = Pin(25)\n');
    expect(withImport('led = Pin(25)\n', 'from machine import Pin')).toBe('from machine import Pin\nled = Pin(25)\n');
    expect(withImport('from machine import Pin\n', 'from machine import Pin')).toBe('from machine import Pin\n');
  });
});
