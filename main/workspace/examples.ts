// The example catalogue: resources/examples/kit/index.json lists each example's folder, title
// and flavour; an example is its program, its wiring.json and the driver files of its lib/.
// Read-only: opening an example gives the renderer the texts, and it saves them where the user says.

import { promises as fs } from 'node:fs';
import { join } from 'node:path';
import * as v from 'valibot';
import { wiringFile, type WiringFile } from '../../shared/contracts/simulator';
import type { ExampleContent, ExampleSummary } from '../../shared/contracts/workspace';
import { MoteError } from '../../shared/errors';

const indexSchema = v.object({
  examples: v.array(
    v.object({
      id: v.pipe(v.string(), v.regex(/^[a-z0-9-]{1,40}$/)),
      title: v.string(),
      flavour: v.picklist(['micropython', 'circuitpython']),
      main: v.picklist(['main.py', 'code.py']),
    }),
  ),
});

export class ExampleCatalogue {
  constructor(private readonly dir: string | undefined) {}

  /** The examples in menu order. */
  async list(): Promise<ExampleSummary[]> {
    if (!this.dir) return [];
    const raw = JSON.parse(await fs.readFile(join(this.dir, 'index.json'), 'utf8')) as unknown;
    return v.parse(indexSchema, raw).examples;
  }

  /** One example's program, wiring and lib/ files. */
  async read(id: string): Promise<ExampleContent> {
    const entry = (await this.list()).find((e) => e.id === id);
    if (!entry || !this.dir) throw new MoteError('not-found', `There is no example called ${id}.`);
    const folder = join(this.dir, entry.id);
    const text = await fs.readFile(join(folder, entry.main), 'utf8');
    const wiring: WiringFile = v.parse(wiringFile, JSON.parse(await fs.readFile(join(folder, 'wiring.json'), 'utf8')));
    const libNames = await fs.readdir(join(folder, 'lib')).catch(() => [] as string[]);
    const lib = await Promise.all(libNames.filter((n) => n.endsWith('.py')).sort().map(async (n) => ({ path: `lib/${n}`, text: await fs.readFile(join(folder, 'lib', n), 'utf8') })));
    return { ...entry, text, wiring, lib };
  }
}
