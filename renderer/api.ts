// The renderer's only door to the world. In Electron the sandboxed preload exposes
// `window.moteApi`; in the web host there is none, so the same two verbs are carried over one
// WebSocket to the loopback server that served this page (the token is in the page's path).
import type { ChannelName, EventMap, EventName, InvokeMap, IpcResult, MoteApi } from '../shared/ipc';

declare global {
  interface Window {
    moteApi?: MoteApi;
  }
}

type ServerMessage =
  | { type: 'result'; id: number; result: IpcResult<unknown> }
  | { type: 'event'; event: EventName; payload: unknown }
  | { type: 'error'; id?: number; message: string };

/** Frames above this are refused by the web host (main/ipc/web-binding.ts MAX_FRAME): fail the call here, clearly. */
const MAX_FRAME_CHARS = 64 * 1024 * 1024;

/** A MoteApi over the web host's WebSocket; calls made before it opens are queued. */
export function createSocketApi(url: string): MoteApi {
  const pending = new Map<number, (result: IpcResult<unknown>) => void>();
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  const queue: string[] = [];
  let nextId = 1;
  let socket: WebSocket;
  let closed = false;

  const connect = () => {
    socket = new WebSocket(url);
    socket.addEventListener('open', () => {
      for (const message of queue.splice(0)) socket.send(message);
    });
    socket.addEventListener('message', (e: MessageEvent<string>) => {
      const message = JSON.parse(e.data) as ServerMessage;
      if (message.type === 'result') {
        pending.get(message.id)?.(message.result);
        pending.delete(message.id);
      } else if (message.type === 'event') {
        for (const listener of listeners.get(message.event) ?? []) listener(message.payload);
      } else if (message.id !== undefined && pending.has(message.id)) {
        pending.get(message.id)?.({ ok: false, code: 'invalid-payload', message: message.message });
        pending.delete(message.id);
      } else {
        console.error(`web host: ${message.message}`);
      }
    });
    socket.addEventListener('close', () => {
      closed = true;
      for (const [id, resolve] of pending) {
        resolve({ ok: false, code: 'internal', message: 'The connection to Mote was lost. Restart Mote (your buffers are kept).' });
        pending.delete(id);
      }
      for (const listener of listeners.get('app:notice') ?? []) {
        listener({ level: 'error', message: 'The connection to Mote was lost.' });
      }
      // with the host gone, so is the board link: nothing may go on saying "Connected" or "Running"
      const lost: EventMap['board:state'] = { connection: 'lost', problem: 'Mote’s background process ended, so the board link is gone. Restart Mote (your buffers are kept).' };
      for (const listener of listeners.get('board:state') ?? []) listener(lost);
    });
  };
  connect();

  return {
    invoke<K extends ChannelName>(channel: K, request: InvokeMap[K]['request']) {
      const id = nextId++;
      const text = JSON.stringify({ type: 'invoke', id, channel, payload: request });
      return new Promise<IpcResult<InvokeMap[K]['response']>>((resolve) => {
        if (closed) {
          resolve({ ok: false, code: 'internal', message: 'The connection to Mote was lost.' });
          return;
        }
        // Sending it would make the host close this page's connection: refuse the one call.
        if (text.length > MAX_FRAME_CHARS) {
          resolve({ ok: false, code: 'invalid-payload', message: `This request is too large to send (${Math.round(text.length / 1048576)} MB).` });
          return;
        }
        pending.set(id, resolve as (result: IpcResult<unknown>) => void);
        if (socket.readyState === WebSocket.OPEN) socket.send(text);
        else queue.push(text);
      });
    },
    on<K extends EventName>(event: K, listener: (payload: EventMap[K]) => void) {
      let set = listeners.get(event);
      if (!set) listeners.set(event, (set = new Set()));
      const wrapped = listener as (payload: unknown) => void;
      set.add(wrapped);
      return () => set.delete(wrapped);
    },
  };
}

function socketUrl(): string {
  // The page lives at http://127.0.0.1:PORT/<token>/index.html; the socket at /<token>/ws.
  const base = location.pathname.replace(/[^/]*$/, '');
  return `ws://${location.host}${base}ws`;
}

/** The API of this window: the preload's in Electron, the WebSocket client in the web host. */
export const api: MoteApi = window.moteApi ?? createSocketApi(socketUrl());

/** Calls a channel and returns its value, or throws an ApiError carrying the ErrorCode. */
export async function call<K extends ChannelName>(channel: K, request: InvokeMap[K]['request']): Promise<InvokeMap[K]['response']> {
  const result = await api.invoke(channel, request);
  if (result.ok) return result.value;
  throw new ApiError(result.code, result.message);
}

/** A failed call, as an exception for code that prefers try/catch. */
export class ApiError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}
