// The one place IPC requests are checked and dispatched, shared by the Electron binding and
// the web host: known channel, validated payload, handler result wrapped in IpcResult.
// Handlers may throw MoteError for expected failures; anything else becomes 'internal'.
import * as v from 'valibot';
import { MoteError } from '../../shared/errors';
import { channels, events, hasKnownDomain, isChannelName, type ChannelName, type EventMap, type EventName, type InvokeMap, type IpcResult } from '../../shared/ipc';
import { describeIssues } from './validation';

/** Who sent a request, as far as the binding could establish it. */
export interface SenderContext {
  /** 'electron' for the app's own window, 'web' for an authenticated web host socket. */
  host: 'electron' | 'web';
  /** A per-connection id, so services can tell windows or sockets apart. */
  connectionId: string;
}

export type Handler<K extends ChannelName> = (
  request: InvokeMap[K]['request'],
  sender: SenderContext,
) => Promise<InvokeMap[K]['response']> | InvokeMap[K]['response'];

export type EventSink = <K extends EventName>(event: K, payload: EventMap[K]) => void;

export interface Logger {
  warn(message: string): void;
  error(message: string, error?: unknown): void;
}

/** Routes validated requests to handlers and events to every connected window. */
export class IpcRouter {
  private readonly handlers = new Map<ChannelName, Handler<ChannelName>>();
  private readonly sinks = new Set<EventSink>();
  private readonly closedListeners = new Set<(connectionId: string) => void>();

  constructor(private readonly log: Logger) {}

  /** A window or socket went away for good (closed, crashed, or reloaded into a new connection). */
  connectionClosed(connectionId: string): void {
    for (const l of [...this.closedListeners]) l(connectionId);
  }

  /** Services that keep per-window state (the journal's buffer owners) forget it here. */
  onConnectionClosed(listener: (connectionId: string) => void): () => void {
    this.closedListeners.add(listener);
    return () => this.closedListeners.delete(listener);
  }

  /** Registers the handler of one channel; each channel has exactly one. */
  handle<K extends ChannelName>(channel: K, handler: Handler<K>): void {
    if (this.handlers.has(channel)) throw new Error(`IPC handler for ${channel} registered twice`);
    this.handlers.set(channel, handler as unknown as Handler<ChannelName>);
  }

  /** Channels that have a handler in this host (for bindings that register per channel). */
  registeredChannels(): ChannelName[] {
    return [...this.handlers.keys()];
  }

  /** Checks, validates and runs a request. Never throws. */
  async invoke(channel: unknown, payload: unknown, sender: SenderContext): Promise<IpcResult<unknown>> {
    if (typeof channel !== 'string' || !hasKnownDomain(channel) || !isChannelName(channel)) {
      const shown = typeof channel === 'string' ? channel.slice(0, 80) : typeof channel;
      this.log.warn(`IPC refused unknown channel ${JSON.stringify(shown)} from ${sender.host}`);
      return { ok: false, code: 'unknown-channel', message: `Unknown channel: ${shown}` };
    }
    const handler = this.handlers.get(channel);
    if (!handler) return { ok: false, code: 'unknown-channel', message: `${channel} is not available in this host` };
    const parsed = v.safeParse(channels[channel].request, payload);
    if (!parsed.success) {
      const message = `${channel}: ${describeIssues(parsed.issues)}`;
      this.log.warn(`IPC refused payload: ${message}`);
      return { ok: false, code: 'invalid-payload', message };
    }
    try {
      const value = await handler(parsed.output as never, sender);
      return { ok: true, value: value ?? null };
    } catch (error) {
      if (error instanceof MoteError) return { ok: false, code: error.code, message: error.message };
      this.log.error(`IPC handler ${channel} failed`, error);
      return { ok: false, code: 'internal', message: `Internal error in ${channel}: ${error instanceof Error ? error.message : String(error)}` };
    }
  }

  /** Adds a destination for events (a window, a socket); returns its removal function. */
  addSink(sink: EventSink): () => void {
    this.sinks.add(sink);
    return () => this.sinks.delete(sink);
  }

  /** Sends an event to every destination. A failing destination is logged, not fatal. */
  emit<K extends EventName>(event: K, payload: EventMap[K]): void {
    if (!Object.prototype.hasOwnProperty.call(events, event)) throw new Error(`Unknown event ${event}`);
    for (const sink of this.sinks) {
      try {
        sink(event, payload);
      } catch (error) {
        this.log.error(`event ${event} could not be delivered`, error);
      }
    }
  }
}
