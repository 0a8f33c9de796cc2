// The firmware catalogue (resources/firmware/catalog.json): boards × flavour × version with
// each build's official address. The schema checks the file on load (a refreshed or hand-edited
// catalogue is data from outside); the helpers answer the questions both main and the renderer
// ask: which board is this id, which builds does it have, which is newest.
import * as v from 'valibot';

/** The firmware a board can run. */
export const FLAVOURS = ['micropython', 'circuitpython'] as const;
export type Flavour = (typeof FLAVOURS)[number];

/** How firmware gets onto the board: a UF2 drive, esptool over serial, or a DAPLink (micro:bit) drive. */
export type InstallMethod = 'uf2' | 'esptool' | 'daplink';

const hex = v.pipe(v.string(), v.regex(/^0x[0-9a-f]+$/i));
const buildSchema = v.object({
  flavour: v.picklist(FLAVOURS),
  version: v.pipe(v.string(), v.regex(/^\d+\.\d+(\.\d+)?(-[\w.]+)?$/)),
  url: v.pipe(v.string(), v.url(), v.startsWith('https://')),
  /** Bytes, where known. */
  size: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1))),
  /** Lower-case hex SHA-256, only where the publisher gives one. */
  sha256: v.optional(v.pipe(v.string(), v.regex(/^[0-9a-f]{64}$/))),
});

const boardSchema = v.object({
  /** MicroPython's board name (RPI_PICO_W); boards MicroPython lacks get one in the same style. */
  id: v.pipe(v.string(), v.regex(/^[A-Z0-9_]+$/)),
  name: v.string(),
  vendor: v.string(),
  chip: v.string(),
  /** MICROPY_HW_BOARD_NAME: what MicroPython's banner says ("Raspberry Pi Pico W"). */
  hwName: v.optional(v.string()),
  install: v.picklist(['uf2', 'esptool', 'daplink']),
  uf2Family: v.optional(hex),
  /** Where MicroPython's .bin goes; CircuitPython's may differ. */
  flashOffset: v.optional(hex),
  circuitpythonFlashOffset: v.optional(hex),
  /** Lower-case "vid:pid" of the running firmware's USB serial port. */
  usb: v.optional(v.array(v.pipe(v.string(), v.regex(/^[0-9a-f]{4}:[0-9a-f]{4}$/)))),
  /** What INFO_UF2.TXT says on this board's bootloader drive. */
  bootloader: v.optional(v.object({ boardId: v.optional(v.string()), model: v.optional(v.string()) })),
  /** DETAILS.TXT board ids (micro:bit). */
  microbitIds: v.optional(v.array(v.string())),
  /** The board to assume when only the chip is known (a bare RPI-RP2 drive is most often a Pico). */
  default: v.optional(v.boolean()),
  /** CircuitPython's id for the board (boot_out.txt "Board ID:"). */
  circuitpythonId: v.optional(v.string()),
  aliases: v.optional(v.array(v.string())),
  builds: v.array(buildSchema),
});

export const catalogSchema = v.object({
  schema: v.literal(1),
  updated: v.string(),
  licences: v.optional(v.record(v.string(), v.string())),
  boards: v.array(boardSchema),
});

/** One firmware build of a board: flavour, version and its official address. */
export type CatalogBuild = v.InferOutput<typeof buildSchema>;
/** A board the catalogue knows, with its builds (newest first once normalised). */
export type CatalogBoard = v.InferOutput<typeof boardSchema>;
/** The whole catalogue. */
export type Catalog = v.InferOutput<typeof catalogSchema>;

/**
 * Compares two versions ("1.27.0", "10.2.0-alpha.1") newest-last: a pre-release sorts before its
 * release, and numbered parts compare as numbers.
 */
