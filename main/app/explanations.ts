// Reads the error explanations for a language from resources/locales/<language>/explanations.json
// (falling back to the language without its region, then English). Entries that do not fit the
// schema, or whose pattern is not a valid regular expression, are left out and logged: one bad
// entry in a translation must not take the others with it.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as v from 'valibot';
import { explanationSchema, type Explanation } from '../../shared/contracts/help';
import { MoteError } from '../../shared/errors';

export function loadExplanations(resources: string | null, language: string, warn: (m: string) => void = () => undefined): { language: string; explanations: Explanation[] } {
  if (!resources) throw new MoteError('unavailable', 'Mote cannot find its resources folder, so error explanations are missing. Reinstall Mote.');
  const candidates = [language, language.split('-')[0]!, 'en'];
  for (const lang of [...new Set(candidates)]) {
    let raw: string;
    try {
      raw = readFileSync(join(resources, 'locales', lang, 'explanations.json'), 'utf8');
    } catch {
      continue;
    }
    const list = (JSON.parse(raw) as { explanations?: unknown[] }).explanations ?? [];
    const explanations: Explanation[] = [];
    for (const entry of list) {
      const parsed = v.safeParse(explanationSchema, entry);
      if (!parsed.success) {
        warn(`explanations (${lang}): an entry does not fit the schema: ${parsed.issues[0].message}`);
        continue;
      }
      try {
        new RegExp(parsed.output.match);
      } catch {
        warn(`explanations (${lang}): ${parsed.output.id} has an invalid pattern`);
        continue;
      }
      explanations.push(parsed.output);
    }
    return { language: lang, explanations };
  }
  throw new MoteError('not-found', `No error explanations for ${language} or English in ${resources}.`);
}
