# BME280 temperature, pressure and humidity over I2C, with the datasheet's floating-point
# compensation formulas: BME280(i2c, address=0x76).read() -> (°C, hPa, %RH).
import struct

class BME280:
    def __init__(self, i2c, address=0x76):
        self.i2c = i2c
        self.address = address
        if self._read(0xD0, 1)[0] != 0x60:
            raise OSError("no BME280 at", hex(address))
        cal = self._read(0x88, 26)
        self.T1, self.T2, self.T3 = struct.unpack("<Hhh", cal[0:6])
        self.P = struct.unpack("<Hhhhhhhhh", cal[6:24])
        self.H1 = cal[25]
        h = self._read(0xE1, 7)
        self.H2 = struct.unpack("<h", h[0:2])[0]
        self.H3 = h[2]
        e4 = h[3] - 256 if h[3] > 127 else h[3]
        e6 = h[5] - 256 if h[5] > 127 else h[5]
        self.H4 = (e4 << 4) | (h[4] & 0x0F)
        self.H5 = (e6 << 4) | (h[4] >> 4)
        self.H6 = h[6] - 256 if h[6] > 127 else h[6]
        self._write(0xF2, 0x01)

    def _read(self, reg, n):
        return self.i2c.readfrom_mem(self.address, reg, n)

    def _write(self, reg, value):
        self.i2c.writeto_mem(self.address, reg, bytes([value]))

    def read(self):
        self._write(0xF4, 0x25)  # forced mode, x1 oversampling
        while self._read(0xF3, 1)[0] & 0x08:
            pass
        d = self._read(0xF7, 8)
        adc_p = (d[0] << 12) | (d[1] << 4) | (d[2] >> 4)
        adc_t = (d[3] << 12) | (d[4] << 4) | (d[5] >> 4)
        adc_h = (d[6] << 8) | d[7]
        v1 = (adc_t / 16384 - self.T1 / 1024) * self.T2
        v2 = (adc_t / 131072 - self.T1 / 8192) ** 2 * self.T3
        t_fine = v1 + v2
        P1, P2, P3, P4, P5, P6, P7, P8, P9 = self.P
        a = t_fine / 2 - 64000
        b = a * a * P6 / 32768 + a * P5 * 2
        b = b / 4 + P4 * 65536
        a = (P3 * a * a / 524288 + P2 * a) / 524288
        a = (1 + a / 32768) * P1
        p = 1048576 - adc_p
        p = (p - b / 4096) * 6250 / a
        p = p + (P9 * p * p / 2147483648 + p * P8 / 32768 + P7) / 16
        h = t_fine - 76800
        h = (adc_h - (self.H4 * 64 + self.H5 / 16384 * h)) * (self.H2 / 65536 * (1 + self.H6 / 67108864 * h * (1 + self.H3 / 67108864 * h)))
        h = h * (1 - self.H1 * h / 524288)
        return t_fine / 5120, p / 100, min(100, max(0, h))
