// Telling what a firmware file is from its bytes: the files on a teacher's USB stick are named anything.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Catalog } from '../../shared/firmware-catalog';
import { espImage, hexRecord, microbitHex, uf2WithText, universalHex } from '../testing/firmware-images';
import { uf2Image } from '../testing/uf2-builder';
import { identifyFirmware } from './identify';

const catalog = JSON.parse(readFileSync(join(__dirname, '../../resources/firmware/catalog.json'), 'utf8')) as Catalog;
const id = (data: Uint8Array | string, name = 'firmware') => identifyFirmware(typeof data === 'string' ? Buffer.from(data) : data, name, catalog);

describe('identifyFirmware', () => {
  it('reads the board and version from a UF2 image whatever its name', () => {
    expect(id(uf2WithText('MicroPython v1.27.0 on 2025-12-09; Raspberry Pi Pico W with RP2040'), 'copy (2).uf2')).toMatchObject({ format: 'uf2', chip: 'RP2040', flavour: 'micropython', version: '1.27.0', boardId: 'RPI_PICO_W' });
    expect(id(uf2WithText('MicroPython v1.27.0 on 2025-12-09; Raspberry Pi Pico with RP2040'))).toMatchObject({ boardId: 'RPI_PICO' });
    expect(id(uf2WithText('MicroPython v1.26.1 on 2025-09-11; Raspberry Pi Pico 2 W with RP2350', { family: 0xe48bff59 }))).toMatchObject({ chip: 'RP2350', boardId: 'RPI_PICO2_W', version: '1.26.1' });
    expect(id(uf2WithText('Adafruit CircuitPython 10.1.4 on 2025-11-01; Adafruit QT Py RP2040 with rp2040 adafruit_qtpy_rp2040'))).toMatchObject({ flavour: 'circuitpython', version: '10.1.4', boardId: 'ADAFRUIT_QTPY_RP2040' });
  });

  it('falls back on the official file name to tell boards with one chip apart, and lists them when it cannot', () => {
    expect(id(uf2WithText('Adafruit CircuitPython 9.2.9'), 'adafruit-circuitpython-raspberry_pi_pico2-en_US-9.2.9.uf2')).toMatchObject({ chip: 'RP2040', boardId: null });
    expect(id(uf2WithText('MicroPython v1.27.0', { family: 0xe48bff59 }), 'RPI_PICO2-20251209-v1.27.0.uf2')).toMatchObject({ boardId: 'RPI_PICO2' });
    const bare = id(uf2Image(8));
    expect(bare).toMatchObject({ chip: 'RP2040', boardId: null, flavour: null, version: null });
    expect(bare.candidates).toEqual(['RPI_PICO', 'RPI_PICO_W', 'ADAFRUIT_FEATHER_RP2040', 'ADAFRUIT_QTPY_RP2040']);
  });

  it('reads the chip from an ESP image header and works out where it goes', () => {
    expect(id(espImage('ESP32', 8192, { text: 'MicroPython v1.27.0 on 2025-12-09; Generic ESP32 module with ESP32' }))).toMatchObject({ format: 'esp', chip: 'ESP32', boardId: 'ESP32_GENERIC', version: '1.27.0', address: 0x1000 });
    // CircuitPython's ESP32 .bin starts with the bootloader 0x1000 bytes in, and goes at 0x0
    expect(id(espImage('ESP32', 0x3000, { headerAt: 0x1000 }))).toMatchObject({ chip: 'ESP32', address: 0 });
    expect(id(espImage('ESP32-S3', 8192))).toMatchObject({ chip: 'ESP32-S3', boardId: 'ESP32_GENERIC_S3', address: 0 });
    expect(id(espImage('ESP32-C3', 8192))).toMatchObject({ chip: 'ESP32-C3', boardId: 'ESP32_GENERIC_C3' });
    expect(id(espImage('ESP8266', 8192))).toMatchObject({ chip: 'ESP8266', boardId: 'ESP8266_GENERIC', address: 0 });
  });

  it('tells the micro:bit generations apart', () => {
    expect(id(microbitHex(1, 'MicroPython v1.9.2-34 on 2018-09-13; micro:bit v1.1.1 with nRF51822'))).toMatchObject({ format: 'hex', chip: 'nRF51822', boardId: 'BBC_MICROBIT_V1', version: '1.1.1', title: 'MicroPython for micro:bit 1.1.1 (2018-09-13)' });
    expect(id(microbitHex(2, 'MicroPython v1.18 on 2023-10-30; micro:bit v2.1.2 with nRF52833'))).toMatchObject({ chip: 'nRF52833', boardId: 'BBC_MICROBIT_V2', version: '2.1.2' });
    expect(id(universalHex())).toMatchObject({ chip: 'nRF51822/nRF52833', candidates: ['BBC_MICROBIT_V1', 'BBC_MICROBIT_V2'] });
  });

  it('refuses what is not firmware, or is damaged, saying why', () => {
    expect(() => id('print("hello")\n')).toThrow(/not firmware Mote can install/);
    const hex = microbitHex(1, 'x').split('\n');
    hex[5] = hex[5].slice(0, -2) + (hex[5].endsWith('00') ? '01' : '00');
    expect(() => id(hex.join('\n'))).toThrow(/Line 6 of the hex file has a wrong checksum/);
    expect(() => id(microbitHex(1, 'x').split('\n').slice(0, 50).join('\n'))).toThrow(/no end-of-file record: it was cut short/);
    expect(() => id(hexRecord(0x00, 0, [1, 2]) + hexRecord(0x07, 0, []) + hexRecord(0x01, 0, []))).toThrow(/record type 0x07/);
    const esp = espImage('ESP32', 8192);
    esp[13] = 0x77;
    expect(() => id(esp)).toThrow(/not an ESP firmware image/);
    expect(() => id(uf2Image(8).subarray(0, 3000))).toThrow(/not a whole number of 512-byte UF2 blocks/);
  });
});
