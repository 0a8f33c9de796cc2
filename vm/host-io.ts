// What the VM needs from whoever hosts it (the board worker, the CLI, tests).
// The VM itself never touches Node, the DOM, timers or the real filesystem: everything
// that blocks or reaches outside goes through these two interfaces.

/**
 * HostIO is the VM's only window on the world: output, blocking input, time, and the
 * periodic poll through which interrupts and board events reach running Python code.
 */
export interface HostIO {
  /** Program output exactly as Python produced it ('\n' line ends; the board layer cooks them to '\r\n'). */
  write(text: string): void;
  /**
   * Optional: bytes sent to the serial port exactly as given (sys.stdout.buffer: no UTF-8, no CR
   * added). Hosts without it get the bytes through write() as Latin-1 text.
   */
  writeBytes?(data: Uint8Array): void;
  /**
   * Blocks until one byte of standard input is available and returns it (0..255).
   * Returns -1 at end of input, and -2 when an interrupt (Ctrl-C) arrived while waiting;
   * the VM then raises KeyboardInterrupt.
   */
  readByte(): number;
  /**
   * Optional: how many bytes of standard input readByte() can return now without blocking, after
   * waiting up to `ms` milliseconds (0: just look; Infinity: no limit) for one to arrive. Like
   * wait(), it returns early when something needs attention (an interrupt, a board event, a due
   * timer); the VM then polls and waits again. A host whose input has ended counts that as
   * readable (readByte then returns -1 at once). With it, select.poll sees typed keys and soft
   * IRQs keep running while input() and sys.stdin.read() wait (a board's MICROPY_EVENT_POLL_HOOK);
   * without it, stdin polls as always readable and reads block in readByte().
   */
  stdinReady?(ms: number): number;
  /**
   * Blocks for up to `ms` milliseconds. May return early when something needs attention
   * (an interrupt, a board event, a due timer); the VM then calls poll() and, if there is
   * time left, waits again. Never throws.
   */
  wait(ms: number): void;
  /**
   * Called by running code every few thousand loop back-edges and calls, and around every
   * wait. Returns true when Ctrl-C was requested (the request is consumed), in which case
   * the VM raises KeyboardInterrupt. Hosts also use this moment to deliver board events
   * (for example by scheduling Python callbacks through the interpreter).
   */
  poll(): boolean;
  /** Monotonic clock in milliseconds (fractional allowed), for time.ticks_* and time.monotonic. */
  monotonicMs(): number;
  /** Wall clock in milliseconds since 1970-01-01 UTC, for time.time and time.localtime. */
  wallMs(): number;
  /** The board's filesystem, or null when the host has none (open() then raises OSError ENODEV). */
  fs: VmFilesystem | null;
  /**
   * Optional: bytes of JS heap in use (e.g. process.memoryUsage().heapUsed). When present, the
   * VM samples it now and then and raises MemoryError if the program's heap grows far beyond
   * its heap limit, so a runaway allocation loop cannot exhaust the host.
   */
  memoryUsage?(): number;
  /**
   * Optional: micropython.kbd_intr(c). From now until the running program or command ends, the
   * byte c (0..255) interrupts it instead of Ctrl-C, or none does when c is -1, so a program can
   * read 0x03 from stdin as data. Hosts without it keep Ctrl-C armed (kbd_intr is then a no-op).
   */
  setInterruptChar?(c: number): void;
}

/** Stat result of a board file or folder; mode uses 0x4000 for folders and 0x8000 for files, as MicroPython does. */
export interface VmStat {
  mode: number;
  size: number;
  /** Seconds since 1970-01-01 UTC. */
  mtime: number;
}

/** statvfs of the board filesystem: block size, total blocks, free blocks. */
export interface VmStatvfs {
  bsize: number;
  blocks: number;
  bfree: number;
}

/**
 * The board's filesystem as the VM sees it: absolute, normalised board paths ('/lib/x.py';
 * the VM resolves the current directory and '..' before calling), synchronous calls, and
 * failures thrown as FsError with a POSIX errno (MicroPython uses Linux numbers).
 */
export interface VmFilesystem {
  stat(path: string): VmStat;
  listdir(path: string): string[];
  mkdir(path: string): void;
  rmdir(path: string): void;
  remove(path: string): void;
  rename(from: string, to: string): void;
  statvfs(): VmStatvfs;
  /** Opens a file and returns a handle. flags: 'r' read, 'w' truncate/create, 'a' append/create, 'x' exclusive create, each optionally with '+' for read and write. */
  open(path: string, flags: 'r' | 'w' | 'a' | 'x' | 'r+' | 'w+' | 'a+' | 'x+'): number;
  /** Reads up to n bytes from the current position; an empty array means end of file. */
  read(handle: number, n: number): Uint8Array;
  /** Writes all of data at the current position (or at the end in append mode); returns the count written. */
  write(handle: number, data: Uint8Array): number;
  /** Moves the position: whence 0 = start, 1 = current, 2 = end. Returns the new position. */
  seek(handle: number, offset: number, whence: 0 | 1 | 2): number;
  flush(handle: number): void;
  close(handle: number): void;
}

/** The error a VmFilesystem throws; the VM turns it into OSError(errno). */
export class FsError {
  constructor(
    /** POSIX errno: 2 ENOENT, 13 EACCES, 17 EEXIST, 20 ENOTDIR, 21 EISDIR, 22 EINVAL, 28 ENOSPC, 30 EROFS, 39 ENOTEMPTY. */
    readonly errno: number,
    readonly detail = '',
  ) {}
}
