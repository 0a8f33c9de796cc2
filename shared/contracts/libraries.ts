// The libraries domain: finding drivers in micropython-lib's mip index and the CircuitPython
// bundles, and installing them (with their dependencies) into the connected board's /lib.
// Searches use only cached indexes unless `online` is set: Mote goes to the network only when
// a person asks. Handlers live in main/libraries/library-handlers.ts.
import * as v from 'valibot';
import { boundedString, channel, event, localPath, opaqueId } from '../contract-kit';

/** One library as an index or bundle describes it, and whether the connected board has it. */
export interface LibraryInfo {
  name: string;
  version: string;
  description: string;
  /** 'micropython-lib' or the bundle's name ('adafruit-circuitpython-bundle'). */
  source: string;
  /** Bytes of its files, when known before downloading (bundles). */
  size?: number;
  /** The version on the board ('' when it cannot tell), or null when not installed. */
  installed?: string | null;
}

export interface LibrarySearchResult {
  firmware: 'micropython' | 'circuitpython';
  /** Where and what kind of files would be installed: '/lib (.py)', '/lib (.mpy v6)'. */
  target: string;
  libraries: LibraryInfo[];
  /** Why the list is empty or partial (no cached index, offline, no board). */
  problem?: string;
}

/** One library of an install, with what it needs; dependencies come first. */
export interface PlannedLibraryInfo {
  name: string;
  version: string;
  requires: string[];
  files: number;
  bytes: number;
}

export interface LibraryPlanInfo {
  libraries: PlannedLibraryInfo[];
  bytes: number;
  notes: string[];
}

const names = v.pipe(v.array(boundedString(300)), v.minLength(1), v.maxLength(50));
const moduleName = v.pipe(v.string(), v.minLength(1), v.maxLength(100), v.regex(/^[A-Za-z_][\w.-]*$/));

export const librariesChannels = {
  /** Libraries whose name or description contains the text, for the connected board's firmware. */
  'libraries:search': channel(v.strictObject({ text: boundedString(200), online: v.boolean() })).returns<LibrarySearchResult>(),
  /** Resolves and downloads what installing `names` takes; the board is not touched. */
  'libraries:plan': channel(v.strictObject({ names, py: v.boolean() })).returns<LibraryPlanInfo>(),
  /** Installs into the board's /lib: all files or, on failure, none. */
  'libraries:install': channel(v.strictObject({ names, py: v.boolean(), opId: opaqueId })).returns<{ written: number; unchanged: number; bytes: number }>(),
  /** Stops an install; files already written are put back, so the board is as it was. */
  'libraries:cancel': channel(v.strictObject({ opId: opaqueId })).returns<null>(),
  'libraries:remove': channel(v.strictObject({ name: moduleName })).returns<null>(),
  /**
   * Which of these modules some cached index or imported bundle offers (no network); with
   * `checkBoard`, only those the connected board does not already have in / or its lib folder.
   */
  'libraries:find-missing': channel(v.strictObject({ modules: v.pipe(v.array(moduleName), v.maxLength(100)), checkBoard: v.boolean() })).returns<Array<{ module: string; library: string }>>(),
  /** Makes a bundle zip/folder or a copy of the mip index installable offline. */
  'libraries:import': channel(v.strictObject({ localPath })).returns<{ kind: 'bundle' | 'mip-index'; count: number }>(),
};

export const librariesEvents = {
  /** An install's progress: files written of the files to write. */
  'libraries:progress': event<{ opId: string; done: number; total: number; path: string }>(),
};

