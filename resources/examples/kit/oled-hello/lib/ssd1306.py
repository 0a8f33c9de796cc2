# SSD1306 OLED driver (I2C and SPI) on framebuf, with the API tutorials use:
# SSD1306_I2C(width, height, i2c, addr=0x3C), text/fill/pixel... from FrameBuffer, then show().
import framebuf

_INIT = (
    0xAE,        # display off
    0x20, 0x00,  # horizontal addressing
    0x40,        # start line 0
    0xA1,        # column 127 is SEG0
    0xC8,        # scan COM[N-1] to COM0
    0xD3, 0x00,  # no display offset
    0xD5, 0x80,  # clock divide
    0xDB, 0x30,  # VCOMH deselect level
    0xA4,        # show RAM
    0xA6,        # not inverted
)


class SSD1306(framebuf.FrameBuffer):
    def __init__(self, width, height, external_vcc):
        self.width = width
        self.height = height
        self.external_vcc = external_vcc
        self.pages = height // 8
        self.buffer = bytearray(self.pages * width)
        super().__init__(self.buffer, width, height, framebuf.MONO_VLSB)
        self.init_display()

    def init_display(self):
        for cmd in _INIT:
            self.write_cmd(cmd)
        self.write_cmd(0xA8)
        self.write_cmd(self.height - 1)
        self.write_cmd(0xDA)
        self.write_cmd(0x02 if self.width > 2 * self.height else 0x12)
        self.write_cmd(0xD9)
        self.write_cmd(0x22 if self.external_vcc else 0xF1)
        self.write_cmd(0x8D)
        self.write_cmd(0x10 if self.external_vcc else 0x14)
        self.contrast(0xFF)
        self.fill(0)
        self.show()
        self.poweron()

    def poweroff(self):
        self.write_cmd(0xAE)

    def poweron(self):
        self.write_cmd(0xAF)

    def contrast(self, value):
        self.write_cmd(0x81)
        self.write_cmd(value)

    def invert(self, on):
        self.write_cmd(0xA7 if on else 0xA6)

    def rotate(self, flipped):
        self.write_cmd(0xC0 if flipped else 0xC8)
        self.write_cmd(0xA0 if flipped else 0xA1)

    def show(self):
        first = (128 - self.width) // 2
        for cmd in (0x21, first, first + self.width - 1, 0x22, 0, self.pages - 1):
            self.write_cmd(cmd)
        self.write_data(self.buffer)


class SSD1306_I2C(SSD1306):
    def __init__(self, width, height, i2c, addr=0x3C, external_vcc=False):
        self.i2c = i2c
        self.addr = addr
        self._cmd = bytearray(2)
        self._data = [b"\x40", None]
        super().__init__(width, height, external_vcc)

    def write_cmd(self, cmd):
        self._cmd[0] = 0x80  # Co = 1, D/C# = 0: one command byte
        self._cmd[1] = cmd
        self.i2c.writeto(self.addr, self._cmd)

    def write_data(self, buf):
        self._data[1] = buf
        self.i2c.writevto(self.addr, self._data)


class SSD1306_SPI(SSD1306):
    def __init__(self, width, height, spi, dc, res, cs, external_vcc=False):
        self.spi = spi
        self.dc = dc
        self.res = res
        self.cs = cs
        for pin in (dc, res, cs):
            pin.init(pin.OUT, value=0)
        self.cs(1)
        self.res(1)
        self.res(0)
        self.res(1)
        super().__init__(width, height, external_vcc)

    def write_cmd(self, cmd):
        self.cs(1)
        self.dc(0)
        self.cs(0)
        self.spi.write(bytearray([cmd]))
        self.cs(1)

    def write_data(self, buf):
        self.cs(1)
        self.dc(1)
        self.cs(0)
        self.spi.write(buf)
        self.cs(1)
