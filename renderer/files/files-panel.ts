// Files: the computer's Mote folder on the left, the board on the right, with Upload and
// Download between them (also by dragging a file across), and files dropped from the desktop.
import { api, ApiError, call } from '../api';
import { h } from '../app/dom';
import { guard } from '../app/errors';
import { isConnected, type Store } from '../app/store';
import type { Notices } from '../ui/notices';
import { boardSource, computerSource, type FileEntry, type FileSource } from './file-source';
import { FilePane } from './file-pane';
import { newOpId, TransferView } from './transfer-view';

export interface FilesHooks {
  openLocal(path: string): Promise<void>;
  openBoard(path: string): Promise<void>;
}

/** Largest desktop file accepted by drag-and-drop (text only). */
const MAX_DROP = 2 * 1024 * 1024;

export class FilesPanel {
  readonly element: HTMLElement;
  readonly computer: FilePane;
  readonly board: FilePane;
  private readonly transfers = h('div', { class: 'transfers', 'aria-live': 'polite' });

  constructor(
    private readonly store: Store,
    private readonly notices: Notices,
    hooks: FilesHooks,
  ) {
    const paneHooks = {
      open: async (source: FileSource, entry: FileEntry) => {
        try {
          if (source.side === 'computer') await hooks.openLocal(entry.path);
          else await hooks.openBoard(entry.path);
        } catch (error) {
          this.error(`Could not open ${entry.name}: ${(error as Error).message}`);
        }
      },
      receive: (fromSide: 'computer' | 'board', entry: FileEntry, toDir: string) => (fromSide === 'computer' ? this.upload(entry, toDir) : this.download(entry, toDir)),
      receiveFiles: (files: File[], toDir: string, side: 'computer' | 'board') => this.receiveFiles(files, toDir, side),
      error: (message: string) => this.error(message),
    };
    const upload = h('button', { type: 'button', class: 'btn small primary', onclick: guard('upload', () => this.uploadSelected()) }, 'Upload');
    upload.setAttribute('aria-label', 'Upload the selected computer file to the board');
    upload.title = 'Copy the selected file or folder to the board (or drag it onto the board list)';
    const download = h('button', { type: 'button', class: 'btn small primary', onclick: guard('download', () => this.downloadSelected()) }, 'Download');
    download.setAttribute('aria-label', 'Download the selected board file to this computer');
    download.title = 'Copy the selected file or folder to this computer (or drag it onto the computer list)';
    const open = (pane: () => FilePane) =>
      h('button', { type: 'button', class: 'btn small', onclick: guard('files', () => (pane().selected ? pane().activate(pane().selected!) : this.error('Select a file to edit first.'))) }, 'Edit');
    const openComputer = open(() => this.computer);
    openComputer.setAttribute('aria-label', 'Edit the selected computer file');
    const openBoard = open(() => this.board);
    openBoard.setAttribute('aria-label', 'Edit the selected board file');
    this.computer = new FilePane(computerSource, paneHooks, [openComputer, upload]);
    this.board = new FilePane(boardSource, paneHooks, [openBoard, download]);
    this.element = h('div', { class: 'files' }, h('div', { class: 'file-panes' }, this.computer.element, this.board.element), this.transfers);
    store.subscribe((state, previous) => {
      if (state.board.connection !== previous.board.connection || state.linkAvailable !== previous.linkAvailable) this.updateBoardPane();
    });
    api.on('board-fs:changed', guard('files', () => this.board.refresh()));
    this.updateBoardPane();
  }

  async start(): Promise<void> {
    await this.computer.refresh();
  }

  private updateBoardPane(): void {
    const { board, linkAvailable } = this.store.state;
    if (linkAvailable === false) this.board.setAvailable(false, 'No board link yet: this version of Mote cannot reach boards.');
    else if (!isConnected(board)) this.board.setAvailable(false, board.connection === 'connecting' ? 'Connecting…' : 'Connect a board to see its files.');
    else if (!this.board.available) {
      this.board.setAvailable(true);
      void this.board.navigate('/');
    }
  }

  private error(message: string): void {
    this.notices.show(message, 'error');
  }

  private async uploadSelected(): Promise<void> {
    const entry = this.computer.selected;
    if (!entry) return this.error('Select a file or folder on the computer side to upload.');
    await this.upload(entry, this.board.dir);
  }

  private async downloadSelected(): Promise<void> {
    const entry = this.board.selected;
    if (!entry) return this.error('Select a file or folder on the board side to download.');
    await this.download(entry, this.computer.dir);
  }

