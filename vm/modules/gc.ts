// gc: collect() asks the host for a JS collection and re-estimates the modelled heap
// (runtime/heap.ts); mem_free()/mem_alloc() report that same model against the heap limit.

import { None } from '../objects/object';
import type { PyModule } from '../objects/module';
import type { Interp } from '../runtime/interp';
import { rt } from '../runtime/state';
import { nativeModule } from './util';

export function makeGc(interp: Interp): PyModule {
  let enabled = true;
  const used = () => Math.min(interp.heapLimit, rt.heapUsed);
  return nativeModule('gc', {
    collect: () => { interp.collectHeap(); return None; },
    enable: () => { enabled = true; return None; },
    disable: () => { enabled = false; return None; },
    isenabled: () => enabled,
    mem_free: () => interp.heapLimit - used(),
    mem_alloc: () => used(),
    threshold: () => -1,
  });
}
