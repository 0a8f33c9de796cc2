// Refuses compiled files the board cannot load before anything is written: a .mpy starts with
// 'M' and its version on MicroPython (6 since 1.19), 'C' and its version on CircuitPython (5 for
// 7–8, 6 for 9+), and Mote's simulated boards load no .mpy at all (firmware-and-libraries.md §6.1).
import { MoteError } from '../../shared/errors';
import type { LibraryTarget } from './library-target';

/** CircuitPython's .mpy version per major release. */
function circuitPythonMpy(flavour: string): number | null {
  const major = Number(/^(\d+)\.x-mpy$/.exec(flavour)?.[1]);
  if (!major) return null;
  return major >= 9 ? 6 : major >= 7 ? 5 : 3;
}

export function checkMpyHeaders(files: Map<string, Buffer>, target: LibraryTarget): void {
  for (const [path, data] of files) {
    if (!path.endsWith('.mpy')) continue;
    if (target.simulated) throw new MoteError('invalid-file', `${path} is compiled (.mpy), and the simulated board runs only .py source. Install the .py version of this library.`);
    const [magic, version] = [data[0], data[1]];
    const ok =
      target.firmware === 'micropython'
        ? magic === 0x4d && String(version) === target.mpy
        : magic === 0x43 && version === circuitPythonMpy(target.bundleFlavour);
    if (!ok) {
      const want = target.firmware === 'micropython' ? `MicroPython .mpy version ${target.mpy}` : `CircuitPython ${target.version} .mpy`;
      const got = magic === 0x4d || magic === 0x43 ? `${magic === 0x4d ? 'MicroPython' : 'CircuitPython'} .mpy version ${version}` : 'not a .mpy file at all';
      throw new MoteError('invalid-file', `${path} is ${got}; this board loads ${want}. Nothing was installed.`);
    }
  }
}
