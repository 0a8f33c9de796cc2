// The help domain: explanations of the errors beginners meet, as data per language
// (resources/locales/<language>/explanations.json), so translating them is adding a file.
import * as v from 'valibot';
import { boundedString, channel } from '../contract-kit';

export const explanationSchema = v.strictObject({
  id: boundedString(60),
  /** The exception's type, e.g. NameError. */
  error: boundedString(60),
  /** A regular expression on the exception's message; named groups fill {placeholders}. */
  match: boundedString(400),
  firmware: v.optional(v.picklist(['micropython', 'circuitpython'])),
  title: boundedString(300),
  explain: boundedString(2000),
  /** A one-click fix: 'import' puts `line` at the top of the program. */
  fix: v.optional(v.strictObject({ kind: v.literal('import'), line: boundedString(200) })),
});
export type Explanation = v.InferOutput<typeof explanationSchema>;

export const helpChannels = {
  /** The explanations in `language` (BCP 47), falling back to English, in match order. */
  'help:get-explanations': channel(v.strictObject({ language: v.pipe(boundedString(35), v.regex(/^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/)) })).returns<{ language: string; explanations: Explanation[] }>(),
};

export const helpEvents = {};
