// The Libraries dialog: search micropython-lib (MicroPython) or the CircuitPython bundles, see
// each library's version, size and what the connected board has, and Install, Update or Remove
// with the dependencies shown first. Cached indexes answer at once; "Search online" is the
// only thing here that uses the network. Main does the work (main/libraries/).
import type { LibraryInfo, LibraryPlanInfo, LibrarySearchResult } from '../../shared/contracts/libraries';
import { api, call } from '../api';
import { formatBytes, h } from '../app/dom';
import { newOpId } from '../files/transfer-view';
import { openDialog, promptText } from '../ui/dialog';

export interface LibrariesUi {
  notify(message: string, level: 'info' | 'warning' | 'error'): void;
}

/** "Installs ssd1306 0.1.0, with framebuf_text 1.0 (needs …)": the plan in one sentence. */
export function describePlan(plan: LibraryPlanInfo): string {
  const last = plan.libraries[plan.libraries.length - 1];
  const deps = plan.libraries.slice(0, -1).map((l) => `${l.name}${l.version ? ` ${l.version}` : ''}`);
  const what = last ? `${last.name}${last.version ? ` ${last.version}` : ''}` : 'nothing';
  return `${what}${deps.length ? `, with ${deps.join(', ')}` : ''} (${formatBytes(plan.bytes)})`;
}

/** Where an install shows its progress and offers Stop (the dialog); notices need neither. */
export interface InstallView {
  progress(text: string): void;
  /** A Stop action while the install runs; null when it is over. */
  setStop(stop: (() => void) | null): void;
}

/** Resolves, then installs; reports through `ui`. Returns whether it installed. */
export async function installLibraries(names: string[], py: boolean, ui: LibrariesUi, view?: InstallView): Promise<boolean> {
  const plan = await api.invoke('libraries:plan', { names, py });
  if (!plan.ok) {
    ui.notify(plan.message, 'error');
    return false;
  }
  const opId = newOpId();
  const off = api.on('libraries:progress', (p) => {
    if (p.opId === opId) view?.progress(`Writing ${p.path} (${p.done} of ${p.total} files)…`);
  });
  view?.setStop(() => void call('libraries:cancel', { opId }).catch(() => undefined));
  let done;
  try {
    done = await api.invoke('libraries:install', { names, py, opId });
  } finally {
    off();
    view?.setStop(null);
  }
  if (!done.ok) {
    ui.notify(done.message, done.code === 'cancelled' ? 'warning' : 'error');
    return false;
  }
  for (const n of plan.value.notes) ui.notify(n, 'warning');
  ui.notify(`Installed ${describePlan(plan.value)}: ${done.value.written} file(s) written, ${done.value.unchanged} already there.`, 'info');
  return true;
}

function row(lib: LibraryInfo, act: (action: 'install' | 'update' | 'remove', lib: LibraryInfo) => void): HTMLElement {
  const installed = lib.installed === undefined || lib.installed === null ? null : lib.installed || '?';
  const outdated = installed !== null && lib.version && installed !== lib.version;
  const button = (action: 'install' | 'update' | 'remove', label: string) => h('button', { type: 'button', class: `btn small${action === 'remove' ? ' danger' : ''}`, onclick: () => act(action, lib), 'aria-label': `${label} ${lib.name}` }, label);
  return h(
    'tr',
    { 'data-library': lib.name },
    h('td', {}, h('strong', {}, lib.name), h('div', { class: 'hint' }, lib.description)),
    h('td', {}, lib.version || '–'),
    h('td', {}, lib.size !== undefined ? formatBytes(lib.size) : '–'),
    h('td', { class: installed === null ? '' : outdated ? 'warning' : 'ok' }, installed === null ? 'not installed' : outdated ? `${installed} (update to ${lib.version})` : `${installed} installed`),
    h('td', {}, installed === null ? button('install', 'Install') : outdated ? button('update', 'Update') : null, installed !== null ? button('remove', 'Remove') : null),
  );
}

