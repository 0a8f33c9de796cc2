// The two places Files shows, behind one interface: the workspace folder on the computer
// (workspace:*) and the connected board (board-fs:*). Paths are each side's own: computer
// paths are workspace-relative ('.' is the root), board paths are absolute ('/').
import { call } from '../api';

export interface FileEntry {
  path: string;
  name: string;
  kind: 'file' | 'dir';
  size: number;
}

export interface FileSource {
  readonly side: 'computer' | 'board';
  readonly title: string;
  readonly root: string;
  list(dir: string): Promise<FileEntry[]>;
  mkdir(path: string): Promise<void>;
  remove(entry: FileEntry): Promise<void>;
  rename(from: string, to: string): Promise<void>;
  writeText(path: string, text: string): Promise<void>;
  join(dir: string, name: string): string;
  parent(path: string): string;
  /** Free bytes where `dir` lives, when this side can tell (the board: a full board fails writes). */
  free?(dir: string): Promise<number | null>;
}

export const computerSource: FileSource = {
  side: 'computer',
  title: 'This computer',
  root: '.',
  list: (dir) => call('workspace:list', { path: dir }),
  mkdir: async (path) => void (await call('workspace:mkdir', { path })),
  remove: async (entry) => void (await call('workspace:remove', { path: entry.path })),
  rename: async (from, to) => void (await call('workspace:rename', { from, to })),
  writeText: async (path, text) => void (await call('workspace:write-text', { path, text })),
  join: (dir, name) => (dir === '.' || dir === '' ? name : `${dir}/${name}`),
  parent: (path) => (path.includes('/') ? path.slice(0, path.lastIndexOf('/')) : '.'),
};

export const boardSource: FileSource = {
  side: 'board',
  title: 'Board',
  root: '/',
  list: (dir) => call('board-fs:list', { path: dir }),
  mkdir: async (path) => void (await call('board-fs:mkdir', { path })),
  remove: async (entry) => void (await call('board-fs:remove', { path: entry.path, recursive: entry.kind === 'dir' })),
  rename: async (from, to) => void (await call('board-fs:rename', { from, to })),
  writeText: async (path, text) => void (await call('board-fs:write-text', { path, text })),
  join: (dir, name) => (dir.endsWith('/') ? `${dir}${name}` : `${dir}/${name}`),
  parent: (path) => path.slice(0, path.lastIndexOf('/')) || '/',
  free: (dir) => call('board-fs:free', { path: dir }),
};
