// The UF2 bootloader drive a simulated RP2 board shows after machine.bootloader(), for the board
// CLI's --pty mode: a folder named as the real drive (RPI-RP2, RP2350) with its INFO_UF2.TXT. A
// .uf2 file copied into it "installs" (any file of UF2 blocks; the simulated board keeps its own
// firmware): the drive vanishes and the board starts again, as a Pico does.

import * as fs from 'node:fs';
import * as path from 'node:path';

/** What the drive of each RP2 chip is called and says about itself. */
const DRIVES: Record<string, { name: string; info: string }> = {
  pico: { name: 'RPI-RP2', info: 'UF2 Bootloader v3.0\nModel: Raspberry Pi RP2\nBoard-ID: RPI-RP2\n' },
  pico2: { name: 'RP2350', info: 'UF2 Bootloader v1.0\nModel: Raspberry Pi RP2350\nBoard-ID: RP2350\n' },
};

const UF2_MAGIC_START0 = 0x0a324655;
const UF2_MAGIC_START1 = 0x9e5d5157;
const POLL_MS = 100;

/** Whether a profile has a UF2 bootloader drive to show. */
export function hasBootloaderDrive(profile: string): boolean {
  return profile in DRIVES;
}

export class BootloaderDrive {
  readonly path: string;
  private readonly info: string;
  private timer: ReturnType<typeof setTimeout> | null = null;

  constructor(profile: string, parent: string) {
    const d = DRIVES[profile];
    if (!d) throw new Error(`the ${profile} profile has no UF2 bootloader`);
    this.path = path.join(parent, d.name);
    this.info = d.info;
  }

  /** Shows the drive, and calls `installed` once a UF2 file has been copied onto it. */
  show(installed: () => void): void {
    fs.mkdirSync(this.path, { recursive: true });
    fs.writeFileSync(path.join(this.path, 'INFO_UF2.TXT'), this.info);
    const poll = () => {
      this.timer = null;
      if (this.uf2Arrived()) {
        this.hide();
        installed();
        return;
      }
      this.timer = setTimeout(poll, POLL_MS);
    };
    poll();
  }

  /** Removes the drive (the board restarted, or the simulator stops). */
  hide(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    fs.rmSync(this.path, { recursive: true, force: true });
  }

  /** A whole .uf2 file on the drive: a multiple of 512 bytes, the first block with UF2's magic numbers.
   *  A file still being copied (or anything else) is left alone, as the bootloader ignores non-UF2 blocks. */
  private uf2Arrived(): boolean {
    let names: string[];
    try { names = fs.readdirSync(this.path); } catch { return false; }
    return names.some((n) => {
      if (!n.toLowerCase().endsWith('.uf2')) return false;
      try {
        const b = fs.readFileSync(path.join(this.path, n));
        return b.length >= 512 && b.length % 512 === 0 && b.readUInt32LE(0) === UF2_MAGIC_START0 && b.readUInt32LE(4) === UF2_MAGIC_START1;
      } catch { return false; }
    });
  }
}
