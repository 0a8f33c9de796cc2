// The choice in the Install firmware dialog: which board this is (a bootloader drive often
// cannot say: every RP2040 shows "RPI-RP2"), and which file, with what is available offline
// listed first and the newest cached build pre-selected. Downloading is a button the person
// presses; nothing here goes to the network by itself.
import { type FirmwareBoardOffer, type FirmwareFile, type FirmwareOffer, MAX_IMPORT_BYTES } from '../../shared/contracts/firmware';
import type { Flavour } from '../../shared/firmware-catalog';
import { api } from '../api';
import { formatBytes, h } from '../app/dom';
import { newOpId } from '../files/transfer-view';

const FLAVOUR_NAME: Record<Flavour, string> = { micropython: 'MicroPython', circuitpython: 'CircuitPython' };
const key = (f: Pick<FirmwareFile, 'source' | 'path'>) => `${f.source}:${f.path}`;

export class FirmwarePicker {
  readonly element = h('div', { class: 'firmware-choice' });
  private board: FirmwareBoardOffer | null;
  private selected: string | null;
  private readonly listeners = new Set<() => void>();
  /** What the last import or catalogue check did, shown until the next one. */
  private readonly report = h('p', { class: 'hint', 'aria-live': 'polite' });

  constructor(
    private files: FirmwareFile[],
    private offer: FirmwareOffer,
    private readonly drivePath: string,
  ) {
    this.board = offer.boards[0] ?? null;
    this.selected = offer.preselected ? key(offer.preselected) : null;
    this.render();
  }

  /** The file the person has chosen. */
  chosen(): FirmwareFile | undefined {
    return this.visible().find((f) => key(f) === this.selected);
  }

  /** Called when the chosen file may have changed. */
  onChange(listener: () => void): void {
    this.listeners.add(listener);
  }

  /** Cached files for the chosen board (another board's cached build is not offered), then shipped and workspace files. */
  private visible(): FirmwareFile[] {
    return this.files.filter((f) => f.source !== 'cache' || f.boardId === this.board?.id);
  }

  private render(): void {
    const files = this.visible();
    if (!files.some((f) => key(f) === this.selected)) this.selected = files[0] ? key(files[0]) : null;
    let n = 0;
    const option = (f: FirmwareFile) => {
      const id = `fw-${n++}`;
      const where = f.source === 'cache' ? 'available offline' : f.source === 'bundled' ? 'comes with Mote' : `in your Mote folder: ${f.path}`;
      const title = f.source === 'cache' && f.flavour ? `${FLAVOUR_NAME[f.flavour]} ${f.version}` : f.name;
      return h(
        'div',
        { class: 'pick-option' },
        h('input', { type: 'radio', name: 'firmware-pick', id, value: key(f), checked: key(f) === this.selected, onchange: () => this.select(key(f)) }),
        h('label', { for: id }, h('strong', {}, title), h('span', { class: 'hint' }, ` ${formatBytes(f.size)}, ${where}`)),
      );
    };
    this.element.replaceChildren(
      this.boardPicker(),
      files.length
        ? h('fieldset', {}, h('legend', {}, 'Firmware'), ...files.map(option))
        : h('p', { class: 'hint' }, `Nothing for ${this.board?.name ?? 'this board'} is available offline yet. Download it below, or import files from a USB stick with "mote firmware import".`),
      this.downloads(),
      this.more(),
    );
    this.changed();
  }

  /** Import (files or a whole folder, such as a teacher's USB stick) and the opt-in catalogue check. */
  private more(): HTMLElement {
    const pickFiles = h('input', { type: 'file', multiple: true, accept: '.uf2,.bin,.hex', hidden: true, 'aria-label': 'Firmware files to import', onchange: () => void this.importFiles(pickFiles) });
    const pickFolder = h('input', { type: 'file', multiple: true, webkitdirectory: true, hidden: true, 'aria-label': 'Folder of firmware to import', onchange: () => void this.importFiles(pickFolder) });
    const check = h('button', { type: 'button', class: 'btn small', onclick: () => void this.checkForNewer(check) }, 'Check for newer firmware');
    return h(
      'div',
      { class: 'firmware-more' },
      h('p', {}, h('button', { type: 'button', class: 'btn small', onclick: () => pickFiles.click() }, 'Import firmware…'), ' ', h('button', { type: 'button', class: 'btn small', onclick: () => pickFolder.click() }, 'Import a folder…'), ' ', check),
      pickFiles,
      pickFolder,
      this.report,
    );
  }

