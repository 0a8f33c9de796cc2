import { describe, expect, it, vi } from 'vitest';
import type { EventMap, EventName, IpcResult, MoteApi } from '../../shared/ipc';
import { BoardLink } from './board-link';
import { Store } from './store';

/** An in-memory MoteApi: channels answered by `handlers`, events pushed with `emit`. */
function fakeApi(handlers: Record<string, (req: unknown) => unknown>) {
  const listeners = new Map<string, Set<(p: unknown) => void>>();
  const calls: Array<[string, unknown]> = [];
  const api: MoteApi & { emit<K extends EventName>(e: K, p: EventMap[K]): void; calls: typeof calls } = {
    calls,
    async invoke(channel, request) {
      calls.push([channel, request]);
      const handler = handlers[channel];
      if (!handler) return { ok: false, code: 'unknown-channel', message: `${channel} is not available` } as IpcResult<never>;
      try {
        return { ok: true, value: (await handler(request)) as never };
      } catch (e) {
        return { ok: false, code: (e as { code?: string }).code ?? 'internal', message: (e as Error).message } as IpcResult<never>;
      }
    },
    on(event, listener) {
      let set = listeners.get(event);
      if (!set) listeners.set(event, (set = new Set()));
      set.add(listener as (p: unknown) => void);
      return () => set.delete(listener as (p: unknown) => void);
    },
    emit(event, payload) {
      for (const l of listeners.get(event) ?? []) l(payload);
    },
  };
  return api;
}

function setup(handlers: Record<string, (req: unknown) => unknown>) {
  const api = fakeApi(handlers);
  const store = new Store();
  const notices: string[] = [];
  const actions: Array<{ label: string; run: () => void }> = [];
  const failed: Array<[string, number]> = [];
  const ended: string[] = [];
  const pending: Array<() => void> = [];
  const link = new BoardLink(
    api,
    store,
    { show: (m, _level, offered = []) => (notices.push(m), actions.push(...offered)) },
    {
      failedAt: (file, line) => failed.push([file, line]),
      ended: (status) => ended.push(status),
      note: () => undefined,
    },
    { set: (fn) => pending.push(fn) },
  );
  /** Fires the timers set so far (one round). */
  const tick = () => pending.splice(0).forEach((fn) => fn());
  return { api, store, notices, actions, failed, ended, link, tick };
}

const simInfo = { target: { kind: 'simulated' as const, profile: 'pico' }, name: 'Raspberry Pi Pico (simulated)', flavour: 'micropython' as const, version: '1.24.1' };

