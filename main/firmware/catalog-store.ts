// Which firmware catalogue Mote uses: the one shipped in resources/firmware/catalog.json, or a
// newer one a person fetched with "Check for new firmware" (kept in <data>/cache/firmware/).
// Both are checked against the schema; a damaged refreshed copy falls back to the shipped one.
import { promises as fsp } from 'node:fs';
import { join } from 'node:path';
import * as v from 'valibot';
import { MoteError } from '../../shared/errors';
import { type Catalog, catalogSchema } from '../../shared/firmware-catalog';

/** The refreshed catalogue's name inside <data>/cache/firmware/. */
export const REFRESHED_CATALOG = 'catalog.json';

/** Reads and checks a catalogue file; throws MoteError('invalid-file') saying what is wrong. */
export async function readCatalog(path: string): Promise<Catalog> {
  const raw = await fsp.readFile(path, 'utf8').catch(() => {
    throw new MoteError('not-found', `There is no firmware catalogue at ${path}.`);
  });
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch (e) {
    throw new MoteError('invalid-file', `The firmware catalogue ${path} is not JSON (${(e as Error).message}).`);
  }
  const parsed = v.safeParse(catalogSchema, json);
  if (!parsed.success) {
    const issue = parsed.issues[0];
    throw new MoteError('invalid-file', `The firmware catalogue ${path} is not valid: ${v.getDotPath(issue) ?? 'top level'}: ${issue.message}.`);
  }
  return parsed.output;
}

/** The catalogue to use: the refreshed copy when it is valid and not older, else the shipped one. */
export async function loadCatalog(shipped: string, cacheDir: string): Promise<Catalog> {
  const base = await readCatalog(shipped);
  const refreshed = await readCatalog(join(cacheDir, REFRESHED_CATALOG)).catch(() => null);
  return refreshed && refreshed.updated >= base.updated ? refreshed : base;
}
