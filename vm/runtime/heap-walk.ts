// The live size of the modelled heap (runtime/heap.ts) as a collection recomputes it: every
// object reachable from the modules' globals, sized as MicroPython's 32-bit ports allocate it.
// What it cannot see: locals of running functions and closures (JS variables); the
// interpreter bounds those from below with the JS heap's own measure (Interp.collectHeap).

import type { PyObj } from '../objects/object';
import { PyInstance, PyType } from '../objects/object';
import { PyList } from '../objects/list';
import { PyTuple } from '../objects/tuple';
import { PyDict } from '../objects/dict';
import { PySet } from '../objects/set';
import { PyBytes, PyByteArray } from '../objects/bytes';
import { PyModule } from '../objects/module';
import { blocks, strBytes, COUNTED_STR } from './heap';

/** Slot table bytes of a dict/set/instance map holding n entries (grows by ~1.4 when full). */
function tableBytes(n: number): number {
  return n === 0 ? 0 : blocks(Math.ceil(n * 1.2) * 8);
}

/** Bytes reachable from the given roots (each object counted once). */
export function liveBytes(roots: Iterable<PyObj>): number {
  const seen = new Set<object>();
  const todo: PyObj[] = [...roots];
  let total = 0;
  while (todo.length) {
    const o = todo.pop();
    if (typeof o === 'string') { if (o.length >= COUNTED_STR) total += strBytes(o.length); continue; }
    if (typeof o !== 'object' || o === null || seen.has(o)) continue;
    seen.add(o);
    if (o instanceof PyList) { total += 16 + blocks(Math.max(4, o.items.length) * 4); pushAll(todo, o.items); }
    else if (o instanceof PyTuple) { total += blocks(8 + 4 * o.items.length); pushAll(todo, o.items); }
    else if (o instanceof PyDict) { total += 16 + tableBytes(o.m.size); for (const [k, v] of o.entries()) todo.push(k, v); }
    else if (o instanceof PySet) { total += 16 + tableBytes(o.m.size); for (const v of o.m.values()) todo.push(v); }
    else if (o instanceof PyBytes) total += strBytes(o.b.length);
    else if (o instanceof PyByteArray) total += 16 + blocks(o.b.length);
    else if (o instanceof PyInstance) { total += 16 + tableBytes(o.$d.size); pushAll(todo, o.$d.values()); }
    else if (o instanceof PyModule) pushAll(todo, Object.values(o.g));
    else if (o instanceof PyType && !o.native) pushAll(todo, o.dict.values());
  }
  return total;
}

function pushAll(todo: PyObj[], xs: Iterable<PyObj>): void {
  for (const x of xs) todo.push(x);
}
