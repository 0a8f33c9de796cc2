// micropython: const, opt_level, mem_info, schedule, alloc_emergency_exception_buf...

import { None, type PyObj } from '../objects/object';
import { pyErr } from '../objects/exception';
import type { PyModule } from '../objects/module';
import type { Interp } from '../runtime/interp';
import { rt } from '../runtime/state';
import { arity, argNum } from '../runtime/args';
import { nativeModule } from './util';

export function makeMicropython(interp: Interp): PyModule {
  let opt = 0;
  return nativeModule('micropython', {
    // micropython.const(x)
    const: (a: PyObj[]) => { arity(a, 1); return a[0]; },
    opt_level: (a) => { if (a.length) { opt = Number(a[0]); return None; } return opt; },
    mem_info: (a) => {
      // the same modelled heap as gc.mem_alloc() (runtime/heap.ts)
      const used = Math.min(interp.heapLimit, rt.heapUsed);
      interp.write(`stack: 2048 out of 80000\nGC: total: ${interp.heapLimit}, used: ${used}, free: ${interp.heapLimit - used}\n No. of 1-blocks: 40, 2-blocks: 10, max blk sz: 32, max free sz: ${Math.floor((interp.heapLimit - used) / 16)}\n`);
      void a;
      return None;
    },
    qstr_info: () => { interp.write('qstr pool: n_pool=1, n_qstr=0, n_str_data_bytes=0, n_total_bytes=0\n'); return None; },
    stack_use: () => 2048,
    heap_lock: () => 0,
    heap_unlock: () => 0,
    heap_locked: () => 0,
    // micropython.kbd_intr(c): the byte that raises KeyboardInterrupt (-1: none) until the
    // program ends; the next program or REPL command has Ctrl-C again (pyexec.c)
    kbd_intr: (a) => { arity(a, 1); interp.host.setInterruptChar?.(argNum(a[0])); return None; },
    alloc_emergency_exception_buf: () => None,
    // micropython.schedule(func, arg)
    schedule: (a) => { arity(a, 2); if (!interp.schedule(a[0], a[1])) throw pyErr('RuntimeError', 'schedule queue full'); return None; },
  });
}
