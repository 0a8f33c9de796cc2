// The serial ends of the one-click flow for boards with a UF2 bootloader: restart a running
// MicroPython or CircuitPython board into its bootloader over the REPL and wait for its drive,
// and after the install wait for the port to come back and read the new banner's version.
import { existsSync } from 'node:fs';
import { MoteError } from '../../shared/errors';
import { delay } from '../board/board-stream';
import { BoardSession, type BoardIdentity } from '../board/board-session';
import { SerialService } from '../serial/serial-service';

/** Asks the board on `port` to restart into its bootloader (machine.bootloader() / RunMode.UF2). */
export async function restartIntoBootloader(port: string): Promise<BoardIdentity> {
  const transport = await new SerialService().open(port);
  let session: BoardSession;
  try {
    session = await BoardSession.connect(transport);
  } catch (e) {
    await transport.close().catch(() => undefined);
    throw e;
  }
  const identity = { ...session.identity };
  await session.enterBootloader();
  await session.close().catch(() => undefined);
  return identity;
}

/** Polls `find` until it returns something or `timeoutMs` passes (then null). */
export async function waitFor<T>(find: () => Promise<T | null>, timeoutMs: number, pollMs = 200): Promise<T | null> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = await find().catch(() => null);
    if (found) return found;
    if (Date.now() >= deadline) return null;
    await delay(pollMs);
  }
}

/** Waits for the board's port to come back after the install and reads who answers there. */
export async function identifyWhenBack(port: string, timeoutMs = 20_000): Promise<BoardIdentity> {
  const identity = await waitFor(async () => {
    if (!existsSync(port)) return null;
    const transport = await new SerialService().open(port);
    const session = await BoardSession.connect(transport).catch(async (e: unknown) => {
      await transport.close().catch(() => undefined);
      throw e;
    });
    const who = { ...session.identity };
    await session.close().catch(() => undefined);
    return who;
  }, timeoutMs, 300);
  if (!identity) throw new MoteError('board-timeout', `The board did not come back on ${port} within ${Math.round(timeoutMs / 1000)} s. Unplug it and plug it in again.`);
  return identity;
}
