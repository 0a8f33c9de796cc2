// Builds the window and wires the parts together: commands and keys, the editor and its tabs,
// the REPL, Files, Plotter, Board panel, status bar, themes, board link and recovery.
import type { Explanation } from '../../shared/contracts/help';
import type { MenuCommand } from '../../shared/contracts/app';
import type { Settings } from '../../shared/contracts/settings';
import { api } from '../api';
import { CodeEditor } from '../editor/editor';
import { TabBar } from '../editor/tab-bar';
import { FilesPanel } from '../files/files-panel';
import { PlotterPanel } from '../plotter/plotter-panel';
import { ReplPanel } from '../repl/repl-panel';
import { refersToBuffer } from '../repl/traceback';
import { BootloaderWatch } from '../firmware/bootloader-watch';
import { offerBeforeRun, offerInstallFor } from '../libraries/install-offer';
import { openLibrariesDialog } from '../libraries/libraries-dialog';
import { BoardPanel } from '../simulator/board-panel';
import { pickBoard } from '../ui/board-picker';
import { openDialog } from '../ui/dialog';
import { showHistory } from '../ui/history-dialog';
import { Notices } from '../ui/notices';
import { chooseFileToOpen } from '../ui/open-dialog';
import { StatusBar } from '../ui/status-bar';
import { Toolbar } from '../ui/toolbar';
import { ExamplesMenu } from '../ui/examples-menu';
import { Welcome } from '../ui/welcome';
import { BoardLink } from './board-link';
import { Commands, keyLabel } from './commands';
import { Documents } from './documents';
import { h } from './dom';
import { guard, installGlobalErrorHandlers, reportError, setErrorNotifier } from './errors';
import { explain, lastErrorLine, withImport } from '../help/explain';
import { applyClassroom } from './classroom';
import { buildLayout } from './layout';
import { isConnected, Store } from './store';
import { applyTheme, terminalTheme } from './theme';

