// Test helper: a small CircuitPython library bundle laid out as Adafruit's release assets
// (firmware-and-libraries.md §5.2): the py zip, a 9.x-mpy zip, and the bundle JSON; bme280
// needs bus_device through requirements.txt and register through the JSON only.
import { buildZip } from './zip-builder';

const PREFIX = 'adafruit-circuitpython-bundle';

const SOURCES: Record<string, { version: string; files: Record<string, string>; requirements?: string }> = {
  adafruit_bme280: {
    version: '2.6.28',
    files: {
      'adafruit_bme280/__init__.py': '',
      'adafruit_bme280/basic.py': 'from adafruit_bus_device import i2c_device\nclass Adafruit_BME280_I2C:\n    def __init__(self, i2c, address=0x77):\n        self.device = i2c_device.I2CDevice(i2c, address)\n    @property\n    def temperature(self):\n        return 21.5\n',
    },
    requirements: 'Adafruit-Blinka\nadafruit-circuitpython-busdevice\n',
  },
  adafruit_bus_device: {
    version: '5.2.10',
    files: { 'adafruit_bus_device/__init__.py': '', 'adafruit_bus_device/i2c_device.py': 'class I2CDevice:\n    def __init__(self, i2c, address):\n        self.i2c = i2c\n        self.address = address\n' },
  },
  adafruit_register: { version: '1.10.1', files: { 'adafruit_register/__init__.py': '', 'adafruit_register/i2c_bit.py': 'class RWBit:\n    pass\n' } },
  simpleio: { version: '3.0.1', files: { 'simpleio.py': 'def map_range(x, a, b, c, d):\n    return c + (x - a) * (d - c) / (b - a)\n' } },
};

/** file name → bytes of the release assets for `tag`. */
export function buildBundleZips(tag: string): Map<string, Buffer> {
  const py: Record<string, string> = {};
  const mpy: Record<string, string | Uint8Array> = {};
  const json: Record<string, unknown> = {};
  for (const [name, lib] of Object.entries(SOURCES)) {
    for (const [path, source] of Object.entries(lib.files)) {
      // the bundle build replaces each library's placeholder version with its tag
      const text = path.endsWith('__init__.py') || !source ? source : `${source}__version__ = "${lib.version}"\n`;
      py[`${PREFIX}-py-${tag}/lib/${path}`] = text;
      mpy[`${PREFIX}-9.x-mpy-${tag}/lib/${path.replace(/\.py$/, '.mpy')}`] = Buffer.concat([Buffer.from([0x43, 6]), Buffer.from(`${text}\0${lib.version}\0`)]);
    }
    if (lib.requirements) py[`${PREFIX}-py-${tag}/requirements/${name}/requirements.txt`] = lib.requirements;
    json[name] = { package: Object.keys(lib.files)[0].includes('/'), version: lib.version, dependencies: name === 'adafruit_bme280' ? ['adafruit_bus_device', 'adafruit_register'] : [], pypi_description: `CircuitPython ${name} library` };
  }
  // the mpy zip lacks simpleio, so its py copy stands in
  for (const k of Object.keys(mpy)) if (k.includes('/simpleio')) delete mpy[k];
  py[`${PREFIX}-py-${tag}/README.txt`] = 'bundle';
  return new Map([
    [`${PREFIX}-py-${tag}.zip`, buildZip(py)],
    [`${PREFIX}-9.x-mpy-${tag}.zip`, buildZip(mpy)],
    [`${PREFIX}-${tag}.json`, Buffer.from(JSON.stringify(json))],
  ]);
}
