import { describe, expect, it } from 'vitest';
import { importedModules, missingModule, notBuiltIn } from './missing-module';

describe('missing modules', () => {
  it('reads the module from MicroPython, CircuitPython and CPython wordings', () => {
    expect(missingModule("ImportError: no module named 'ssd1306'")).toBe('ssd1306');
    expect(missingModule("ImportError: no module named 'umqtt.simple'")).toBe('umqtt.simple');
    expect(missingModule("ModuleNotFoundError: No module named 'adafruit_bme280'")).toBe('adafruit_bme280');
    expect(missingModule("ImportError: can't import name foo")).toBeNull();
    expect(missingModule('NameError: name x is not defined')).toBeNull();
  });
  it('lists what a program imports, each once, ignoring comments and relative imports', () => {
    expect(importedModules('import machine, ssd1306\nfrom umqtt.simple import MQTTClient\n# import nothing\nfrom . import x\nimport ssd1306 as s\n  import time')).toEqual(['machine', 'ssd1306', 'umqtt.simple', 'time']);
  });
  it('keeps only the imports no firmware builds in', () => {
    expect(notBuiltIn(['machine', 'time', 'ssd1306', 'umqtt.simple', 'os.path'], 'micropython')).toEqual(['ssd1306', 'umqtt.simple']);
    expect(notBuiltIn(['board', 'digitalio', 'adafruit_bme280.basic'], 'circuitpython')).toEqual(['adafruit_bme280.basic']);
  });
});
