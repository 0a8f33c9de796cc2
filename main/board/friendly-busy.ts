// Whether a board is busy in its friendly REPL with a program Mote did not start: after a
// reset it runs boot.py and main.py (code.py on CircuitPython) by itself until a prompt comes
// back. Mote learns this only from what the board prints, so Stop can be offered meanwhile.
// It does not track runs Mote started (BoardManager knows those).

/** The friendly prompt, or CircuitPython's wait state after code.py ended. */
const IDLE_ENDINGS = ['>>> ', 'Press any key to enter the REPL. Use CTRL-D to reload.\r\n'];
/** MicroPython prints "MPY: soft reboot", CircuitPython "soft reboot"; both then run the start-up files. */
const REBOOT = /soft reboot\r?\n/;

export class FriendlyBusy {
  private busy = false;
  /** The end of the output so far: enough to see a prompt or a reboot line split across chunks. */
  private tail = '';

  constructor(private readonly changed: (busy: boolean) => void) {}

  get isBusy(): boolean {
    return this.busy;
  }

  /** The board is at its prompt for certain (an IDE operation just returned to the friendly REPL). */
  idle(): void {
    this.tail = '';
    this.set(false);
  }

  /** Text the board printed in the friendly REPL. */
  feed(text: string): void {
    this.tail = (this.tail + text).slice(-120);
    const reboot = this.tail.search(REBOOT);
    // only output after the last reboot line says whether the start-up files are still running
    if (reboot >= 0) {
      this.tail = this.tail.slice(reboot).replace(REBOOT, '');
      this.set(true);
    }
    if (this.busy && IDLE_ENDINGS.some((ending) => this.tail.endsWith(ending))) this.set(false);
  }

  private set(busy: boolean): void {
    if (busy === this.busy) return;
    this.busy = busy;
    this.changed(busy);
  }
}
