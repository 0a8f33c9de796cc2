// What a press of Stop means while the same run goes on. The first sends Ctrl-C (repeated every
// second by the raw REPL client). A program that catches KeyboardInterrupt in a loop survives
// that, so a second press, once the board has had time to obey the first, offers a hard reset,
// and a third does it. Presses closer together than `graceMs` (a double click) count once.

export type StopStep = 'interrupt' | 'offer-reset' | 'reset';

export class StopEscalation {
  private runId: string | null = null;
  private presses = 0;
  private lastCounted = 0;

  constructor(
    private readonly graceMs = 500,
    private readonly now: () => number = () => performance.now(),
  ) {}

  /** A press of Stop during run `runId`: what to do now. */
  press(runId: string): StopStep {
    const t = this.now();
    if (runId !== this.runId) {
      this.runId = runId;
      this.presses = 0;
    }
    if (this.presses === 0 || t - this.lastCounted >= this.graceMs) {
      this.presses++;
      this.lastCounted = t;
    }
    if (this.presses <= 1) return 'interrupt';
    return this.presses === 2 ? 'offer-reset' : 'reset';
  }
}