export function startApp(mount: HTMLElement): void {
  installGlobalErrorHandlers();
  const store = new Store();
  const notices = new Notices();
  setErrorNotifier((m) => notices.show(m, 'error'));
  const commands = new Commands();

  // #region parts
  const editorHost = h('div', { class: 'editor-host' });
  let docs: Documents | null = null;
  let statusBarRef: StatusBar | null = null;
  let cursorText = '';
  let plotter: PlotterPanel | null = null;
  const editor = new CodeEditor({
    parent: editorHost,
    flavour: () => (store.state.board.info?.flavour === 'circuitpython' ? 'circuitpython' : 'micropython'),
    onChange: (id, text) => {
      docs?.changed(id, text);
      // "Go to line N" points into the code that ran: once that code changes, the line may be another
      if (id === runTabId) goToError.hidden = true;
    },
    onCursor: (line, column) => {
      cursorText = `Line ${line}, column ${column}`;
      if (statusBarRef) statusBarRef.cursor.textContent = cursorText;
    },
  });
  docs = new Documents(editor, store, notices);
  const documents = docs;
  const tabBar = new TabBar(documents.tabs, { activate: (id) => (documents.tabs.activate(id), editor.focus()), close: (id) => void documents.close(id) });

  const runStatus = h('span', { class: 'run-status', role: 'status' });
  const goToError = h('button', { type: 'button', class: 'btn small danger', hidden: true }, 'Go to error');
  // The one-click fix an explanation may offer (a missing import); see renderer/help/.
  const fixError = h('button', { type: 'button', class: 'btn small', hidden: true }, 'Fix');
  let explanations: Explanation[] = [];
  let runTabId: string | null = null;
  /** Lines above the code that was run (Run selection runs part of a buffer). */
  let runLineOffset = 0;
  const openLocation = (file: string, line: number) => {
    const ran = runTabId && refersToBuffer(file, store.state.runName) ? documents.tabs.get(runTabId) : undefined;
    const tab = ran ?? documents.tabs.tabs.find((t) => refersToBuffer(file, t.title));
    if (!tab) return notices.show(`${file} is not open in the editor.`, 'warning');
    documents.tabs.activate(tab.id);
    editor.goToLine(ran ? line + runLineOffset : line);
  };
  const repl = new ReplPanel({
    openLocation,
    isRunning: () => store.state.runId !== null,
    stop: () => commands.run('run.stop'),
    onOutput: (text) => plotter?.feed(text),
    focusEditor: () => editor.focus(),
  });
  plotter = new PlotterPanel();
  // The e2e tests and the plotter benchmark feed and read the plotter directly.
  (window as unknown as { motePlotter?: PlotterPanel }).motePlotter = plotter;
  const libraryUi = {
    notify: (m: string, level: 'info' | 'warning' | 'error') => void notices.show(m, level),
    offer: (m: string, actions: Array<{ label: string; run: () => void }>) => notices.show(m, 'warning', actions),
  };
  const link = new BoardLink(api, store, notices, {
    failedAt: (file, line, message) => {
      goToError.hidden = false;
      goToError.textContent = `Go to line ${refersToBuffer(file, store.state.runName) ? line + runLineOffset : line}`;
      goToError.onclick = () => openLocation(file, line);
      runStatus.textContent = message;
      // "What this means", under the traceback, in words a beginner can act on.
      const meaning = explain(explanations, lastErrorLine(message) ?? message, store.state.board.info?.flavour ?? 'unknown');
      if (!meaning) return;
      repl.note(`What this means: ${meaning.title}. ${meaning.text}`);
      const tabId = runTabId;
      if (meaning.addImport && tabId) {
        fixError.hidden = false;
        fixError.textContent = `Add "${meaning.addImport}"`;
        fixError.onclick = () => {
          fixError.hidden = true;
          documents.tabs.activate(tabId);
          editor.replaceText(withImport(editor.text(tabId), meaning.addImport!));
          editor.focus();
        };
      }
    },
    started: (name) => {
      runStatus.textContent = `Running ${name}…`;
      // the program's output starts on a line of its own, after whatever the board printed meanwhile
      repl.terminal.write('\r\n');
    },
    ended: (status, message) => {
      if (status === 'error' && message) void offerInstallFor(message, libraryUi).catch((e: unknown) => reportError('libraries', e));
      repl.runEnded();
      runStatus.textContent = status === 'not-started' ? '' : status === 'ok' ? 'Finished.' : status === 'interrupted' ? 'Stopped.' : status === 'lost' ? 'The board was lost during the run.' : (message ?? 'Stopped with an error.');
    },
    note: (text) => repl.note(text),
  });
  const openPicker = guard('board picker', async () => {
    const current = store.state.board.info?.target;
    const choice = await pickBoard(current, isConnected(store.state.board));
    if (choice === 'disconnect') await link.disconnect();
    else if (choice) await link.connect(choice);
  });
  const files = new FilesPanel(store, notices, { openLocal: (p) => documents.openLocal(p), openBoard: (p) => documents.openBoard(p) });
  documents.onSaved = (location) => void (location.kind === 'local' ? files.computer : files.board).refresh();
  const boardPanel = new BoardPanel(openPicker, (m, level) => notices.show(m, level));
  const bootloaders = new BootloaderWatch(notices, async (path) => {
    // after "Update firmware" main already waits for this port (a lost board it reconnects by itself)
    const board = store.state.board;
    if (board.info?.target.kind === 'serial' && board.info.target.path === path && board.connection !== 'disconnected') return;
    await link.connect({ kind: 'serial', path });
  });
  boardPanel.addSection(bootloaders.element);
  const themePicker = h(
    'select',
    { class: 'theme-picker', 'aria-label': 'Theme', title: 'Theme' },
    ...(
      [
        ['system', 'System theme'],
        ['light', 'Light'],
        ['dark', 'Dark'],
        ['high-contrast', 'High contrast'],
      ] as const
    ).map(([value, label]) => h('option', { value }, label)),
  );
  themePicker.addEventListener('change', guard('theme', () => api.invoke('settings:update', { changes: { theme: themePicker.value as Settings['theme'] } })));
  // #endregion

  // #region commands
  /** A program started from the editor runs, or the board runs one by itself (main.py after a reset). */
  const running = () => store.state.runId !== null || store.state.board.connection === 'running';
  /** Font-size writes in flight: their own settings:changed echoes must not undo newer presses. */
  let fontWrites = 0;
  /** The text size of the editor, and in proportion of the REPL and every panel (zoom is for the whole window). */
  const zoom = (px: number) => {
    editor.setFontSize(px);
    const scale = editor.fontSizePx / 14;
    document.documentElement.style.setProperty('--ui-font-size', `${Math.round(14 * scale * 10) / 10}px`);
    repl.setFontSize(Math.round(13 * scale));
  };
  const setFont = (px: number) => {
    zoom(px);
    fontWrites++;
    void api.invoke('settings:update', { changes: { editorFontSize: editor.fontSizePx } }).finally(() => fontWrites--);
  };
  const run = (source: string, lineOffset = 0) => {
    const tab = documents.tabs.activeTab;
    if (!tab) return;
    runTabId = tab.id;
    runLineOffset = lineOffset;
    goToError.hidden = true;
    fixError.hidden = true;
    runStatus.textContent = store.state.board.connection === 'connecting' ? `${tab.title} runs once the board is connected…` : `Running ${tab.title}…`;
    repl.runStarted(source);
    // Run while the board runs its own program (main.py) means restart: interrupt it first.
    if (store.state.board.connection === 'running' && store.state.runId === null) return link.stop().then(() => link.run(source, tab.title));
    // imports the board lacks and a cached index offers: said before the run, which goes ahead
    const flavour = store.state.board.info?.flavour === 'circuitpython' ? 'circuitpython' : 'micropython';
    return offerBeforeRun(source, flavour, libraryUi)
      .catch((e: unknown) => reportError('libraries', e))
      .then(() => link.run(source, tab.title));
  };
  const examples = new ExamplesMenu(documents, store, notices);
  const list: Parameters<Commands['register']>[0][] = [
    { id: 'file.new', label: 'New file', key: 'Mod-n', run: () => documents.newBuffer() },
    { id: 'file.examples', label: 'Open an example', run: () => examples.toggle(document.querySelector<HTMLElement>('[data-command="file.examples"]')) },
    {
      id: 'file.open',
      label: 'Open a file',
      key: 'Mod-o',
      run: async () => {
        const choice = await chooseFileToOpen(isConnected(store.state.board));
        if (choice?.side === 'computer') await documents.openLocal(choice.path);
        else if (choice) await documents.openBoard(choice.path);
      },
    },
    { id: 'file.save', label: 'Save', key: 'Mod-s', run: () => documents.save() },
    { id: 'file.save-as', label: 'Save as', key: 'Mod-Shift-s', run: () => documents.saveAs() },
    { id: 'file.close', label: 'Close tab', key: 'Mod-w', run: () => documents.close() },
    {
      id: 'file.history',
      label: 'History of this board file',
      run: async () => {
        const tab = documents.tabs.activeTab;
        if (!tab || tab.location.kind !== 'board') return notices.show('History keeps each version of files you save to a board. Open a board file to see its history.', 'info');
        const text = await showHistory(tab.location.board, tab.location.path, editor.text(tab.id));
        if (text !== null) documents.replaceActive(text);
      },
    },
    { id: 'run.run', label: 'Run this program on the board', key: 'F5', run: () => run(editor.text(documents.tabs.activeId ?? '')), enabled: () => store.state.runId === null },
    {
      id: 'run.selection',
      label: 'Run the selected lines',
      key: 'F6',
      run: () => {
        const selected = editor.selection();
        if (!selected.trim()) return notices.show('Select some lines first, then Run selection.', 'info');
        const { state } = editor.view;
        return run(dedent(selected), state.doc.lineAt(state.selection.main.from).number - 1);
      },
      enabled: () => store.state.runId === null,
    },
    { id: 'run.stop', label: 'Stop the program', key: 'Escape', run: () => link.stop(), enabled: running },
    { id: 'run.reset', label: 'Soft-reset the board (runs main.py, or code.py on CircuitPython)', run: () => link.reset(), enabled: () => store.state.linkAvailable !== false },
    { id: 'board.connect', label: 'Connect a board', run: openPicker },
    { id: 'board.libraries', label: 'Libraries: install drivers on the board', run: () => openLibrariesDialog(libraryUi) },
    { id: 'view.zoom-in', label: 'Larger text', key: 'Mod-+', run: () => setFont(editor.fontSizePx + 1) },
    { id: 'view.zoom-out', label: 'Smaller text', key: 'Mod--', run: () => setFont(editor.fontSizePx - 1) },
    { id: 'view.zoom-reset', label: 'Normal text size', key: 'Mod-0', run: () => setFont(14) },
    { id: 'view.editor', label: 'Go to the editor', key: 'Mod-1', run: () => editor.focus() },
    { id: 'view.repl', label: 'Go to the REPL', key: 'Mod-2', run: () => repl.focus() },
    { id: 'view.files', label: 'Go to Files', key: 'Mod-3', run: () => files.computer.element.querySelector<HTMLElement>('[role=listbox]')?.focus() },
    { id: 'help.keys', label: 'Keyboard shortcuts', key: 'F1', run: () => showShortcuts(commands, () => commands.run('help.welcome')) },
    { id: 'help.welcome', label: 'Show the welcome', run: () => welcome.show() },
    { id: 'edit.find', label: 'Find in the editor', run: () => editor.openSearch() },
    { id: 'edit.goto-line', label: 'Go to line', run: () => editor.openGoToLine() },
    { id: 'tab.next', label: 'Next tab', key: 'Mod-PageDown', run: () => documents.tabs.cycle(1) },
    { id: 'tab.previous', label: 'Previous tab', key: 'Mod-PageUp', run: () => documents.tabs.cycle(-1) },
  ];
  for (const c of list) commands.register(c);
  commands.installKeymap(window);
  const toolbar = new Toolbar(commands);
  const statusBar = new StatusBar(openPicker, () => commands.run('help.keys'), themePicker);
  // #endregion

  // #region layout
  const layout = buildLayout(toolbar.element, statusBar.element, notices.element);
  const welcome = new Welcome({
    openExample: () => commands.run('file.examples'),
    run: () => commands.run('run.run'),
    connectBoard: () => commands.run('board.connect'),
    dismissed: () => void api.invoke('settings:update', { changes: { welcomeSeen: true } }),
  });
  layout.editor.body.append(tabBar.element, welcome.element, editorHost);
  const clearRepl = h('button', { type: 'button', class: 'btn small', onclick: () => repl.clear() }, 'Clear');
  clearRepl.setAttribute('aria-label', 'Clear the REPL');
  layout.repl.actions.append(repl.waitingHint, runStatus, goToError, fixError, clearRepl);
  layout.repl.body.append(repl.element);
  layout.plotter.body.append(plotter.element);
  layout.files.body.append(files.element);
  layout.board.body.append(boardPanel.element);
  mount.replaceChildren(layout.root);
  // #endregion

  // #region state
  const render = () => {
    statusBar.render(store.state);
    boardPanel.render(store.state);
    toolbar.refresh();
    document.body.dataset.running = String(running());
    document.body.dataset.connection = store.state.linkAvailable === false ? 'unavailable' : store.state.board.connection;
  };
  store.subscribe(guard('render', render));
  let boardsOwnRun = false;
  store.subscribe((state, previous) => {
    // The board runs its own program (main.py or code.py after a reset or replug): say so, as Stop now works on it.
    // (A run of ours ends with run-ended before the board says 'connected': that is no program of the board's.)
    if (state.runId !== null) boardsOwnRun = false;
    if (state.board.connection === 'running' && previous.board.connection !== 'running' && state.runId === null) {
      boardsOwnRun = true;
      goToError.hidden = true;
      runStatus.textContent = `The board is running ${state.board.info?.flavour === 'circuitpython' ? 'code.py' : 'main.py'}…`;
    } else if (boardsOwnRun && state.board.connection !== 'running') {
      boardsOwnRun = false;
      if (state.runId === null) runStatus.textContent = '';
    }
    if (state.board.connection === 'lost' && previous.board.connection !== 'lost') {
      repl.note(`${state.board.problem ?? 'The board went away.'} Plug it back in (Mote reconnects by itself), or press Connect.`);
    }
  });
  render();
  statusBarRef = statusBar;
  statusBar.cursor.textContent = cursorText;
  window.addEventListener('beforeunload', (e) => {
    documents.journal.flushAll();
    if (documents.tabs.dirtyTabs().length) {
      e.preventDefault();
      e.returnValue = '';
    }
  });
  // #endregion

  // The editor is usable now; everything below arrives asynchronously.
  documents.newBuffer();
  performance.mark('mote-editor-ready');
  document.body.dataset.ready = 'editor';
  // The terminal measures fonts and builds its DOM: do it right after the editor is usable.
  setTimeout(guard('REPL', () => repl.mount()), 0);

  void (async () => {
    const settings = await api.invoke('settings:get', {});
    const applySettings = (s: Settings) => {
      themePicker.value = s.theme;
      applyTheme(s.theme, () => {
        repl.setTheme(terminalTheme());
        plotter.themeChanged();
      });
      if (s.editorFontSize !== editor.fontSizePx && fontWrites === 0) zoom(s.editorFontSize);
      store.update({ settings: s });
    };
    if (settings.ok) applySettings(settings.value);
    else applyTheme('system', () => repl.setTheme(terminalTheme()));
    if (settings.ok && !settings.value.welcomeSeen) welcome.show();
    api.on('settings:changed', guard('settings', applySettings));
    api.on('app:notice', ({ level, message }) => notices.show(message, level));
    const help = await api.invoke('help:get-explanations', { language: /^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/.test(navigator.language) ? navigator.language : 'en' });
    if (help.ok) explanations = help.value.explanations;
    api.on('app:menu-command', guard('menu', ({ command }: { command: MenuCommand }) => commands.run(MENU_COMMANDS[command])));
    const info = await api.invoke('app:get-info', {});
    if (info.ok) applyClassroom(info.value.classroom, layout, notices);
    // Files the OS asked Mote to open (a double-clicked .py) open as tabs, at their own path.
    const openRequested = async () => {
      const paths = await api.invoke('app:take-opened-files', {});
      for (const path of paths.ok ? paths.value : []) await documents.openLocal(path).catch((e: unknown) => notices.show(`Could not open ${path}: ${e instanceof Error ? e.message : String(e)}`, 'error'));
    };
    api.on('app:files-opened', guard('open file', () => void openRequested()));
    await openRequested();
    await Promise.all([
      link.start(settings.ok ? settings.value.lastBoard : 'auto').catch((e: unknown) => reportError('board link', e)),
      files.start().catch((e: unknown) => reportError('files', e)),
      api.invoke('workspace:journal-list', {}).then((r) => (r.ok ? documents.offerRestore(r.value) : undefined)),
    ]);
    if (store.state.linkAvailable === false) repl.note('No board link yet: this version of Mote cannot talk to boards. You can still write and save programs.');
    else if (!isConnected(store.state.board)) repl.note('No board connected. Press Connect to choose one; a simulated board needs no hardware.');
    document.body.dataset.ready = 'all';
  })().catch((e: unknown) => reportError('start', e));
}