  private async upload(entry: FileEntry, toDir: string): Promise<void> {
    if (!this.board.available) return this.error('Connect a board before uploading.');
    const target = boardSource.join(toDir, entry.name);
    if (entry.kind === 'dir') await this.uploadFolder(entry, target);
    else await this.transfer(`Uploading ${entry.name}`, (opId) => call('board-fs:upload', { localPath: entry.path, path: target, opId }));
    await this.board.refresh();
  }

  /** Copies a computer folder and everything in it to the board, file by file. */
  private async uploadFolder(entry: FileEntry, target: string): Promise<void> {
    const files: Array<{ local: string; board: string }> = [];
    const walk = async (local: string, board: string, depth: number) => {
      await call('board-fs:mkdir', { path: board }).catch((e: unknown) => {
        if (!(e instanceof ApiError && e.code === 'already-exists')) throw e;
      });
      for (const child of await call('workspace:list', { path: local })) {
        const dest = boardSource.join(board, child.name);
        if (child.kind === 'file') files.push({ local: child.path, board: dest });
        else if (depth < 8) await walk(child.path, dest, depth + 1);
      }
    };
    try {
      await walk(entry.path, target, 0);
    } catch (error) {
      return this.error(`Uploading ${entry.name} failed: ${(error as Error).message}`);
    }
    for (const [i, f] of files.entries()) {
      const ok = await this.transfer(`Uploading ${entry.name} (${i + 1} of ${files.length})`, (opId) => call('board-fs:upload', { localPath: f.local, path: f.board, opId }), i === files.length - 1);
      if (!ok) return;
    }
    if (!files.length) this.notices.show(`Created the empty folder ${entry.name} on the board.`);
  }

  private async download(entry: FileEntry, toDir: string): Promise<void> {
    const target = computerSource.join(toDir, entry.name);
    if (entry.kind === 'dir') await this.downloadFolder(entry, target);
    else await this.transfer(`Downloading ${entry.name}`, (opId) => call('board-fs:download', { path: entry.path, localPath: target, opId }));
    await this.computer.refresh();
  }

  /** Copies a board folder and everything in it to the computer. */
  private async downloadFolder(entry: FileEntry, target: string): Promise<void> {
    let all: FileEntry[];
    try {
      all = await call('board-fs:list', { path: entry.path, recursive: true });
      await call('workspace:mkdir', { path: target }).catch((e: unknown) => {
        if (!(e instanceof ApiError && e.code === 'already-exists')) throw e;
      });
      // Folders come before their contents in a recursive listing.
      for (const d of all.filter((x) => x.kind === 'dir')) {
        await call('workspace:mkdir', { path: computerSource.join(target, d.path.slice(entry.path.length + 1)) }).catch((e: unknown) => {
          if (!(e instanceof ApiError && e.code === 'already-exists')) throw e;
        });
      }
    } catch (error) {
      return this.error(`Downloading ${entry.name} failed: ${(error as Error).message}`);
    }
    const files = all.filter((x) => x.kind === 'file');
    for (const [i, f] of files.entries()) {
      const local = computerSource.join(target, f.path.slice(entry.path.length + 1));
      const ok = await this.transfer(`Downloading ${entry.name} (${i + 1} of ${files.length})`, (opId) => call('board-fs:download', { path: f.path, localPath: local, opId }), i === files.length - 1);
      if (!ok) return;
    }
  }

  /** Runs one transfer with its progress view; resolves false when it failed or was cancelled. */
  private async transfer(title: string, start: (opId: string) => Promise<unknown>, announce = true): Promise<boolean> {
    const view = new TransferView(newOpId(), title);
    this.transfers.append(view.element);
    try {
      await view.track(start(view.opId));
      if (announce) this.notices.show(`${title.replace(/^Uploading/, 'Uploaded').replace(/^Downloading/, 'Downloaded').replace(/ \(\d+ of (\d+)\)$/, ' ($1 files)')}.`);
      return true;
    } catch (error) {
      if (error instanceof ApiError && error.code === 'cancelled') this.notices.show(`${title} cancelled.`);
      else this.error(`${title} failed: ${(error as Error).message}`);
      return false;
    }
  }

  /** Desktop files dropped on a pane: read as text and written there. */
  private async receiveFiles(files: File[], toDir: string, side: 'computer' | 'board'): Promise<void> {
    const pane = side === 'board' ? this.board : this.computer;
    for (const file of files) {
      if (file.size > MAX_DROP) {
        this.error(`${file.name} is too large to drop here (over 2 MB).`);
        continue;
      }
      try {
        await pane.source.writeText(pane.source.join(toDir, file.name), await file.text());
        this.notices.show(`Copied ${file.name} to ${pane.source.side === 'board' ? 'the board' : 'this computer'}.`);
      } catch (error) {
        this.error(`Could not copy ${file.name}: ${(error as Error).message}`);
      }
      await pane.refresh();
    }
  }
}
