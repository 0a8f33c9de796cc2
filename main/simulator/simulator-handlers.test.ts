import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { IpcRouter } from '../ipc/router';
import { SimulatorService } from './simulator-service';
import { registerSimulatorHandlers } from './simulator-handlers';
import { buildBoardWorker } from '../testing/build-board-worker';

let workerFile = '';
beforeAll(async () => {
  workerFile = (await buildBoardWorker()).worker;
}, 60_000);

const log = { info: () => undefined, warn: () => undefined, error: () => undefined };
const sender = { host: 'web' as const };
let svc: SimulatorService | null = null;
afterEach(async () => {
  await svc?.stop();
});

describe('simulator IPC handlers', () => {
  it('report state, take inputs and forward hardware events', async () => {
    const router = new IpcRouter(log as never);
    const events: [string, unknown][] = [];
    router.addSink((e, p) => events.push([e, p]));
    svc = new SimulatorService({ dataDir: fs.mkdtempSync(path.join(os.tmpdir(), 'mote-simh-')), workerFile });
    registerSimulatorHandlers(router, svc);
    const t = await svc.open('pico');
    let out = '';
    t.onData((d) => (out += Buffer.from(d).toString()));
    const st = await router.invoke('simulator:get-state', {}, sender as never);
    expect(st).toMatchObject({ ok: true, value: { status: { state: 'running', profile: 'pico' } } });
    expect((st as { value: { pins: { name: string }[] } }).value.pins.some((p) => p.name === 'GP26')).toBe(true);
    expect(await router.invoke('simulator:send-input', { input: { kind: 'adc', pin: 'GP26', volts: 3.3 } }, sender as never)).toEqual({ ok: true, value: null });
    expect((await router.invoke('simulator:send-input', { input: { kind: 'adc', pin: 'GP26', volts: 9 } }, sender as never)).ok).toBe(false);
    await t.write(Buffer.from('from machine import ADC, Pin\rADC(26).read_u16()\rPin("LED", Pin.OUT).on()\r'));
    const t0 = Date.now();
    while (!out.includes('65535\r\n') || !events.some(([e, p]) => e === 'simulator:hardware-changed' && JSON.stringify(p).includes('"led"'))) {
      if (Date.now() - t0 > 3000) throw new Error(JSON.stringify(out) + JSON.stringify(events));
      await new Promise((r) => setTimeout(r, 10));
    }
    const after = (await router.invoke('simulator:get-state', {}, sender as never)) as { value: { hardware: unknown[] } };
    expect(after.value.hardware).toContainEqual({ kind: 'led', pin: 'LED', on: true });
    expect(events.some(([e, p]) => e === 'simulator:status-changed' && (p as { state: string }).state === 'running')).toBe(true);
  });
});
