// The vocabulary of main/net: why a request is made (every outbound request names a purpose a
// person asked for), what a finished download is, and the log entry each request leaves.

/**
 * Why Mote goes out to the network. There is deliberately no background purpose: each one is
 * started by a person (a Download button, `mote firmware download`, a catalogue refresh).
 */
export type NetPurpose = 'firmware' | 'firmware-catalog' | 'library' | 'library-index';

/** The folders under <data>/cache that downloads may be placed in (shared with libraries). */
export type CacheKind = 'firmware' | 'libraries';

/** One line of the network log: what was asked for, why, where it actually went, and how it ended. */
export interface NetLogEntry {
  at: string;
  purpose: NetPurpose;
  /** The official address the caller asked for. */
  url: string;
  /** Where the request went after the mirror rewrite (a URL or a folder path). */
  source: string;
  /** 'ok', 'cancelled', or the failure's message. */
  outcome: string;
  bytes: number;
  /** How many times a dropped connection was picked up again with a Range request. */
  resumed: number;
}

/** Progress of one transfer; `total` is null while the size is unknown. */
export type NetProgress = (done: number, total: number | null) => void;

/** A file that landed in the cache. */
export interface CachedFile {
  /** Absolute path inside <data>/cache/<kind>/. */
  path: string;
  size: number;
  /** Lower-case hex SHA-256 of the whole file, computed while it arrived. */
  sha256: string;
  /** The dropped connections this download survived. */
  resumed: number;
}
