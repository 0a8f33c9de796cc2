// Turns valibot issues into one short sentence naming the field, for 'invalid-payload' errors.
import * as v from 'valibot';

/** Describes the first few validation issues as `field: problem; field: problem`. */
export function describeIssues(issues: readonly v.BaseIssue<unknown>[]): string {
  return issues
    .slice(0, 3)
    .map((issue) => `${v.getDotPath(issue) ?? '(payload)'}: ${issue.message}`)
    .join('; ');
}
