// User settings in <dataDir>/settings.json. Reads tolerate a missing or corrupt file: each
// setting is checked on its own, so one bad value costs that setting only (its default wins,
// the log says which); an unreadable file is kept aside. Writes are atomic (temp file + rename).
import { promises as fs } from 'node:fs';
import { join } from 'node:path';
import * as v from 'valibot';
import { DEFAULT_SETTINGS, settingsSchema, type Settings } from '../../shared/contracts/settings';
import { writeFileAtomic } from '../util/atomic-write';

export class SettingsService {
  private current: Settings | null = null;
  private readonly file: string;
  private readonly listeners = new Set<(settings: Settings) => void>();

  /** Settings dropped at the last load, with why (for the log and tests). */
  dropped: string[] = [];

  constructor(
    dataDir: string,
    private readonly log?: { warn(message: string): void },
  ) {
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
    let parsed: unknown;
    try {
      parsed = JSON.parse(raw);
    } catch {
      parsed = undefined;
    }
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
      await fs.rename(this.file, `${this.file}.corrupt-${Date.now()}`).catch(() => undefined);
      this.log?.warn(`settings: ${this.file} was not a JSON object; kept aside, defaults used`);
      return { ...DEFAULT_SETTINGS };
    }
    return this.keepValid(parsed as Record<string, unknown>);
  }

  /**
   * Settings from an older version may lack newer keys (defaults fill them in); unknown keys
   * (including '__proto__' and 'constructor', which are never settings) are dropped; a value
   * out of range drops that one setting.
   */
  private keepValid(parsed: Record<string, unknown>): Settings {
    const result: Record<string, unknown> = { ...DEFAULT_SETTINGS };
    this.dropped = [];
    for (const key of Object.keys(parsed)) {
      if (!Object.hasOwn(DEFAULT_SETTINGS, key)) {
        this.dropped.push(`${JSON.stringify(key).slice(0, 60)} (not a setting)`);
        continue;
      }
      const check = v.safeParse(settingsSchema.entries[key as keyof Settings], parsed[key]);
      if (check.success) result[key] = check.output;
      else this.dropped.push(`${key} (${check.issues[0].message.slice(0, 120)})`);
    }
    if (this.dropped.length) this.log?.warn(`settings: dropped ${this.dropped.join('; ')}; the other settings are kept`);
    return v.parse(settingsSchema, result);
  }
}
