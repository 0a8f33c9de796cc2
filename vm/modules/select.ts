// select: poll objects over streams; on the simulated board stdin is the only pollable
// stream and is reported readable when the host has input (best effort: always writable).

import { PyType, objectType, None, methods, type PyObj } from '../objects/object';
import { PyList } from '../objects/list';
import { PyTuple } from '../objects/tuple';
import type { PyModule } from '../objects/module';
import { nativeModule } from './util';

const pollType = new PyType('poll', [objectType]);
class PyPoll { declare $type: PyType; regs = new Map<PyObj, number>(); }
PyPoll.prototype.$type = pollType;
methods(pollType, {
  register: (a) => { (a[0] as PyPoll).regs.set(a[1], a.length > 2 ? Number(a[2]) : 5); return None; },
  unregister: (a) => { (a[0] as PyPoll).regs.delete(a[1]); return None; },
  modify: (a) => { (a[0] as PyPoll).regs.set(a[1], Number(a[2])); return None; },
  poll: (a) => new PyList([...(a[0] as PyPoll).regs].filter(([, m]) => m & 4).map(([o]) => new PyTuple([o, 4]))),
  ipoll: (a) => new PyList([...(a[0] as PyPoll).regs].filter(([, m]) => m & 4).map(([o]) => new PyTuple([o, 4]))),
});

export function makeSelect(): PyModule {
  return nativeModule('select', { poll: () => new PyPoll() }, { POLLIN: 1, POLLOUT: 4, POLLERR: 8, POLLHUP: 16 });
}
