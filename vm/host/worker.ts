// Entry point of the simulated-board worker thread (built to out/vm/worker.js).
// Placeholder until the board runtime lands: it reports that it cannot run a board yet.
import { parentPort } from 'node:worker_threads';

parentPort?.postMessage({ type: 'fatal', message: 'simulated board not available in this build yet' });
