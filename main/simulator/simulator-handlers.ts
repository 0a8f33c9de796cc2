import type { IpcRouter } from '../ipc/router';
import type { SimulatorChange, SimulatorStatus } from '../../shared/contracts/simulator';
import type { SimulatorService } from './simulator-service';

/** Keeps the latest value per pin/LED/PWM/strip so a panel that opens late can draw the board. */
function hardwareKey(c: SimulatorChange): string {
  return c.kind === 'part' ? `part:${c.id}` : `${c.kind}:${c.pin}`;
}

export function registerSimulatorHandlers(router: IpcRouter, simulator: SimulatorService): void {
  const latest = new Map<string, SimulatorChange>();
  let status: SimulatorStatus = { state: 'stopped' };
  simulator.onState((changes) => {
    for (const c of changes) latest.set(hardwareKey(c), c);
    router.emit('simulator:hardware-changed', { changes });
  });
  simulator.onStatus((s) => {
    status = s;
    if (s.state !== 'running') latest.clear();
    router.emit('simulator:status-changed', s);
  });
  router.handle('simulator:get-state', () => ({ status, pins: simulator.pins, hardware: [...latest.values()] }));
  router.handle('simulator:send-input', ({ input }) => {
    if (input.kind === 'wiring') {
      // parts no longer wired must not be drawn from their last state
      for (const key of [...latest.keys()]) if (key.startsWith('part:')) latest.delete(key);
    }
    if (input.kind === 'pin') {
      simulator.input({ kind: 'pin', pin: input.pin, level: input.drive === 'low' ? 0 : input.drive === 'high' ? 1 : null });
    } else simulator.input(input);
    return null;
  });
  router.handle('simulator:set-drive-presented', ({ presented }) => {
    simulator.setDrivePresented(presented);
    return null;
  });
  router.handle('simulator:hard-reset', async ({ reason }) => {
    await simulator.hardReset(reason ?? 'reset');
    return null;
  });
}
