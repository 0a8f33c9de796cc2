// The window's layout: a toolbar, the five regions (Editor, REPL, Plotter, Files, Board) as
// labelled landmarks, and the status bar. Regions are placed by CSS grid in styles/layout.css.
import { h } from './dom';

export interface Region {
  element: HTMLElement;
  /** Where the panel puts its header actions. */
  actions: HTMLElement;
  /** Where the panel puts its content. */
  body: HTMLElement;
}

export function region(name: 'Editor' | 'REPL' | 'Plotter' | 'Files' | 'Board', options: { hideTitle?: boolean } = {}): Region {
  const id = `region-${name.toLowerCase()}`;
  const actions = h('div', { class: 'region-actions' });
  const body = h('div', { class: 'region-body' });
  const element = h(
    'section',
    { role: 'region', 'aria-label': name, class: `region ${id}`, id },
    h('div', { class: `region-head${options.hideTitle ? ' compact' : ''}` }, h('h2', { id: `${id}-title`, class: options.hideTitle ? 'visually-hidden' : 'region-title' }, name), actions),
    body,
  );
  return { element, actions, body };
}

export interface Layout {
  root: HTMLElement;
  editor: Region;
  repl: Region;
  plotter: Region;
  files: Region;
  board: Region;
}

export function buildLayout(toolbar: HTMLElement, statusBar: HTMLElement, notices: HTMLElement): Layout {
  const editor = region('Editor', { hideTitle: true });
  const repl = region('REPL');
  const plotter = region('Plotter');
  const files = region('Files');
  const board = region('Board');
  const root = h(
    'div',
    { class: 'app' },
    h('header', { class: 'app-header' }, toolbar),
    h('main', { class: 'workbench', 'aria-label': 'Mote' }, editor.element, repl.element, plotter.element, files.element, board.element),
    statusBar,
    notices,
  );
  return { root, editor, repl, plotter, files, board };
}