  private async importFiles(input: HTMLInputElement): Promise<void> {
    const chosen = [...(input.files ?? [])].filter((f) => /\.(uf2|bin|hex)$/i.test(f.name));
    input.value = '';
    if (!chosen.length) {
      this.report.textContent = 'No .uf2, .bin or .hex files there.';
      return;
    }
    const lines: string[] = [];
    let lastAdded: FirmwareFile | undefined;
    for (const f of chosen) {
      this.report.textContent = `Importing ${f.name}…`;
      if (f.size > MAX_IMPORT_BYTES) {
        lines.push(`${f.name}: refused: ${formatBytes(f.size)} is larger than any firmware for these boards.`);
        continue;
      }
      const r = await api.invoke('firmware:import', { name: f.name, data: toBase64(new Uint8Array(await f.arrayBuffer())) });
      if (!r.ok) lines.push(`${f.name}: ${r.message}`);
      else if (r.value.status === 'refused') lines.push(`${f.name}: refused: ${r.value.reason}`);
      else {
        const what = r.value.file?.flavour ? `${FLAVOUR_NAME[r.value.file.flavour]} ${r.value.file.version} for ${r.value.file.boardId}` : r.value.file?.name;
        lines.push(`${f.name}: ${r.value.status === 'added' ? 'imported' : 'already there'}: ${what}`);
        lastAdded = r.value.file;
      }
    }
    await this.reload(lastAdded);
    this.report.textContent = lines.join('\n');
  }

  private async checkForNewer(button: HTMLButtonElement): Promise<void> {
    button.disabled = true;
    this.report.textContent = 'Asking the official sites for newer firmware…';
    const r = await api.invoke('firmware:refresh-catalog', {});
    if (!r.ok) {
      button.disabled = false;
      this.report.textContent = r.message;
      return;
    }
    await this.reload();
    this.report.textContent = r.value.added.length ? `New: ${r.value.added.join(', ')}.` : 'Nothing newer than what Mote knows.';
  }

  /** Fetches the file list and the offer again (after an import or a catalogue check). */
  private async reload(select?: FirmwareFile): Promise<void> {
    const [files, offer] = await Promise.all([api.invoke('firmware:list', {}), api.invoke('firmware:offer', { drivePath: this.drivePath })]);
    if (files.ok) this.files = files.value;
    if (offer.ok) {
      this.offer = offer.value;
      this.board = this.offer.boards.find((b) => b.id === (select?.boardId ?? this.board?.id)) ?? this.offer.boards[0] ?? null;
    }
    if (select) this.selected = key(select);
    this.render();
  }

  private boardPicker(): HTMLElement {
    const boards = this.offer.boards;
    if (boards.length === 0) return h('p', { class: 'hint' }, 'Mote cannot tell which board this is, so it offers only files you have.');
    const select = h(
      'select',
      { id: 'fw-board', onchange: () => ((this.board = boards.find((b) => b.id === select.value) ?? null), this.render()) },
      ...boards.map((b) => h('option', { value: b.id, selected: b.id === this.board?.id }, `${b.name} (${b.chip})`)),
    );
    const why = boards.length > 1 ? h('span', { class: 'hint' }, ` Every ${boards[0].chip} board looks the same in bootloader mode: pick yours.`) : '';
    return h('p', {}, h('label', { for: 'fw-board' }, 'Board: '), select, why);
  }

  /** One Download button per flavour whose newest build is not cached. */
  private downloads(): HTMLElement {
    const board = this.board;
    const row = h('div', { class: 'firmware-downloads' });
    if (!board) return row;
    for (const flavour of ['micropython', 'circuitpython'] as const) {
      const newest = board.builds.find((b) => b.flavour === flavour);
      if (!newest || newest.cached) continue;
      const label = `Download ${FLAVOUR_NAME[flavour]} ${newest.version}`;
      const status = h('span', { class: 'hint', 'aria-live': 'polite' });
      const button = h('button', { type: 'button', class: 'btn small', onclick: () => void this.download(board, flavour, newest.version, button, status) }, label);
      row.append(h('p', {}, button, ' ', status));
    }
    if (row.childElementCount) row.prepend(h('p', { class: 'hint' }, 'Downloads come from the official sites (or the download mirror, when one is set) and stay available offline.'));
    return row;
  }

  private async download(board: FirmwareBoardOffer, flavour: Flavour, version: string, button: HTMLButtonElement, status: HTMLElement): Promise<void> {
    const opId = newOpId();
    button.disabled = true;
    const off = api.on('firmware:progress', (p) => {
      if (p.opId === opId) status.textContent = p.total ? `${Math.floor((p.done / p.total) * 100)}%` : formatBytes(p.done);
    });
    status.textContent = 'Downloading…';
    const r = await api.invoke('firmware:download', { boardId: board.id, flavour, version, opId });
    off();
    if (!r.ok) {
      button.disabled = false;
      status.textContent = r.message;
      return;
    }
    this.files = [r.value, ...this.files.filter((f) => key(f) !== key(r.value))];
    for (const b of board.builds) if (b.flavour === flavour && b.version === version) b.cached = true;
    this.selected = key(r.value);
    this.render();
  }

  private select(k: string): void {
    this.selected = k;
    this.changed();
  }

  private changed(): void {
    for (const l of this.listeners) l();
  }
}

/** Bytes as base64, in slices (String.fromCharCode takes only so many arguments). */
function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}
