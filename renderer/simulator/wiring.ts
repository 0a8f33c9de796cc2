// The parts wired to the simulated board, one set for the window: sent to the simulator on
// every change (and again after it restarts), and saved as wiring.json beside the program when
// the program is a file on the computer, so the wiring is versioned with it.

import type { PartSpec } from '../../shared/contracts/simulator';
import { api, call } from '../api';
import { parseWiring, wiringPathFor } from './wiring-file';

type Listener = (parts: PartSpec[]) => void;

export class Wiring {
  private current: PartSpec[] = [];
  /** Where wiring.json is saved (a workspace path), or null for an unsaved program. */
  savePath: string | null = null;
  private readonly listeners = new Set<Listener>();

  get parts(): PartSpec[] {
    return this.current;
  }

  onChange(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Replaces the wiring: the simulator gets it, and wiring.json is written when `save` and there is a path. */
  async set(parts: PartSpec[], opts: { save: boolean; savePath?: string | null }): Promise<void> {
    this.current = parts.map((p) => ({ ...p }));
    if (opts.savePath !== undefined) this.savePath = opts.savePath;
    for (const l of this.listeners) l(this.current);
    await this.send();
    if (opts.save && this.savePath) await call('workspace:write-text', { path: this.savePath, text: JSON.stringify({ version: 1, parts: this.current }, null, 2) + '\n' });
  }

  /** Sends the wiring to the simulator (after a restart too); a host without a simulator ignores it. */
  async send(): Promise<void> {
    await api.invoke('simulator:send-input', { input: { kind: 'wiring', parts: this.current } });
  }

  /** Loads the wiring.json beside a program just opened, if it has one. */
  async restoreFor(programPath: string): Promise<void> {
    const path = wiringPathFor(programPath);
    const r = await api.invoke('workspace:read-text', { path });
    if (!r.ok) {
      this.savePath = path;
      return;
    }
    await this.set(parseWiring(r.value), { save: false, savePath: path });
  }
}

/** The window's wiring (one simulated board at a time). */
export const wiring = new Wiring();
