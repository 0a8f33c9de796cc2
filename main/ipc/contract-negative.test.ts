// Negative tests generated from the contract: for every channel, malformed payloads (wrong
// types, extra fields, oversized strings, path traversal in path fields) must come back as
// 'invalid-payload' without reaching the handler, and never crash the router.
import * as v from 'valibot';
import { describe, expect, test } from 'vitest';
import { MAX_PATH, MAX_STRING, MAX_TEXT, type FieldKind } from '../../shared/contract-kit';
import { channels, type ChannelName } from '../../shared/ipc';
import { IpcRouter } from './router';

type AnySchema = v.GenericSchema & { type: string; entries?: Record<string, AnySchema>; wrapped?: AnySchema; pipe?: Array<{ type: string; requirement?: unknown; metadata?: { kind?: FieldKind } }>; options?: AnySchema[] };

const quietLog = { warn: () => undefined, error: () => undefined };
const sender = { host: 'web' as const, connectionId: 'test' };

/** A valid value for a schema, so mutations change exactly one thing. */
function sample(schema: AnySchema): unknown {
  const s = schema.type === 'optional' ? schema.wrapped! : schema;
  const kind = s.pipe?.find((p) => p.type === 'metadata')?.metadata?.kind;
  switch (s.type) {
    case 'string':
      if (kind === 'board-path') return '/main.py';
      if (kind === 'local-path') return 'main.py';
      {
        // A string with a pattern: the first of a few plain candidates that fits it.
        const pattern = s.pipe?.find((p) => p.type === 'regex')?.requirement as RegExp | undefined;
        return pattern ? (['abc-1', 'abc-1.csv', 'en'].find((c) => pattern.test(c)) ?? 'abc-1') : 'x';
      }
    case 'number':
      return s.pipe?.find((p) => p.type === 'min_value')?.requirement ?? 1;
    case 'boolean':
      return true;
    case 'picklist':
      return (s as unknown as { options: string[] }).options[0];
    case 'literal':
      return (s as unknown as { literal: unknown }).literal;
    case 'strict_object':
    case 'object':
      return Object.fromEntries(Object.entries(s.entries!).map(([k, e]) => [k, sample(e)]));
    case 'variant':
      return sample(s.options![0]!);
    case 'array':
      return [sample((s as unknown as { item: AnySchema }).item)];
    default:
      return undefined;
  }
}

/** [description, payload] pairs that must all be refused. */
function mutations(schema: AnySchema): Array<[string, unknown]> {
  const valid = sample(schema) as Record<string, unknown>;
  const out: Array<[string, unknown]> = [
    ['null payload', null],
    ['number payload', 42],
    ['string payload', 'hello'],
    ['array payload', [valid]],
    ['extra field', { ...valid, unexpected: 1 }],
  ];
  const walk = (entries: Record<string, AnySchema>, prefix: Record<string, unknown>, set: (value: Record<string, unknown>) => unknown) => {
    for (const [key, field] of Object.entries(entries)) {
      const inner = field.type === 'optional' ? field.wrapped! : field;
      const kind = inner.pipe?.find((p) => p.type === 'metadata')?.metadata?.kind;
      if (field.type !== 'optional') {
        const { [key]: _dropped, ...rest } = prefix;
        out.push([`missing ${key}`, set(rest)]);
      }
      out.push([`${key} of wrong type`, set({ ...prefix, [key]: inner.type === 'string' ? 12345 : 'wrong' })]);
      out.push([`${key} as object`, set({ ...prefix, [key]: { toString: 'x' } })]);
      if (inner.type === 'string') {
        const max = (inner.pipe?.find((p) => p.type === 'max_length')?.requirement as number | undefined) ?? MAX_TEXT;
        if (max <= MAX_TEXT) out.push([`${key} oversized`, set({ ...prefix, [key]: (kind === 'board-path' ? '/' : '') + 'a'.repeat(max + 1) })]);
      }
      if (kind === 'board-path') {
        out.push([`${key} with traversal`, set({ ...prefix, [key]: '/../../etc/passwd' })]);
        out.push([`${key} relative`, set({ ...prefix, [key]: 'main.py' })]);
        out.push([`${key} with NUL`, set({ ...prefix, [key]: '/main.py\0.txt' })]);
      }
      if (kind === 'local-path') out.push([`${key} with NUL`, set({ ...prefix, [key]: 'a\0b' })]);
      if (inner.type === 'strict_object' && prefix[key] && typeof prefix[key] === 'object') {
        walk(inner.entries!, prefix[key] as Record<string, unknown>, (value) => set({ ...prefix, [key]: value }));
      }
    }
  };
  walk(schema.entries!, valid, (value) => value);
  return out;
}

describe('every channel refuses malformed payloads', () => {
  for (const name of Object.keys(channels) as ChannelName[]) {
    const schema = channels[name].request as unknown as AnySchema;
    test(`${name}`, async () => {
      const router = new IpcRouter(quietLog);
      let reached = 0;
      router.handle(name, () => {
        reached++;
        return null as never;
      });
      // The sample payload itself must be accepted, or the mutations prove nothing.
      const ok = await router.invoke(name, sample(schema), sender);
      expect(ok, `sample payload for ${name}`).toMatchObject({ ok: true });
      for (const [what, payload] of mutations(schema)) {
        const result = await router.invoke(name, payload, sender);
        expect(result, `${name}: ${what}`).toMatchObject({ ok: false, code: 'invalid-payload' });
        if (!result.ok) expect(result.message.length).toBeGreaterThan(name.length);
      }
      expect(reached).toBe(1);
    });
  }
});

test('the bounds the generator relies on are real', () => {
  expect(MAX_STRING).toBeLessThan(MAX_TEXT);
  expect(MAX_PATH).toBeLessThan(MAX_STRING);
});
