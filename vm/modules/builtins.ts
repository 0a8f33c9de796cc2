// builtins: the module whose attributes are the builtins, as `import builtins` gives it on a board
// (Thonny's back end starts with it). It is the interpreter's own builtins namespace, not a copy:
// `builtins.x = 1` makes `x` visible everywhere, as MICROPY_CAN_OVERRIDE_BUILTINS does.

import type { PyModule } from '../objects/module';
import type { Interp } from '../runtime/interp';

export function makeBuiltinsModule(interp: Interp): PyModule {
  return interp.builtins;
}
