// The classroom profile: read-only defaults a teacher or a school's IT admin places next to
// the app or in the user's data folder as mote-classroom.json. Every field is optional; a
// field that is wrong is dropped (and reported), the others still apply.
import * as v from 'valibot';
import { boundedString } from '../contract-kit';

export const CLASSROOM_FILE = 'mote-classroom.json';

export const classroomProfileSchema = v.strictObject({
  /** Never download anything, even when a person asks: firmware and libraries come from imports. */
  offlineOnly: v.optional(v.boolean()),
  /** A school mirror (http(s) URL or a shared folder) that stands in for the official download sites. */
  mirror: v.optional(boundedString(1024)),
  /** The firmware flavour offered first. */
  flavour: v.optional(v.picklist(['micropython', 'circuitpython'])),
  /** A folder of the class's own examples (absolute path), shown beside Mote's. */
  examplesDir: v.optional(boundedString(1024)),
  /** The workspace folder every student starts in (absolute path; ~ is the user's home). */
  workspaceDir: v.optional(boundedString(1024)),
  /** The interface language (BCP 47, e.g. "es", "pt-BR"). */
  language: v.optional(v.pipe(boundedString(35), v.regex(/^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/))),
  /** Which panels show; a hidden panel is hidden for the whole class. */
  panels: v.optional(
    v.strictObject({
      plotter: v.optional(v.boolean()),
      files: v.optional(v.boolean()),
      board: v.optional(v.boolean()),
      repl: v.optional(v.boolean()),
    }),
  ),
});

export type ClassroomProfile = v.InferOutput<typeof classroomProfileSchema>;

/** The profile in force, where it came from, and what was wrong with it. */
export interface ClassroomInfo {
  profile: ClassroomProfile;
  /** The file it was read from; null when there is none. */
  source: string | null;
  /** Fields that were dropped, with why. */
  problems: string[];
}
