// platform: what the firmware was built as (extmod/modplatform.c). The simulated board reports
// itself as an Arm build with newlib, as RP2 firmware does; the compiler and libc versions are
// representative of current official builds, not measured from one.

import { PyTuple } from '../objects/tuple';
import type { PyModule } from '../objects/module';
import type { Interp } from '../runtime/interp';
import { nativeModule } from './util';

const ARCH = 'arm';
const LIBC = ['newlib', '4.3.0'];
const COMPILER = 'GCC 14.2.1';

export function makePlatform(interp: Interp): PyModule {
  const version = interp.impl.version.join('.');
  const platform = `MicroPython-${version}-${ARCH}--with-${LIBC[0]}${LIBC[1]}`;
  return nativeModule('platform', {
    platform: () => platform,
    python_compiler: () => COMPILER,
    libc_ver: () => new PyTuple([...LIBC]),
  });
}
