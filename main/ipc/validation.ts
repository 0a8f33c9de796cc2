// Turns valibot issues into one short sentence naming the field, for 'invalid-payload' errors.
import * as v from 'valibot';

/** Describes the first few validation issues as `field: problem; field: problem`. */
export function describeIssues(issues: readonly v.BaseIssue<unknown>[]): string {
  return issues
    .slice(0, 3)
    // valibot's messages quote the value received: a 12 MB value must not come back whole.
    .map((issue) => `${v.getDotPath(issue) ?? '(payload)'}: ${shorten(issue.message)}`)
    .join('; ');
}

function shorten(text: string, max = 200): string {
  return text.length > max ? `${text.slice(0, max)}… (${text.length - max} more characters)` : text;
}