/** The native menu's commands as the renderer's command ids. */
const MENU_COMMANDS: Record<MenuCommand, string> = {
  new: 'file.new',
  open: 'file.open',
  save: 'file.save',
  run: 'run.run',
  stop: 'run.stop',
  reset: 'run.reset',
  'zoom-in': 'view.zoom-in',
  'zoom-out': 'view.zoom-out',
  'zoom-reset': 'view.zoom-reset',
  find: 'edit.find',
  'goto-line': 'edit.goto-line',
  welcome: 'help.welcome',
  shortcuts: 'help.keys',
};

/** The shortcuts list (F1), including the editor's own keys, with the way back to the welcome. */
async function showShortcuts(commands: Commands, showWelcome: () => void): Promise<void> {
  const rows: Array<[string, string]> = [
    ...commands.withKeys().map((c): [string, string] => [keyLabel(c.key!), c.label]),
    ['Ctrl+F / Ctrl+H', 'Find / replace in the editor'],
    ['Ctrl+G', 'Go to line'],
    ['Ctrl+/', 'Comment or uncomment lines'],
    ['Tab / Shift+Tab', 'Indent / unindent'],
    ['Escape, then Tab', 'Leave the editor with the keyboard'],
    ['Ctrl+C (in the REPL)', 'Stop the running program'],
    ['Ctrl+M (in the REPL)', 'Tab moves focus out of the REPL, or completes names again'],
    ['Ctrl+D (in the REPL)', 'Soft reset'],
    ['Ctrl+Shift+C / Ctrl+Shift+V', 'Copy / paste in the REPL'],
  ];
  const table = h(
    'table',
    { class: 'shortcuts' },
    h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Keys'), h('th', { scope: 'col' }, 'Action'))),
    h('tbody', {}, ...rows.map(([k, label]) => h('tr', {}, h('td', {}, h('kbd', {}, k)), h('td', {}, label)))),
  );
  const choice = await openDialog('Keyboard shortcuts', table, [{ value: 'welcome', label: 'Show the welcome' }, { value: 'ok', label: 'Close', primary: true }], { wide: true });
  if (choice === 'welcome') showWelcome();
}

/** Removes the common indentation of selected lines so they run at top level. */
export function dedent(text: string): string {
  const lines = text.split('\n');
  const indents = lines.filter((l) => l.trim()).map((l) => /^[ \t]*/.exec(l)![0].length);
  const cut = indents.length ? Math.min(...indents) : 0;
  return lines.map((l) => l.slice(Math.min(cut, /^[ \t]*/.exec(l)![0].length))).join('\n');
}