describe('BoardLink', () => {
  it('says there is no board link when board:* channels are unknown, and refuses to run', async () => {
    const { store, link, notices } = setup({});
    await link.start('auto');
    expect(store.state.linkAvailable).toBe(false);
    await link.run('print(1)', 'untitled.py');
    expect(notices[0]).toMatch(/No board link yet/);
    expect(store.state.runId).toBeNull();
  });

  it('auto-connects a known plugged-in board before a simulated one', async () => {
    const { api, link, store } = setup({
      'board:get-state': () => ({ connection: store.state.board.connection === 'connecting' ? 'connected' : 'disconnected', info: simInfo }),
      'serial:list-ports': () => [{ path: '/dev/ttyACM0', friendlyName: 'Pico', flavourHint: 'micropython', isKnownBoard: true }],
      'board:list-simulated': () => [{ id: 'pico', name: 'Pico', flavour: 'micropython' }],
      'board:connect': () => simInfo,
    });
    await link.start('auto');
    expect(api.calls.find(([c]) => c === 'board:connect')?.[1]).toEqual({ target: { kind: 'serial', path: '/dev/ttyACM0' } });
  });

  it('falls back to the first simulated profile and does not overwrite lastBoard', async () => {
    const { api, link, store } = setup({
      'board:get-state': () => (api.calls.some(([c]) => c === 'board:connect') ? { connection: 'connected', info: simInfo } : { connection: 'disconnected' }),
      'serial:list-ports': () => [],
      'board:list-simulated': () => [{ id: 'pico', name: 'Pico', flavour: 'micropython' }],
      'board:connect': () => simInfo,
    });
    await link.start('auto');
    expect(api.calls.find(([c]) => c === 'board:connect')?.[1]).toEqual({ target: { kind: 'simulated', profile: 'pico' } });
    expect(store.state.board.connection).toBe('connected');
    expect(api.calls.some(([c]) => c === 'settings:update')).toBe(false);
  });

  it('tracks a run to its end and points at the failing line of a traceback', async () => {
    const { api, link, store, failed, ended } = setup({ 'board:run': () => ({ runId: 'r1' }) });
    store.update({ linkAvailable: true, board: { connection: 'connected', info: simInfo } });
    await link.run('x = 1\nprint(x / 0)\n', 'untitled.py');
    expect(store.state.runId).toBe('r1');
    api.emit('board:run-output', { runId: 'r1', stream: 'stderr', text: 'Traceback (most recent call last):\r\n  File "<stdin>", line 2, in <module>\r\nZeroDivisionError: divide by zero\r\n' });
    api.emit('board:run-ended', { runId: 'r1', status: 'error', message: 'ZeroDivisionError: divide by zero' });
    expect(store.state.runId).toBeNull();
    expect(failed).toEqual([['<stdin>', 2]]);
    expect(ended).toEqual(['error']);
  });

  it('handles a run that ends before board:run resolves', async () => {
    let resolveRun: (v: { runId: string }) => void = () => undefined;
    const { api, link, store, ended } = setup({ 'board:run': () => new Promise((r) => (resolveRun = r)) });
    store.update({ linkAvailable: true, board: { connection: 'connected', info: simInfo } });
    const running = link.run('print(1)', 'untitled.py');
    await Promise.resolve();
    expect(store.state.runId).toBe('starting');
    api.emit('board:run-ended', { runId: 'r2', status: 'ok' });
    resolveRun({ runId: 'r2' });
    await running;
    expect(store.state.runId).toBeNull();
    expect(ended).toEqual(['ok']);
  });

  it('explains a busy board instead of failing silently', async () => {
    const { link, store, notices } = setup({
      'board:run': () => {
        throw Object.assign(new Error('busy'), { code: 'board-busy' });
      },
    });
    store.update({ linkAvailable: true, board: { connection: 'connected', info: simInfo } });
    await link.run('print(1)', 'a.py');
    expect(notices).toEqual(['The board is busy; try again in a moment.']);
    expect(store.state.runId).toBeNull();
  });

  it('delivers a Stop pressed before board:run answered once the run exists', async () => {
    let resolveRun: (v: { runId: string }) => void = () => undefined;
    const { api, link, store } = setup({ 'board:run': () => new Promise((r) => (resolveRun = r)), 'board:stop': () => null });
    store.update({ linkAvailable: true, board: { connection: 'connected', info: simInfo } });
    const running = link.run('while True: pass', 'a.py');
    await Promise.resolve();
    await link.stop();
    expect(api.calls.some(([c]) => c === 'board:stop')).toBe(false);
    resolveRun({ runId: 'r3' });
    await running;
    expect(api.calls.filter(([c]) => c === 'board:stop')).toHaveLength(1);
  });

  it('sends one board:stop per press, however long the run goes on (main repeats the Ctrl-C and counts presses)', async () => {
    const { api, link, store, tick } = setup({ 'board:run': () => ({ runId: 'r4' }), 'board:stop': () => null });
    store.update({ linkAvailable: true, board: { connection: 'connected', info: simInfo } });
    await link.run('while True: pass', 'a.py');
    await link.stop();
    const stops = () => api.calls.filter(([c]) => c === 'board:stop').length;
    expect(stops()).toBe(1);
    tick();
    tick();
    expect(stops()).toBe(1);
    await link.stop();
    expect(stops()).toBe(2);
  });

  it('asks a silent board for its banner after connecting, but not a board that spoke', async () => {
    const handlers = {
      'board:connect': () => simInfo,
      'board:get-state': () => ({ connection: 'connected', info: simInfo }),
      'board:terminal-write': () => null,
      'settings:update': () => ({}),
    };
    const silent = setup(handlers);
    await silent.link.connect(simInfo.target);
    silent.tick();
    expect(silent.api.calls.filter(([c]) => c === 'board:terminal-write')).toEqual([['board:terminal-write', { data: '\x02' }]]);

    const chatty = setup({ ...handlers, 'board:connect': () => (chatty.api.emit('board:terminal-data', { data: 'MicroPython v1.24\r\n>>> ' }), simInfo) });
    await chatty.link.connect(simInfo.target);
    chatty.tick();
    expect(chatty.api.calls.some(([c]) => c === 'board:terminal-write')).toBe(false);
  });

  it('waits for a connection under way, then runs (Run pressed before "Connected")', async () => {
    const { api, link, store } = setup({ 'board:run': () => ({ runId: 'r5' }) });
    store.update({ linkAvailable: true, board: { connection: 'connecting', info: simInfo } });
    const running = link.run('print(1)', 'untitled.py');
    await Promise.resolve();
    expect(store.state.runId).toBe('starting'); // Stop is enabled meanwhile
    expect(api.calls.some(([c]) => c === 'board:run')).toBe(false);
    store.update({ board: { connection: 'connected', info: simInfo } });
    expect(await running).toBe(true);
    expect(api.calls.filter(([c]) => c === 'board:run')).toHaveLength(1);
    expect(store.state.runId).toBe('r5');
  });

  it('Stop while waiting for the connection cancels the run and frees the toolbar', async () => {
    const { api, link, store, ended } = setup({ 'board:run': () => ({ runId: 'r6' }) });
    store.update({ linkAvailable: true, board: { connection: 'connecting', info: simInfo } });
    const running = link.run('print(1)', 'untitled.py');
    await link.stop();
    store.update({ board: { connection: 'connected', info: simInfo } });
    expect(await running).toBe(false);
    expect(api.calls.some(([c]) => c === 'board:run')).toBe(false);
    expect(store.state.runId).toBeNull();
    expect(ended).toEqual(['interrupted']);
  });

  it('a connection that fails while Run waits leaves the toolbar free and offers the simulated board', async () => {
    const { link, store, ended, notices, actions } = setup({});
    store.update({ linkAvailable: true, board: { connection: 'connecting', info: simInfo } });
    const running = link.run('print(1)', 'untitled.py');
    store.update({ board: { connection: 'disconnected', problem: 'port busy' } });
    expect(await running).toBe(false);
    expect(store.state.runId).toBeNull();
    expect(ended).toEqual(['not-started']);
    expect(notices).toHaveLength(1);
    expect(actions.map((a) => a.label)).toEqual(['Use the simulated board']);
  });

  it('Run with no board says so, and its offer connects the simulated board and runs the program', async () => {
    let connected = false;
    const { api, link, store, notices, actions } = setup({
      'board:list-simulated': () => [{ id: 'pico', name: 'Pico', flavour: 'micropython' }],
      'board:connect': () => ((connected = true), simInfo),
      'board:get-state': () => (connected ? { connection: 'connected', info: simInfo } : { connection: 'disconnected' }),
      'settings:update': () => ({}),
      'board:run': () => ({ runId: 'r7' }),
    });
    store.update({ linkAvailable: true, board: { connection: 'disconnected' } });
    expect(await link.run('print(1)', 'untitled.py')).toBe(false);
    expect(notices[0]).toMatch(/No board is connected, so the program did not run/);
    expect(store.state.runId).toBeNull();
    actions[0]!.run();
    await vi.waitFor(() => expect(store.state.runId).toBe('r7'));
    expect(api.calls.find(([c]) => c === 'board:run')?.[1]).toEqual({ source: 'print(1)', filename: 'untitled.py' });
  });

  it('Run pressed before Mote looked for a board waits for the auto-connect, then runs', async () => {
    let connected = false;
    const { api, link, store, notices } = setup({
      'board:get-state': () => (connected ? { connection: 'connected', info: simInfo } : { connection: 'disconnected' }),
      'serial:list-ports': () => [],
      'board:list-simulated': () => [{ id: 'pico', name: 'Pico', flavour: 'micropython' }],
      'board:connect': () => ((connected = true), simInfo),
      'board:run': () => ({ runId: 'r8' }),
    });
    const running = link.run('print("early")', 'untitled.py');
    await Promise.resolve();
    expect(store.state.runId).toBe('starting');
    await link.start('auto');
    expect(await running).toBe(true);
    expect(notices).toEqual([]);
    expect(api.calls.filter(([c]) => c === 'board:run')).toHaveLength(1);
  });

  it('a link that ends during a run frees the toolbar even if no run-ended arrives (the host died)', async () => {
    const { api, link, store, ended } = setup({ 'board:run': () => ({ runId: 'r9' }) });
    store.update({ linkAvailable: true, board: { connection: 'running', info: simInfo } });
    await link.run('while True: pass', 'a.py');
    expect(store.state.runId).toBe('r9');
    api.emit('board:state', { connection: 'lost', problem: 'gone' });
    expect(store.state.runId).toBeNull();
    expect(ended).toEqual(['lost']);
  });
});
