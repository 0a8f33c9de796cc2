// The board picker: simulated boards, boards plugged in (serial ports Mote found), or a port
// typed by hand. Resolves with the chosen target, 'disconnect', or null when cancelled.
import type { BoardTarget, SimulatedProfile } from '../../shared/contracts/board';
import type { PortInfo } from '../../shared/contracts/serial';
import { api } from '../api';
import { h } from '../app/dom';
import { openDialog } from './dialog';
import { splitPorts } from './port-filter';

export async function pickBoard(current: BoardTarget | undefined, connected: boolean): Promise<BoardTarget | 'disconnect' | null> {
  const [sims, ports, drives] = await Promise.all([api.invoke('board:list-simulated', {}), api.invoke('serial:list-ports', {}), api.invoke('drives:list', {})]);
  // a board in bootloader mode has no port to connect to yet: say where it went
  const waiting = drives.ok ? drives.value.filter((d) => d.kind === 'uf2-bootloader') : [];
  if (!sims.ok && sims.code === 'unknown-channel' && !ports.ok && ports.code === 'unknown-channel') {
    await openDialog('Choose a board', 'No board link yet: this version of Mote cannot reach boards (simulated or plugged in).', [{ value: 'ok', label: 'OK', primary: true }]);
    return null;
  }
  const profiles: SimulatedProfile[] = sims.ok ? sims.value : [];
  const found: PortInfo[] = ports.ok ? ports.value : [];
  const { usb, other } = splitPorts(found, current?.kind === 'serial' ? current.path : undefined);
  let n = 0;
  const option = (value: string, label: string, detail: string, checked: boolean) => {
    const id = `pick-${n++}`;
    return h('div', { class: 'pick-option' }, h('input', { type: 'radio', name: 'board-pick', id, value, checked }), h('label', { for: id }, h('strong', {}, label), detail ? h('span', { class: 'hint' }, ` ${detail}`) : null));
  };
  const isCurrent = (t: BoardTarget) => !!current && JSON.stringify(current) === JSON.stringify(t);
  const typed = h('input', { type: 'text', id: 'pick-typed', placeholder: '/dev/ttyACM0 or COM3', spellcheck: 'false', autocomplete: 'off' });
  const anyChecked = () => profiles.some((p) => isCurrent({ kind: 'simulated', profile: p.id })) || found.some((p) => isCurrent({ kind: 'serial', path: p.path }));
  const body = h(
    'div',
    { class: 'board-picker' },
    h(
      'fieldset',
      {},
      h('legend', {}, 'Boards plugged in'),
      ...(usb.length
        ? usb.map((p) => option(`serial:${p.path}`, p.friendlyName, p.path, isCurrent({ kind: 'serial', path: p.path })))
        : [h('p', { class: 'hint' }, ports.ok ? 'No boards found. Plug one in with a data USB cable, then open this again.' : `Could not list ports: ${ports.message}`)]),
      // ports that are no USB device (a motherboard UART such as /dev/ttyS0) are rarely a board
      other.length
        ? h('details', { class: 'pick-more' }, h('summary', {}, `Show all ports (${other.length} more, not USB)`), ...other.map((p) => option(`serial:${p.path}`, p.friendlyName, p.path, false)))
        : null,
      ...waiting.map((d) => h('p', { class: 'hint' }, `${d.label}${d.uf2Info?.Model ? ` (${d.uf2Info.Model})` : ''} is in bootloader mode, with no firmware running: install firmware from the Board panel first.`)),
      option('typed', 'Another port:', '', false),
      h('label', { for: 'pick-typed', class: 'visually-hidden' }, 'Port path'),
      typed,
    ),
    h(
      'fieldset',
      {},
      h('legend', {}, 'Simulated boards (no hardware needed)'),
      ...(profiles.length
        ? profiles.map((p, i) => option(`simulated:${p.id}`, p.name, p.flavour === 'circuitpython' ? 'CircuitPython' : 'MicroPython', isCurrent({ kind: 'simulated', profile: p.id }) || (!anyChecked() && i === 0)))
        : [h('p', { class: 'hint' }, sims.ok ? 'No simulated boards are available.' : `Simulated boards are not available: ${sims.message}`)]),
    ),
  );
  typed.addEventListener('input', () => {
    const radio = body.querySelector<HTMLInputElement>('input[value=typed]');
    if (radio) radio.checked = true;
  });
  const choice = await openDialog('Choose a board', body, [
    ...(connected ? [{ value: 'disconnect' as const, label: 'Disconnect' }] : []),
    { value: 'cancel' as const, label: 'Cancel' },
    { value: 'connect' as const, label: 'Connect', primary: true },
  ]);
  if (choice === 'disconnect') return 'disconnect';
  if (choice !== 'connect') return null;
  const value = body.querySelector<HTMLInputElement>('input[name=board-pick]:checked')?.value;
  if (!value) return null;
  if (value === 'typed') return typed.value.trim() ? { kind: 'serial', path: typed.value.trim() } : null;
  if (value.startsWith('serial:')) return { kind: 'serial', path: value.slice('serial:'.length) };
  return { kind: 'simulated', profile: value.slice('simulated:'.length) };
}
