import { describe, expect, test, vi } from 'vitest';
import { MoteError } from '../../shared/errors';
import { IpcRouter } from './router';

const sender = { host: 'electron' as const, connectionId: 'w1' };

function makeRouter() {
  const log = { warn: vi.fn(), error: vi.fn() };
  return { router: new IpcRouter(log), log };
}

describe('IpcRouter', () => {
  test('returns the handler value wrapped in ok', async () => {
    const { router } = makeRouter();
    router.handle('settings:get', () => ({ theme: 'dark', editorFontSize: 14, lastBoard: 'auto', workspaceDir: '', assertDtrRts: true, downloadMirror: '', welcomeSeen: false }));
    expect(await router.invoke('settings:get', {}, sender)).toMatchObject({ ok: true, value: { theme: 'dark' } });
  });

  test.each([['nope:thing'], ['settings:get-everything'], ['__proto__'], ['constructor'], [42], [null], ['app:get-info\u0000']])(
    'refuses unknown channel %j',
    async (channel) => {
      const { router, log } = makeRouter();
      const result = await router.invoke(channel, {}, sender);
      expect(result).toMatchObject({ ok: false, code: 'unknown-channel' });
      expect(log.warn).toHaveBeenCalled();
    },
  );

  test('a known channel without a handler is unknown in this host', async () => {
    const { router } = makeRouter();
    expect(await router.invoke('board:get-state', {}, sender)).toMatchObject({ ok: false, code: 'unknown-channel' });
  });

  test('MoteError keeps its code and message', async () => {
    const { router } = makeRouter();
    router.handle('board:disconnect', () => {
      throw new MoteError('not-connected', 'No board is connected.');
    });
    expect(await router.invoke('board:disconnect', {}, sender)).toEqual({ ok: false, code: 'not-connected', message: 'No board is connected.' });
  });

  test('an unexpected exception becomes internal and is logged with its stack', async () => {
    const { router, log } = makeRouter();
    router.handle('board:disconnect', () => {
      throw new TypeError('boom');
    });
    const result = await router.invoke('board:disconnect', {}, sender);
    expect(result).toMatchObject({ ok: false, code: 'internal' });
    expect(log.error).toHaveBeenCalledWith(expect.stringContaining('board:disconnect'), expect.any(TypeError));
  });

  test('a handler is registered once', () => {
    const { router } = makeRouter();
    router.handle('app:get-info', () => ({ version: '1', host: 'web', platform: 'linux', dataDir: '/x' }));
    expect(() => router.handle('app:get-info', () => ({ version: '1', host: 'web', platform: 'linux', dataDir: '/x' }))).toThrow(/twice/);
  });

  test('events reach every sink; a failing sink does not stop the others', () => {
    const { router, log } = makeRouter();
    const got: unknown[] = [];
    router.addSink(() => {
      throw new Error('gone');
    });
    const remove = router.addSink((event, payload) => got.push([event, payload]));
    router.emit('app:notice', { level: 'info', message: 'hi' });
    remove();
    router.emit('app:notice', { level: 'info', message: 'again' });
    expect(got).toEqual([['app:notice', { level: 'info', message: 'hi' }]]);
    expect(log.error).toHaveBeenCalled();
  });
});
