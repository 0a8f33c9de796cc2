// adafruit_bus_device, frozen into CircuitPython builds and used by Adafruit's sensor drivers:
// I2CDevice/SPIDevice wrappers with locking, written here to its documented API.

export const ADAFRUIT_BUS_DEVICE: Record<string, string> = {
  'adafruit_bus_device/__init__.py': '',
  'adafruit_bus_device/i2c_device.py': `"""I2CDevice: an I2C peripheral with bus locking (adafruit_bus_device API)."""


class I2CDevice:
    def __init__(self, i2c, device_address, probe=True):
        self.i2c = i2c
        self.device_address = device_address
        if probe:
            self.__probe_for_device()

    def readinto(self, buf, *, start=0, end=None):
        if end is None:
            end = len(buf)
        self.i2c.readfrom_into(self.device_address, buf, start=start, end=end)

    def write(self, buf, *, start=0, end=None):
        if end is None:
            end = len(buf)
        self.i2c.writeto(self.device_address, buf, start=start, end=end)

    def write_then_readinto(self, out_buffer, in_buffer, *, out_start=0, out_end=None, in_start=0, in_end=None):
        if out_end is None:
            out_end = len(out_buffer)
        if in_end is None:
            in_end = len(in_buffer)
        self.i2c.writeto_then_readfrom(
            self.device_address, out_buffer, in_buffer,
            out_start=out_start, out_end=out_end, in_start=in_start, in_end=in_end,
        )

    def __enter__(self):
        while not self.i2c.try_lock():
            pass
        return self

    def __exit__(self, exc_type, exc_val, exc_tb):
        self.i2c.unlock()
        return False

    def __probe_for_device(self):
        while not self.i2c.try_lock():
            pass
        try:
            self.i2c.writeto(self.device_address, b"")
        except OSError:
            try:
                result = bytearray(1)
                self.i2c.readfrom_into(self.device_address, result)
            except OSError:
                raise ValueError("No I2C device at address: 0x%x" % self.device_address)
        finally:
            self.i2c.unlock()
`,
  'adafruit_bus_device/spi_device.py': `"""SPIDevice: an SPI peripheral with bus locking and chip select (adafruit_bus_device API)."""


class SPIDevice:
    def __init__(self, spi, chip_select=None, *, cs_active_value=False, baudrate=100000, polarity=0, phase=0, extra_clocks=0):
        self.spi = spi
        self.baudrate = baudrate
        self.polarity = polarity
        self.phase = phase
        self.extra_clocks = extra_clocks
        self.chip_select = chip_select
        self.cs_active_value = cs_active_value
        if self.chip_select:
            self.chip_select.switch_to_output(value=not self.cs_active_value)

    def __enter__(self):
        while not self.spi.try_lock():
            pass
        self.spi.configure(baudrate=self.baudrate, polarity=self.polarity, phase=self.phase)
        if self.chip_select:
            self.chip_select.value = self.cs_active_value
        return self.spi

    def __exit__(self, exc_type, exc_val, exc_tb):
        if self.chip_select:
            self.chip_select.value = not self.cs_active_value
        self.spi.unlock()
        return False
`,
};
