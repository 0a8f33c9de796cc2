// module: a namespace whose globals object is the same one generated code uses as `G`.

import { PyType, objectType, type PyObj } from './object';

export const moduleType = new PyType('module', [objectType]);

export class PyModule {
  declare $type: PyType;
  /** Globals: a null-prototype object, keys are Python names. */
  g: Record<string, PyObj>;
  constructor(public name: string, g?: Record<string, PyObj>) {
    this.g = g ?? Object.create(null);
    this.g.__name__ = name;
  }
}
PyModule.prototype.$type = moduleType;