export function compareVersions(a: string, b: string): number {
  const [coreA, preA] = splitVersion(a);
  const [coreB, preB] = splitVersion(b);
  for (let i = 0; i < Math.max(coreA.length, coreB.length); i++) {
    const d = (coreA[i] ?? 0) - (coreB[i] ?? 0);
    if (d) return d;
  }
  if (preA === preB) return 0;
  if (!preA) return 1;
  if (!preB) return -1;
  return preA.localeCompare(preB, 'en', { numeric: true });
}

function splitVersion(s: string): [number[], string] {
  const dash = s.indexOf('-');
  const core = dash < 0 ? s : s.slice(0, dash);
  return [core.split('.').map((n) => Number(n) || 0), dash < 0 ? '' : s.slice(dash + 1)];
}

/** Whether a version is a pre-release (alpha, beta, rc, preview). */
export function isPrerelease(version: string): boolean {
  return version.includes('-');
}

/** The board with this id, alias or CircuitPython id, ignoring case; null if the catalogue lacks it. */
export function findBoard(catalog: Catalog, id: string): CatalogBoard | null {
  const want = id.trim().toUpperCase();
  return catalog.boards.find((b) => b.id === want || b.aliases?.some((a) => a.toUpperCase() === want) || b.circuitpythonId?.toUpperCase() === want) ?? null;
}

/** The board's builds of one flavour, newest first (stable releases before pre-releases of the same rank). */
export function buildsOf(board: CatalogBoard, flavour: Flavour): CatalogBuild[] {
  return board.builds.filter((b) => b.flavour === flavour).sort((x, y) => compareVersions(y.version, x.version));
}

/** The file name an address ends in ("RPI_PICO-20251209-v1.27.0.uf2"). */
export function buildFileName(build: CatalogBuild): string {
  return decodeURIComponent(build.url.split(/[?#]/)[0].split('/').pop() ?? '');
}

/** The part of a mounted drive that says which board it belongs to (shared/contracts/drives.ts). */
export interface DriveClues {
  kind: 'circuitpython' | 'uf2-bootloader' | 'microbit';
  uf2Info?: Record<string, string>;
  microbitBoardId?: string;
  bootOut?: { boardId?: string };
}

/**
 * The boards a drive may belong to, the likeliest first: INFO_UF2.TXT's Board-ID or Model, the
 * micro:bit's DETAILS.TXT id, CIRCUITPY's boot_out.txt board id. An RP2040 ROM says only
 * "RPI-RP2", so every RP2040 board fits and the one marked default (the Pico) comes first.
 */
export function boardsForDrive(catalog: Catalog, drive: DriveClues): CatalogBoard[] {
  let fits: CatalogBoard[] = [];
  if (drive.kind === 'uf2-bootloader') {
    const id = (drive.uf2Info?.['Board-ID'] ?? '').toUpperCase();
    const model = (drive.uf2Info?.Model ?? '').toUpperCase();
    fits = catalog.boards.filter((b) => {
      const want = b.bootloader;
      if (!want) return false;
      return (want.boardId !== undefined && id === want.boardId.toUpperCase()) || (want.model !== undefined && model.includes(want.model.toUpperCase()));
    });
  } else if (drive.kind === 'microbit') {
    // very old DAPLink has no board id: that is a V1
    const id = (drive.microbitBoardId ?? '9900').toUpperCase();
    fits = catalog.boards.filter((b) => b.microbitIds?.some((m) => m.toUpperCase() === id));
  } else if (drive.bootOut?.boardId) {
    const board = findBoard(catalog, drive.bootOut.boardId);
    fits = board ? [board] : [];
  }
  return [...fits].sort((a, b) => Number(!!b.default) - Number(!!a.default));
}

/** The boards whose running firmware shows this USB id ("2e8a:0005"), the default first. */
export function boardsForUsb(catalog: Catalog, vendorId: string, productId: string): CatalogBoard[] {
  const key = `${vendorId}:${productId}`.toLowerCase();
  return catalog.boards.filter((b) => b.usb?.includes(key)).sort((a, b) => Number(!!b.default) - Number(!!a.default));
}
