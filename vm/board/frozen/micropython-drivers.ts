// The sensor drivers the RP2 firmware freezes in from micropython-lib (dht, onewire, ds18x20),
// written here to their documented API over the native dht_readinto and _onewire, so tutorial
// programs import them as on a board (and a copy in the project's root shadows them, as there).

const DHT = `"""DHT11 and DHT22 temperature and humidity sensors (micropython-lib dht API)."""
import sys

if sys.platform.startswith("esp"):
    from esp import dht_readinto
elif sys.platform == "rp2":
    from rp2 import dht_readinto
else:
    from machine import dht_readinto


class DHTBase:
    def __init__(self, pin):
        self.pin = pin
        self.buf = bytearray(5)

    def measure(self):
        buf = self.buf
        dht_readinto(self.pin, buf)
        if (buf[0] + buf[1] + buf[2] + buf[3]) & 0xFF != buf[4]:
            raise Exception("checksum error")


class DHT11(DHTBase):
    def humidity(self):
        return self.buf[0]

    def temperature(self):
        return self.buf[2]


class DHT22(DHTBase):
    def humidity(self):
        return (self.buf[0] << 8 | self.buf[1]) * 0.1

    def temperature(self):
        t = ((self.buf[2] & 0x7F) << 8 | self.buf[3]) * 0.1
        if self.buf[2] & 0x80:
            t = -t
        return t
`;

const ONEWIRE = `"""1-Wire bus on one pin (micropython-lib onewire API)."""
import _onewire as _ow


class OneWireError(Exception):
    pass


class OneWire:
    SEARCH_ROM = 0xF0
    MATCH_ROM = 0x55
    SKIP_ROM = 0xCC

    def __init__(self, pin):
        self.pin = pin
        self.pin.init(pin.OPEN_DRAIN, pin.PULL_UP)

    def reset(self, required=False):
        present = _ow.reset(self.pin)
        if required and not present:
            raise OneWireError
        return present

    def readbit(self):
        return _ow.readbit(self.pin)

    def readbyte(self):
        return _ow.readbyte(self.pin)

    def readinto(self, buf):
        for i in range(len(buf)):
            buf[i] = _ow.readbyte(self.pin)

    def writebit(self, value):
        return _ow.writebit(self.pin, value)

    def writebyte(self, value):
        return _ow.writebyte(self.pin, value)

    def write(self, buf):
        for b in buf:
            _ow.writebyte(self.pin, b)

    def select_rom(self, rom):
        self.reset()
        self.writebyte(self.MATCH_ROM)
        self.write(rom)

    def scan(self):
        # Maxim's ROM search: walk the 64-bit tree, taking the 1 branch at the deepest
        # fork where the previous pass took 0, until no fork is left
        found = []
        rom = bytearray(8)
        last_fork = -1
        while True:
            if not self.reset():
                return found
            self.writebyte(self.SEARCH_ROM)
            fork = -1
            for i in range(64):
                bit = self.readbit()
                comp = self.readbit()
                if bit and comp:
                    return found
                if bit != comp:
                    choice = bit
                elif i < last_fork:
                    choice = (rom[i >> 3] >> (i & 7)) & 1
                else:
                    choice = 1 if i == last_fork else 0
                if bit == comp and not choice:
                    fork = i
                if choice:
                    rom[i >> 3] |= 1 << (i & 7)
                else:
                    rom[i >> 3] &= ~(1 << (i & 7))
                self.writebit(choice)
            found.append(bytearray(rom))
            if fork < 0:
                return found
            last_fork = fork

    def crc8(self, data):
        return _ow.crc8(data)
`;

const DS18X20 = `"""DS18x20 temperature sensors on a 1-Wire bus (micropython-lib ds18x20 API)."""
from micropython import const

_CONVERT = const(0x44)
_RD_SCRATCH = const(0xBE)
_WR_SCRATCH = const(0x4E)


class DS18X20:
    def __init__(self, onewire):
        self.ow = onewire
        self.buf = bytearray(9)

    def scan(self):
        return [rom for rom in self.ow.scan() if rom[0] in (0x10, 0x22, 0x28)]

    def convert_temp(self):
        self.ow.reset(True)
        self.ow.writebyte(self.ow.SKIP_ROM)
        self.ow.writebyte(_CONVERT)

    def read_scratch(self, rom):
        self.ow.reset(True)
        self.ow.select_rom(rom)
        self.ow.writebyte(_RD_SCRATCH)
        self.ow.readinto(self.buf)
        if self.ow.crc8(self.buf):
            raise Exception("CRC error")
        return self.buf

    def write_scratch(self, rom, buf):
        self.ow.reset(True)
        self.ow.select_rom(rom)
        self.ow.writebyte(_WR_SCRATCH)
        self.ow.write(buf)

    def read_temp(self, rom):
        buf = self.read_scratch(rom)
        raw = buf[0] | buf[1] << 8
        if raw >= 0x8000:
            raw -= 0x10000
        if rom[0] == 0x10:
            # DS18S20: half degrees, refined with COUNT_REMAIN / COUNT_PER_C
            return (raw >> 1) - 0.25 + (buf[7] - buf[6]) / buf[7]
        return raw / 16
`;

export const MICROPYTHON_DRIVERS: Record<string, string> = {
  'dht.py': DHT,
  'onewire.py': ONEWIRE,
  'ds18x20.py': DS18X20,
};
