// The version text firmware builds embed ("MicroPython v1.24.1 on 2024-11-29", "Adafruit
// CircuitPython 9.2.1 on 2024-11-20", "micro:bit v2.1.2"), found in an image's bytes, so Mote
// can say what a file holds whatever its name.
import type { Flavour } from '../../shared/firmware-catalog';

export interface VersionText {
  flavour: Flavour;
  /** "1.24.1", "9.2.1", "2.1.2" (for the micro:bit builds, their own version). */
  version: string;
  /** "2024-11-29" when the text has a build date. */
  date?: string;
  /** How a person would read it: "MicroPython 1.24.1 (2024-11-29)". */
  title: string;
}

const FIRMWARE = /(Adafruit CircuitPython|MicroPython) v?(\d+\.\d+(?:\.\d+)?(?:-[\w.]+)?)(?: on (\d{4}-\d{2}-\d{2}))?/;
const MICROBIT = /micro:bit v(\d+\.\d+\.\d+)/;

/** Finds the version text in an image's bytes read as latin1; null when there is none. */
export function versionText(text: string): VersionText | null {
  const m = FIRMWARE.exec(text);
  if (!m) return null;
  const flavour: Flavour = m[1] === 'MicroPython' ? 'micropython' : 'circuitpython';
  // the micro:bit builds carry MicroPython's core version and their own; people know the latter
  const microbit = flavour === 'micropython' ? MICROBIT.exec(text) : null;
  const version = microbit ? microbit[1] : m[2];
  const name = microbit ? 'MicroPython for micro:bit' : m[1];
  return { flavour, version, ...(m[3] ? { date: m[3] } : {}), title: `${name} ${version}${m[3] ? ` (${m[3]})` : ''}` };
}
