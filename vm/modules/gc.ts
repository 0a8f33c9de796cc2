// gc: collection is the JS engine's business; mem_free/mem_alloc report the heap budget.

import { None } from '../objects/object';
import type { PyModule } from '../objects/module';
import type { Interp } from '../runtime/interp';
import { nativeModule } from './util';

export function makeGc(interp: Interp): PyModule {
  let enabled = true;
  const used = () => Math.min(interp.heapLimit, 2048 + interp.modules.size * 512);
  return nativeModule('gc', {
    collect: () => None,
    enable: () => { enabled = true; return None; },
    disable: () => { enabled = false; return None; },
    isenabled: () => enabled,
    mem_free: () => interp.heapLimit - used(),
    mem_alloc: () => used(),
    threshold: () => -1,
  });
}
