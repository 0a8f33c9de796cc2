// tuple: an immutable JS array wrapper. Methods live in the tuple type's table.

import { PyType, objectType, methods, type PyObj } from './object';

export const tupleType = new PyType('tuple', [objectType]);

export class PyTuple {
  declare $type: PyType;
  $d: Map<string, PyObj> | undefined = undefined;
  constructor(public items: PyObj[]) {}
}
PyTuple.prototype.$type = tupleType;

export const emptyTuple = new PyTuple([]);

// Methods are registered from runtime/seq.ts (they need equality and repr).
export { methods };
