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

type Entry = v.InferOutput<typeof indexSchema>['examples'][number];

export class ExampleCatalogue {
  private readonly dirs: string[];

  /**
   * `dirs`: example folders in menu order, each with an index.json (a classroom profile's
   * examplesDir first, then Mote's own kit). A folder that is missing or whose index is broken
   * is skipped; an id already listed by an earlier folder is not listed again.
   */
  constructor(dirs: string | undefined | Array<string | undefined>, private readonly warn: (message: string) => void = () => undefined) {
    this.dirs = (Array.isArray(dirs) ? dirs : [dirs]).filter((d): d is string => typeof d === 'string');
  }

  private async entries(): Promise<Array<{ entry: Entry; dir: string }>> {
    const out: Array<{ entry: Entry; dir: string }> = [];
    for (const dir of this.dirs) {
      let index: v.InferOutput<typeof indexSchema>;
      try {
        index = v.parse(indexSchema, JSON.parse(await fs.readFile(join(dir, 'index.json'), 'utf8')) as unknown);
      } catch (error) {
        this.warn(`examples: skipped ${dir} (${(error as Error).message.split('\n')[0]})`);
        continue;
      }
      for (const entry of index.examples) if (!out.some((o) => o.entry.id === entry.id)) out.push({ entry, dir });
    }
    return out;
  }

  /** The examples in menu order. */
  async list(): Promise<ExampleSummary[]> {
    return (await this.entries()).map((e) => e.entry);
  }

  /** One example's program, wiring and lib/ files. */
  async read(id: string): Promise<ExampleContent> {
    const found = (await this.entries()).find((e) => e.entry.id === id);
    if (!found) throw new MoteError('not-found', `There is no example called ${id}.`);
    const { entry, dir } = found;
    const folder = join(dir, entry.id);
    const text = await fs.readFile(join(folder, entry.main), 'utf8');
    const wiringText = await fs.readFile(join(folder, 'wiring.json'), 'utf8').catch(() => null);
    const wiring: WiringFile = v.parse(wiringFile, wiringText === null ? { version: 1, parts: [] } : JSON.parse(wiringText));
    const libNames = await fs.readdir(join(folder, 'lib')).catch(() => [] as string[]);
    const lib = await Promise.all(libNames.filter((n) => n.endsWith('.py')).sort().map(async (n) => ({ path: `lib/${n}`, text: await fs.readFile(join(folder, 'lib', n), 'utf8') })));
    return { ...entry, text, wiring, lib };
  }
}
