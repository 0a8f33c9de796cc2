import { describe, expect, it } from 'vitest';
import { PlotParser, samplesToCsv } from './plot-parser';

describe('PlotParser', () => {
  it('reads Mu-style tuples', () => {
    const p = new PlotParser();
    expect(p.feed('(1, 2.5, -3)\n')).toEqual([{ names: ['1', '2', '3'], values: [1, 2.5, -3] }]);
    expect(p.feed('(7,)\n')).toEqual([{ names: ['1'], values: [7] }]);
  });

  it('reads name:value pairs', () => {
    const p = new PlotParser();
    expect(p.feed('temp:21.5 hum:40\n')).toEqual([{ names: ['temp', 'hum'], values: [21.5, 40], named: true }]);
    expect(p.feed('x=1, y=2\n')).toEqual([{ names: ['x', 'y'], values: [1, 2], named: true }]);
  });

  it('reads CSV after a header line', () => {
    const p = new PlotParser();
    expect(p.feed('temp,humidity\n21,40\n22,41\n')).toEqual([
      { names: ['temp', 'humidity'], values: [21, 40] },
      { names: ['temp', 'humidity'], values: [22, 41] },
    ]);
  });

  it('joins lines split across chunks and ignores ordinary text', () => {
    const p = new PlotParser();
    expect(p.feed('(1, ')).toEqual([]);
    expect(p.feed('2)\r\nHello world\r\n>>> \r\n')).toEqual([{ names: ['1', '2'], values: [1, 2] }]);
    expect(p.feed('Traceback (most recent call last):\n')).toEqual([]);
  });

  it('reads plain numbers once two lines in a row have them, but not a lone REPL result', () => {
    const p = new PlotParser();
    expect(p.feed('>>> 6 * 7\n42\n>>> \n')).toEqual([]);
    expect(p.feed('1.5 2e3\n2 3\n4 5\n')).toEqual([
      { names: ['1', '2'], values: [1.5, 2000] },
      { names: ['1', '2'], values: [2, 3] },
      { names: ['1', '2'], values: [4, 5] },
    ]);
  });

  it('reads a run\'s first line that follows the REPL prompt, lists, tabs and colour codes', () => {
    const p = new PlotParser();
    expect(p.feed('>>> ')).toEqual([]);
    expect(p.feed('(0.0, 1.0)\r\n[2, 3]\r\n\x1b[32m(4, 5)\x1b[0m\r\n')).toEqual([
      { names: ['1', '2'], values: [0, 1] },
      { names: ['1', '2'], values: [2, 3] },
      { names: ['1', '2'], values: [4, 5] },
    ]);
    expect(p.feed('a\tb\n1\t2\n')).toEqual([{ names: ['a', 'b'], values: [1, 2] }]);
    expect(p.feed('temp:1\thum:2\n')).toEqual([{ names: ['temp', 'hum'], values: [1, 2], named: true }]);
    expect(p.feed('temp: 21.5 hum: 40\n')).toEqual([{ names: ['temp', 'hum'], values: [21.5, 40], named: true }]);
  });

  it('writes CSV with empty cells for missing values', () => {
    expect(samplesToCsv(['a', 'b,c'], [[1, null], [2, 3]])).toBe('sample,a,"b,c"\n1,1,\n2,2,3\n');
  });
});
