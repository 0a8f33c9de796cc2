// Entry point of the simulated-board worker thread (built to out/vm/worker.js): builds the
// board for the profile in workerData, reports 'ready', then serves the REPL for ever. It never
// returns to the event loop; stdin, Ctrl-C and owner messages arrive through the SAB and
// receiveMessageOnPort (see worker-host.ts).

import { parentPort, workerData } from 'node:worker_threads';
import { SimulatedBoard } from '../board/simulated-board';
import { getProfile } from '../board/profiles/profiles';
import { makeBoardVm, pinInfo } from './board-vm';
import { FolderFs } from './folder-fs';
import { enableLinearRegExpFallback } from './regexp-engine';
import { WorkerHost } from './worker-host';
import type { FromWorker, ToWorker, WorkerInit } from './protocol';

function main(): void {
  const port = parentPort;
  if (!port) throw new Error('worker.ts must run in a worker thread');
  const post = (m: FromWorker) => port.postMessage(m);
  try {
    enableLinearRegExpFallback();
    const init = workerData as WorkerInit;
    const profile = getProfile(init.profile);
    if (!profile) throw new Error(`unknown profile '${init.profile}'`);
    const fs = new FolderFs(init.fsRoot, profile.flashBytes);
    const host = new WorkerHost(init.sab, port, fs, init.bootloader === true);
    const board = new SimulatedBoard(profile, host, fs, makeBoardVm);
    board.onMessage = (raw) => {
      const msg = raw as ToWorker;
      if (msg.type === 'input') board.applyInput(msg.input);
      else if (msg.type === 'fs-changed') {
        fs.invalidateUsage();
        // the owner's folder watcher also sees the board's own writes: those are not host writes
        if (!fs.changedByBoard(msg.path)) board.fileChanged();
      } else if (msg.type === 'drive-presented') board.setDrivePresented(msg.presented);
    };
    post({ type: 'ready', profile: profile.id, pins: pinInfo(profile) });
    host.publishState(board.hal.snapshot());
    board.runLoop();
  } catch (e) {
    post({ type: 'fatal', message: (e as Error)?.stack ?? String(e) });
  }
}

main();
