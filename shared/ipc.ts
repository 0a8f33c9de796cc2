// The IPC contract: every channel and event of every domain, merged from shared/contracts/.
// Both sides are typed from here; main validates each request against `channels[name].request`.
// Adding a domain = one contract file + one line in each of the two maps below.
import type * as v from 'valibot';
import type { ChannelDef, EventDef, RequestSchema } from './contract-kit';
import type { ErrorCode } from './errors';
import { appChannels, appEvents } from './contracts/app';
import { boardChannels, boardEvents } from './contracts/board';
import { boardFsChannels, boardFsEvents } from './contracts/board-fs';
import { drivesChannels, drivesEvents } from './contracts/drives';
import { firmwareChannels, firmwareEvents } from './contracts/firmware';
import { helpChannels, helpEvents } from './contracts/help';
import { librariesChannels, librariesEvents } from './contracts/libraries';
import { plotChannels, plotEvents } from './contracts/plot';
import { serialChannels, serialEvents } from './contracts/serial';
import { settingsChannels, settingsEvents } from './contracts/settings';
import { simulatorChannels, simulatorEvents } from './contracts/simulator';
import { workspaceChannels, workspaceEvents } from './contracts/workspace';

/** Every request/response channel, by name (`domain:verb-noun`). */
export const channels = {
  ...appChannels,
  ...settingsChannels,
  ...serialChannels,
  ...boardChannels,
  ...boardFsChannels,
  ...drivesChannels,
  ...firmwareChannels,
  ...librariesChannels,
  ...workspaceChannels,
  ...simulatorChannels,
  ...plotChannels,
  ...helpChannels,
};

/** Every event main sends to the renderer, by name. */
export const events = {
  ...appEvents,
  ...settingsEvents,
  ...serialEvents,
  ...boardEvents,
  ...boardFsEvents,
  ...drivesEvents,
  ...firmwareEvents,
  ...librariesEvents,
  ...workspaceEvents,
  ...simulatorEvents,
  ...plotEvents,
  ...helpEvents,
};

export type ChannelName = keyof typeof channels;
export type EventName = keyof typeof events;

type RequestOf<D> = D extends ChannelDef<infer Req extends RequestSchema, unknown> ? v.InferInput<Req> : never;
type ResponseOf<D> = D extends ChannelDef<RequestSchema, infer Res> ? Res : never;
type PayloadOf<D> = D extends EventDef<infer P> ? P : never;

/** Request and response type of each channel. */
export type InvokeMap = { [K in ChannelName]: { request: RequestOf<(typeof channels)[K]>; response: ResponseOf<(typeof channels)[K]> } };
/** Payload type of each event. */
export type EventMap = { [K in EventName]: PayloadOf<(typeof events)[K]> };

/** What every call returns: handlers never throw across IPC. */
export type IpcResult<T> = { ok: true; value: T } | { ok: false; code: ErrorCode; message: string };

/** The domains a channel or event name may start with; anything else is refused before lookup. */
export const DOMAINS = ['app', 'settings', 'serial', 'board', 'board-fs', 'drives', 'firmware', 'libraries', 'workspace', 'simulator', 'plot', 'help'] as const;

/** Whether `name` is a channel of the contract (and so may be invoked). */
export function isChannelName(name: unknown): name is ChannelName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(channels, name);
}

/** Whether `name` is an event of the contract. */
export function isEventName(name: unknown): name is EventName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(events, name);
}

/** Whether `name` has the `domain:verb-noun` shape with a known domain. */
export function hasKnownDomain(name: string): boolean {
  const colon = name.indexOf(':');
  return colon > 0 && (DOMAINS as readonly string[]).includes(name.slice(0, colon)) && /^[a-z-]+$/.test(name.slice(colon + 1));
}

/**
 * The API the renderer sees as `window.moteApi` (Electron preload) or builds over a WebSocket
 * (web host): two verbs, `invoke` and `on`.
 */
export interface MoteApi {
  invoke<K extends ChannelName>(channel: K, request: InvokeMap[K]['request']): Promise<IpcResult<InvokeMap[K]['response']>>;
  /** Subscribes to an event; returns the unsubscribe function. */
  on<K extends EventName>(event: K, listener: (payload: EventMap[K]) => void): () => void;
}
