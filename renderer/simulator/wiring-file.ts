// wiring.json as a file: where it sits beside a program, and reading it with a message that
// says what is wrong (bad JSON, an unknown part type, a pin name that is not one, a repeated id).

import * as v from 'valibot';
import { wiringFile, type PartSpec } from '../../shared/contracts/simulator';

/** wiring.json's path beside a workspace file ('projects/oled/main.py' -> 'projects/oled/wiring.json'). */
export function wiringPathFor(programPath: string): string {
  const slash = programPath.lastIndexOf('/');
  return (slash < 0 ? '' : programPath.slice(0, slash + 1)) + 'wiring.json';
}

/** Parses wiring.json text; throws an Error that says what is wrong. */
export function parseWiring(text: string): PartSpec[] {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new Error('wiring.json is not valid JSON');
  }
  const r = v.safeParse(wiringFile, raw);
  if (!r.success) throw new Error(`wiring.json: ${r.issues[0].message}${r.issues[0].path ? ` at ${r.issues[0].path.map((p) => p.key).join('.')}` : ''}`);
  const ids = new Set<string>();
  for (const p of r.output.parts) {
    if (ids.has(p.id)) throw new Error(`wiring.json: two parts are called ${p.id}`);
    ids.add(p.id);
  }
  return r.output.parts;
}
