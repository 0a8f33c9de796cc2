// `node out/vm/cli.js FILE.py [--heap BYTES]`: runs a file like `micropython FILE.py`
// (output on stdout, traceback on stderr and exit status 1, SystemExit honoured).

import * as fs from 'node:fs';
import * as path from 'node:path';
import { Interpreter, PyRaise, InternalError } from '../index';
import { NodeHost } from './node-host';
import { runBoardCli } from './board-cli';
import { enableLinearRegExpFallback } from './regexp-engine';

function usage(): never {
  process.stderr.write('usage: node out/vm/cli.js FILE.py [--heap BYTES] [args...]\n');
  process.exit(2);
}

function main(argv: string[]): number {
  let file: string | null = null;
  let heap: number | undefined;
  const rest: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (file === null && a === '--heap') { heap = Number(argv[++i]); if (!Number.isFinite(heap)) usage(); }
    else if (file === null && a.startsWith('--')) usage();
    else if (file === null) file = a;
    else rest.push(a);
  }
  if (file === null) usage();
  let source: string;
  try { source = fs.readFileSync(file, 'utf8'); } catch {
    process.stderr.write(`micropython: can't open file '${file}': [Errno 2] No such file or directory\n`);
    return 2;
  }
  const host = new NodeHost(path.dirname(path.resolve(file)));
  // No SIGINT handler: the program runs synchronously on the main thread, so a handler could
  // never run; Node's default (terminate) is what stops a runaway loop here.
  const interp = new Interpreter(host, { heapLimit: heap ?? 64 * 1024 * 1024, recursionLimit: 1000, argv: [file, ...rest], path: ['', '.frozen', '/lib'], implementation: { name: 'micropython', version: [1, 27, 0], versionString: '3.4.0; MicroPython v1.27.0', machine: 'Mote VM with TypeScript', platform: 'linux' } });
  try {
    interp.exec(source, file);
    return 0;
  } catch (e) {
    if (interp.isSystemExit(e)) return interp.exitCode(e);
    if (e instanceof PyRaise) { process.stderr.write(interp.formatException(e)); return 1; }
    if (e instanceof InternalError) { process.stderr.write(e.toString() + '\n'); return 3; }
    throw e;
  }
}

enableLinearRegExpFallback();
// `--board PROFILE [--fs DIR]` runs a simulated board on raw stdin/stdout (board-cli.ts).
if (process.argv.slice(2).some((a) => a === '--board' || a.startsWith('--board='))) {
  void runBoardCli(process.argv.slice(2)).then((code) => { process.exitCode = code; });
} else {
  process.exitCode = main(process.argv.slice(2));
}
