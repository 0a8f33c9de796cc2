// The sandboxed preload: exposes `window.moteApi` (invoke + on) built from the contract, and
// nothing else. Unknown channels and events are refused here as well as in main.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { isChannelName, isEventName, type MoteApi } from '../../shared/ipc';

export const moteApi: MoteApi = {
  invoke(channel, request) {
    if (!isChannelName(channel)) return Promise.resolve({ ok: false, code: 'unknown-channel', message: `Unknown channel: ${String(channel)}` });
    return ipcRenderer.invoke(channel, request);
  },
  on(event, listener) {
    if (!isEventName(event)) throw new Error(`Unknown event: ${String(event)}`);
    const wrapped = (_e: IpcRendererEvent, payload: unknown) => listener(payload as never);
    ipcRenderer.on(event, wrapped);
    return () => {
      ipcRenderer.removeListener(event, wrapped);
    };
  },
};

contextBridge.exposeInMainWorld('moteApi', moteApi);
