// The simulated boards Mote offers, by profile id.
import type { BoardProfile } from './profile';
import { pico } from './pico';
import { pico2 } from './pico2';
import { esp32 } from './esp32';
import { circuitpythonRp2040 } from './circuitpython-rp2040';

export const PROFILES: Record<BoardProfile['id'], BoardProfile> = {
  pico,
  pico2,
  esp32,
  'circuitpython-rp2040': circuitpythonRp2040,
};

export function getProfile(id: string): BoardProfile | null {
  return Object.prototype.hasOwnProperty.call(PROFILES, id) ? PROFILES[id as BoardProfile['id']] : null;
}