/** Opens the dialog; resolves when it is closed. */
export async function openLibrariesDialog(ui: LibrariesUi, initialText = ''): Promise<void> {
  const input = h('input', { type: 'search', value: initialText, placeholder: 'Name or description (ssd1306, bme280, mqtt…)', 'aria-label': 'Search libraries', autofocus: true, spellcheck: 'false' });
  const py = h('input', { type: 'checkbox', id: 'lib-py' });
  const status = h('p', { class: 'hint', 'aria-live': 'polite' }, 'Searching…');
  const tbody = h('tbody', {});
  const table = h('table', { class: 'libraries', 'aria-label': 'Libraries' }, h('thead', {}, h('tr', {}, ...['Library', 'Version', 'Size', 'On the board', ''].map((t) => h('th', { scope: 'col' }, t)))), tbody);
  let seq = 0;
  const show = (r: LibrarySearchResult) => {
    tbody.replaceChildren(...r.libraries.map((l) => row(l, (action, lib) => void act(action, lib))));
    const where = `${r.firmware === 'circuitpython' ? 'CircuitPython bundles' : "micropython-lib's index"}; installs into ${r.target}`;
    status.textContent = `${r.libraries.length} found in ${where}.${r.problem ? ` ${r.problem}` : ''}`;
  };
  const search = async (online = false) => {
    const mine = ++seq;
    status.textContent = online ? 'Downloading the library index…' : 'Searching…';
    const r = await api.invoke('libraries:search', { text: input.value.trim(), online });
    if (mine !== seq) return;
    if (r.ok) show(r.value);
    else status.textContent = r.message;
  };
  const act = async (action: 'install' | 'update' | 'remove', lib: LibraryInfo) => {
    status.textContent = `${action === 'remove' ? 'Removing' : 'Installing'} ${lib.name}…`;
    if (action === 'remove') {
      const r = await api.invoke('libraries:remove', { name: lib.name });
      ui.notify(r.ok ? `Removed ${lib.name} from the board.` : r.message, r.ok ? 'info' : 'error');
    } else {
      const plan = await api.invoke('libraries:plan', { names: [lib.name], py: py.checked });
      if (!plan.ok) {
        status.textContent = plan.message;
        return;
      }
      status.textContent = `Installing ${describePlan(plan.value)}…`;
      await installLibraries([lib.name], py.checked, ui, view);
    }
    await search();
  };
  const importBundle = async () => {
    const path = await promptText('Import library bundle', 'A bundle .zip, a folder of bundle zips, or a copy of the mip index, in your Mote folder:', '', 'Import');
    if (!path) return;
    const r = await api.invoke('libraries:import', { localPath: path });
    ui.notify(r.ok ? `Imported ${r.value.count} ${r.value.kind === 'bundle' ? 'bundle file(s)' : 'index file(s)'}: their libraries install with no network.` : r.message, r.ok ? 'info' : 'error');
    await search();
  };
  const stop = h('button', { type: 'button', class: 'btn small danger', hidden: true }, 'Stop installing');
  const view: InstallView = {
    progress: (t) => (status.textContent = t),
    setStop: (fn) => {
      stop.hidden = !fn;
      stop.onclick = fn;
    },
  };
  let timer: ReturnType<typeof setTimeout> | undefined;
  input.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(() => void search(), 200);
  });
  const body = h(
    'div',
    { class: 'libraries-dialog' },
    h('div', { class: 'field' }, input),
    h(
      'div',
      { class: 'libraries-actions' },
      h('button', { type: 'button', class: 'btn small', onclick: () => void search(true) }, 'Search online'),
      h('button', { type: 'button', class: 'btn small', onclick: () => void importBundle() }, 'Import library bundle…'),
      h('label', { for: 'lib-py', class: 'hint' }, py, ' Install .py source instead of .mpy'),
    ),
    h('div', { class: 'libraries-status' }, status, stop),
    h('div', { class: 'libraries-list' }, table),
  );
  await openDialog('Libraries', body, [{ value: 'close', label: 'Close', primary: true }], { wide: true, onOpen: () => void search() });
}

