// Keeps one web-host page's WebSocket bounded when the page stops reading (a frozen or
// backgrounded tab during a print flood): board output events are dropped once too much is
// waiting to be sent, counted, and reported to the page as 'board:output-dropped' once it reads
// again; a page that reads nothing at all for long is disconnected instead of growing main's memory.
// Replies and other events are never dropped: they are small and the page needs them.
import type { EventName } from '../../shared/ipc';

/** What the guard needs from a socket ('ws' WebSocket fits). */
export interface BacklogSocket {
  readonly bufferedAmount: number;
  send(text: string): void;
  /** Ends the connection at once. */
  terminate(): void;
}

export interface BacklogLimits {
  /** Above this many unsent bytes, output events are dropped. */
  dropAboveBytes: number;
  /** Above this many unsent bytes (a page that reads nothing), the page is disconnected. */
  closeAboveBytes: number;
  /** How often a page behind is checked for having caught up, in ms. */
  checkMs: number;
}

export const DEFAULT_BACKLOG_LIMITS: BacklogLimits = { dropAboveBytes: 1024 * 1024, closeAboveBytes: 16 * 1024 * 1024, checkMs: 100 };

/** Events that carry board output and may be dropped for a page that is behind. */
const DROPPABLE = new Set<EventName>(['board:run-output', 'board:terminal-data']);

export class SocketBacklog {
  private droppedLines = 0;
  private droppedBytes = 0;
  private timer: ReturnType<typeof setInterval> | null = null;
  closed = false;
  /** Events dropped for this page so far (tests and figures). */
  droppedEvents = 0;

  constructor(
    private readonly socket: BacklogSocket,
    private readonly limits: BacklogLimits = DEFAULT_BACKLOG_LIMITS,
    private readonly onClose: (reason: string) => void = () => undefined,
  ) {}

  /** Sends an event, or drops it when it is board output and the page is behind. */
  sendEvent(event: EventName, payload: unknown): void {
    if (this.closed) return;
    const backlog = this.socket.bufferedAmount;
    if (backlog > this.limits.closeAboveBytes) {
      this.close(`the page read nothing while ${backlog} bytes waited for it`);
      return;
    }
    if (backlog > this.limits.dropAboveBytes && DROPPABLE.has(event)) {
      this.drop(payload);
      return;
    }
    this.socket.send(JSON.stringify({ type: 'event', event, payload }));
  }

  /** Stops the catch-up check (the socket closed). */
  dispose(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  private drop(payload: unknown): void {
    const text = (payload as { text?: string; data?: string }).text ?? (payload as { data?: string }).data ?? '';
    this.droppedEvents++;
    this.droppedBytes += Buffer.byteLength(text);
    for (let at = text.indexOf('\n'); at >= 0; at = text.indexOf('\n', at + 1)) this.droppedLines++;
    this.timer ??= setInterval(() => this.catchUp(), this.limits.checkMs);
  }

  /** Once the page has read its backlog, tells it how much output it missed. */
  private catchUp(): void {
    if (this.closed || this.socket.bufferedAmount > this.limits.dropAboveBytes) return;
    this.dispose();
    const lines = this.droppedLines;
    const bytes = this.droppedBytes;
    this.droppedLines = 0;
    this.droppedBytes = 0;
    this.socket.send(JSON.stringify({ type: 'event', event: 'board:output-dropped', payload: { runId: null, lines, bytes } }));
  }

  private close(reason: string): void {
    this.closed = true;
    this.dispose();
    this.onClose(reason);
    this.socket.terminate();
  }
}
