// History: the saved versions of the current board file, newest first. Shows a version or its
// differences from the editor's text, and restores it into the editor (as an unsaved change,
// so Undo brings back what was there).
import type { HistoryVersion } from '../../shared/contracts/workspace';
import { call } from '../api';
import { formatBytes, h } from '../app/dom';
import { openDialog } from './dialog';
import { lineDiff } from './line-diff';

/** Shows the history of `board`:`path`; resolves with the text to restore, or null. */
export async function showHistory(board: string, path: string, currentText: string): Promise<string | null> {
  const versions: HistoryVersion[] = await call('workspace:history-list', { board, path });
  if (!versions.length) {
    await openDialog(`History of ${path}`, `No saved versions of ${path} yet. Each time you save it to the board, Mote keeps a copy here.`, [{ value: 'ok', label: 'OK', primary: true }]);
    return null;
  }
  const preview = h('pre', { class: 'history-preview', tabindex: '0', 'aria-label': 'Selected version' });
  const showDiff = h('input', { type: 'checkbox', id: 'history-diff' });
  let selectedText = '';
  const render = () => {
    if (!showDiff.checked) {
      preview.replaceChildren(selectedText);
      return;
    }
    const diff = lineDiff(currentText, selectedText);
    if (!diff) {
      preview.replaceChildren('These files are too large to compare line by line.');
      return;
    }
    preview.replaceChildren(...diff.map((l) => h('div', { class: `diff-${l.kind}` }, `${l.kind === 'added' ? '+ ' : l.kind === 'removed' ? '- ' : '  '}${l.text}`)));
  };
  const select = async (v: HistoryVersion) => {
    selectedText = await call('workspace:history-read', { id: v.id });
    render();
  };
  let n = 0;
  const list = h(
    'div',
    { class: 'history-list', role: 'radiogroup', 'aria-label': 'Saved versions' },
    ...versions.map((v, i) => {
      const id = `hist-${n++}`;
      const radio = h('input', { type: 'radio', name: 'history-version', id, value: v.id, checked: i === 0 });
      radio.addEventListener('change', () => void select(v));
      return h('div', { class: 'pick-option' }, radio, h('label', { for: id }, `${new Date(v.savedAt).toLocaleString()} · ${formatBytes(v.size)}`));
    }),
  );
  showDiff.addEventListener('change', render);
  const body = h(
    'div',
    { class: 'history' },
    list,
    h('div', { class: 'history-side' }, h('label', { class: 'radio' }, showDiff, ' Show changes compared with the editor (− editor, + saved version)'), preview),
  );
  await select(versions[0]!);
  const choice = await openDialog(`History of ${path}`, body, [
    { value: 'close', label: 'Close' },
    { value: 'restore', label: 'Restore this version', primary: true },
  ], { wide: true });
  return choice === 'restore' ? selectedText : null;
}
