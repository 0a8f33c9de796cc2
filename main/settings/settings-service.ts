// User settings in <dataDir>/settings.json. Reads tolerate a missing or corrupt file (the
// defaults win and the corrupt file is kept aside); writes are atomic (temp file + rename).
import { promises as fs } from 'node:fs';
import { join } from 'node:path';
import * as v from 'valibot';
import { DEFAULT_SETTINGS, settingsSchema, type Settings } from '../../shared/contracts/settings';
import { writeFileAtomic } from '../util/atomic-write';

export class SettingsService {
  private current: Settings | null = null;
  private readonly file: string;
  private readonly listeners = new Set<(settings: Settings) => void>();

  constructor(dataDir: string) {
    this.file = join(dataDir, 'settings.json');
  }

  async get(): Promise<Settings> {
    if (!this.current) this.current = await this.load();
    return { ...this.current };
  }

  async update(changes: Partial<Settings>): Promise<Settings> {
    const next = v.parse(settingsSchema, { ...(await this.get()), ...changes });
    await writeFileAtomic(this.file, JSON.stringify(next, null, 2) + '\n');
    this.current = next;
    for (const listener of this.listeners) listener({ ...next });
    return { ...next };
  }

  onChange(listener: (settings: Settings) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private async load(): Promise<Settings> {
    let raw: string;
    try {
      raw = await fs.readFile(this.file, 'utf8');
    } catch {
      return { ...DEFAULT_SETTINGS };
    }
    try {
      // Settings from an older version may lack newer keys: defaults fill them in; unknown keys are dropped.
      const parsed = JSON.parse(raw) as Record<string, unknown>;
      const known = Object.fromEntries(Object.entries(parsed).filter(([key]) => key in DEFAULT_SETTINGS));
      return v.parse(settingsSchema, { ...DEFAULT_SETTINGS, ...known });
    } catch {
      await fs.rename(this.file, `${this.file}.corrupt-${Date.now()}`).catch(() => undefined);
      return { ...DEFAULT_SETTINGS };
    }
  }
}
