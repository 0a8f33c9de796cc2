// Finds and reads the classroom profile (shared/contracts/classroom.ts): the first
// mote-classroom.json in the folders given, in order (next to the app, then the user's data
// folder). Mote only reads it. A broken file never stops Mote: each field is checked on its
// own, and what was dropped is reported.
import { readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { isAbsolute, join } from 'node:path';
import * as v from 'valibot';
import { CLASSROOM_FILE, classroomProfileSchema, type ClassroomInfo, type ClassroomProfile } from '../../shared/contracts/classroom';

const NONE: ClassroomInfo = { profile: {}, source: null, problems: [] };

export function loadClassroomProfile(folders: string[]): ClassroomInfo {
  for (const folder of folders) {
    const file = join(folder, CLASSROOM_FILE);
    let raw: string;
    try {
      raw = readFileSync(file, 'utf8');
    } catch {
      continue;
    }
    return { ...readProfile(raw), source: file };
  }
  return NONE;
}

function readProfile(raw: string): Omit<ClassroomInfo, 'source'> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw.replace(/^\uFEFF/, '')); // Notepad's byte-order mark
  } catch (error) {
    return { profile: {}, problems: [`it is not valid JSON (${(error as Error).message})`] };
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return { profile: {}, problems: ['it is not a JSON object'] };
  const profile: Record<string, unknown> = {};
  const problems: string[] = [];
  const entries = classroomProfileSchema.entries as Record<string, v.GenericSchema>;
  for (const [key, value] of Object.entries(parsed)) {
    if (!Object.hasOwn(entries, key)) {
      problems.push(`"${key.slice(0, 40)}" is not a profile setting`);
      continue;
    }
    const check = v.safeParse(entries[key]!, value);
    if (!check.success) {
      problems.push(`${key}: ${check.issues[0].message.slice(0, 120)}`);
      continue;
    }
    profile[key] = check.output;
  }
  for (const key of ['workspaceDir', 'examplesDir'] as const) {
    const dir = profile[key] as string | undefined;
    if (dir === undefined) continue;
    const expanded = dir === '~' || dir.startsWith('~/') ? join(homedir(), dir.slice(1)) : dir;
    if (isAbsolute(expanded)) profile[key] = expanded;
    else {
      delete profile[key];
      problems.push(`${key}: "${dir.slice(0, 80)}" is not an absolute path`);
    }
  }
  return { profile: profile as ClassroomProfile, problems };
}
