// "Open": pick a file from the Mote folder on the computer or from the board.
import type { BoardFileEntry } from '../../shared/contracts/board-fs';
import type { LocalFileEntry } from '../../shared/contracts/workspace';
import { api } from '../api';
import { h } from '../app/dom';
import { openDialog } from './dialog';

export type OpenChoice = { side: 'computer' | 'board'; path: string };

async function computerFiles(dir = '.', depth = 0, out: LocalFileEntry[] = []): Promise<LocalFileEntry[]> {
  const r = await api.invoke('workspace:list', { path: dir });
  if (!r.ok) return out;
  for (const e of r.value) {
    if (out.length >= 300) break;
    if (e.kind === 'file') out.push(e);
    else if (depth < 3) await computerFiles(e.path, depth + 1, out);
  }
  return out;
}

export async function chooseFileToOpen(boardConnected: boolean): Promise<OpenChoice | null> {
  const [local, board] = await Promise.all([
    computerFiles(),
    boardConnected ? api.invoke('board-fs:list', { path: '/', recursive: true }) : Promise.resolve(null),
  ]);
  let picked: OpenChoice | null = null;
  let finish: (() => void) | null = null;
  const item = (side: OpenChoice['side'], path: string) =>
    h('li', {}, h('button', { type: 'button', class: 'link-button', onclick: () => ((picked = { side, path }), finish?.()) }, path));
  const boardFiles: BoardFileEntry[] = board?.ok ? board.value.filter((e) => e.kind === 'file') : [];
  const body = h(
    'div',
    { class: 'open-dialog' },
    h('section', { 'aria-label': 'On this computer' }, h('h3', {}, 'On this computer'), local.length ? h('ul', {}, ...local.map((e) => item('computer', e.path))) : h('p', { class: 'hint' }, 'No files in the Mote folder yet.')),
    h(
      'section',
      { 'aria-label': 'On the board' },
      h('h3', {}, 'On the board'),
      !boardConnected ? h('p', { class: 'hint' }, 'Connect a board to open its files.') : boardFiles.length ? h('ul', {}, ...boardFiles.map((e) => item('board', e.path))) : h('p', { class: 'hint' }, board && !board.ok ? `Could not list the board: ${board.message}` : 'No files on the board.'),
    ),
  );
  const done = openDialog('Open a file', body, [{ value: 'cancel', label: 'Cancel' }], {
    wide: true,
    onOpen: (dialog) => {
      finish = () => dialog.querySelector<HTMLButtonElement>('.dialog-buttons button')?.click();
    },
  });
  await done;
  return picked;
}
