// Helpers for writing native modules: module objects with native functions.

import { PyBuiltin, type PyObj, type Kw } from '../objects/object';
import { PyModule } from '../objects/module';

/** Creates a module whose functions are given as (args, kw) => value. */
export function nativeModule(name: string, fns: Record<string, (a: PyObj[], kw: Kw) => PyObj>, attrs: Record<string, PyObj> = {}): PyModule {
  const m = new PyModule(name);
  for (const [k, f] of Object.entries(fns)) m.g[k] = new PyBuiltin(k, f);
  for (const [k, v] of Object.entries(attrs)) m.g[k] = v;
  return m;
}
