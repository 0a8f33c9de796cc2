// The real MicroPython REPL (its WebAssembly build) driven byte by byte, as the oracle for the
// simulated board's protocol tests. Test support only.

import { Worker } from 'node:worker_threads';
import { createRequire } from 'node:module';
import * as path from 'node:path';

const require = createRequire(import.meta.url);
const pkgDir = path.dirname(require.resolve('@micropython/micropython-webassembly-pyscript/package.json'));
export const WASM_MODULE = path.join(pkgDir, 'micropython.mjs');

interface MicroPythonModule {
  replInit(): void;
  replProcessChar(c: number): number;
}

/** One real MicroPython REPL; feed() returns the bytes it printed, as a binary string. */
export class WasmRepl {
  private out: number[] = [];
  private constructor(private readonly mp: MicroPythonModule) {}

  static async create(): Promise<WasmRepl> {
    const { loadMicroPython } = (await import(WASM_MODULE)) as {
      loadMicroPython(o: object): Promise<MicroPythonModule>;
    };
    let sink: number[] = [];
    const mp = await loadMicroPython({ stdout: (b: Uint8Array) => sink.push(...b), linebuffer: false });
    const r = new WasmRepl(mp);
    sink = r.out;
    mp.replInit();
    return r;
  }

  feed(s: string): string {
    for (let i = 0; i < s.length; i++) this.mp.replProcessChar(s.charCodeAt(i) & 0xff);
    return this.take();
  }

  take(): string {
    const s = String.fromCharCode(...this.out);
    this.out.length = 0;
    return s;
  }
}

/**
 * The first `n` bytes the real REPL prints after `input`, run in a throw-away worker: the
 * WebAssembly build cannot read further stdin inside raw-paste, so it spins once the handshake
 * is out, and the worker is terminated.
 */
export async function wasmFirstBytes(input: string, n: number, timeoutMs = 10_000): Promise<string> {
  const code = `
    const { parentPort, workerData } = require('node:worker_threads');
    import(workerData.mod).then(async ({ loadMicroPython }) => {
      let armed = false;
      const mp = await loadMicroPython({ linebuffer: false, stdout: (b) => { if (armed) parentPort.postMessage(Array.from(b)); } });
      mp.replInit();
      armed = true;
      parentPort.postMessage('go');
      for (const c of workerData.input) mp.replProcessChar(c);
    });`;
  const w = new Worker(code, { eval: true, workerData: { mod: WASM_MODULE, input: Array.from(input, (c) => c.charCodeAt(0)) } });
  const got: number[] = [];
  let started = false;
  try {
    return await new Promise<string>((resolve, reject) => {
      const t = setTimeout(() => reject(new Error(`wasm REPL gave ${got.length} bytes`)), timeoutMs);
      w.on('message', (m: number[] | 'go') => {
        if (m === 'go') {
          started = true;
          return;
        }
        if (!started) return;
        got.push(...m);
        if (got.length >= n) {
          clearTimeout(t);
          resolve(String.fromCharCode(...got.slice(0, n)));
        }
      });
      w.on('error', reject);
    });
  } finally {
    await w.terminate();
  }
}
