// The shipped catalogue is valid and covers the boards issue 12 names; a refreshed copy is used
// only when it is valid and not older.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { boardsForDrive, boardsForUsb, buildsOf, findBoard } from '../../shared/firmware-catalog';
import { loadCatalog, readCatalog } from './catalog-store';

const SHIPPED = join(__dirname, '..', '..', 'resources', 'firmware', 'catalog.json');
let dir = '';
afterEach(() => dir && rmSync(dir, { recursive: true, force: true }));

describe('the shipped catalogue', () => {
  it('is valid and has MicroPython or CircuitPython for every board the issue names', async () => {
    const catalog = await readCatalog(SHIPPED);
    const ids = ['RPI_PICO', 'RPI_PICO_W', 'RPI_PICO2', 'RPI_PICO2_W', 'ADAFRUIT_FEATHER_RP2040', 'ADAFRUIT_QTPY_RP2040', 'ADAFRUIT_CIRCUITPLAYGROUND_EXPRESS', 'ADAFRUIT_CIRCUITPLAYGROUND_BLUEFRUIT', 'BBC_MICROBIT_V1', 'BBC_MICROBIT_V2', 'ESP32_GENERIC', 'ESP32_GENERIC_S3', 'ESP32_GENERIC_C3', 'ESP8266_GENERIC'];
    expect(catalog.boards.map((b) => b.id).sort()).toEqual([...ids].sort());
    for (const b of catalog.boards) expect(b.builds.length, b.id).toBeGreaterThan(0);
    expect(buildsOf(findBoard(catalog, 'rpi_pico2_w')!, 'micropython')[0].url).toBe('https://micropython.org/resources/firmware/RPI_PICO2_W-20251209-v1.27.0.uf2');
    expect(buildsOf(findBoard(catalog, 'raspberry_pi_pico')!, 'circuitpython').map((b) => b.version)).toEqual(['10.1.4', '9.2.9']);
    expect(findBoard(catalog, 'microbit')?.id).toBe('BBC_MICROBIT_V1');
  });

  it('tells boards from their bootloader drive and USB id', async () => {
    const catalog = await readCatalog(SHIPPED);
    expect(boardsForDrive(catalog, { kind: 'uf2-bootloader', uf2Info: { 'Board-ID': 'RP2350', Model: 'Raspberry Pi RP2350' } }).map((b) => b.id)).toEqual(['RPI_PICO2', 'RPI_PICO2_W']);
    expect(boardsForDrive(catalog, { kind: 'uf2-bootloader', uf2Info: { 'Board-ID': 'SAMD21G18A-CPlay-v0', Model: 'CPlay Express' } }).map((b) => b.id)).toEqual(['ADAFRUIT_CIRCUITPLAYGROUND_EXPRESS']);
    expect(boardsForDrive(catalog, { kind: 'microbit', microbitBoardId: '9905' }).map((b) => b.id)).toEqual(['BBC_MICROBIT_V2']);
    expect(boardsForDrive(catalog, { kind: 'microbit' }).map((b) => b.id)).toEqual(['BBC_MICROBIT_V1']);
    expect(boardsForDrive(catalog, { kind: 'circuitpython', bootOut: { boardId: 'adafruit_qtpy_rp2040' } }).map((b) => b.id)).toEqual(['ADAFRUIT_QTPY_RP2040']);
    expect(boardsForUsb(catalog, '239A', '80F2').map((b) => b.id)).toEqual(['ADAFRUIT_FEATHER_RP2040']);
  });
});

describe('loadCatalog', () => {
  it('uses a valid refreshed copy, and the shipped one when the copy is damaged', async () => {
    dir = mkdtempSync(join(tmpdir(), 'mote-cat-'));
    const shipped = await readCatalog(SHIPPED);
    writeFileSync(join(dir, 'catalog.json'), JSON.stringify({ ...shipped, updated: '2099-01-01', boards: shipped.boards.slice(0, 1) }));
    expect((await loadCatalog(SHIPPED, dir)).boards).toHaveLength(1);
    writeFileSync(join(dir, 'catalog.json'), JSON.stringify({ ...shipped, updated: '2099-01-01', boards: [{ id: 'x' }] }));
    expect((await loadCatalog(SHIPPED, dir)).boards).toHaveLength(14);
    await expect(readCatalog(join(dir, 'catalog.json'))).rejects.toMatchObject({ code: 'invalid-file', message: expect.stringMatching(/catalog\.json is not valid: boards\.0\.id/) });
  });
});
