# BME280 weather station: a BME280 on I2C0 (SDA GP8, SCL GP9) at 0x76, read every 2 seconds;
# the Plotter draws temperature, pressure and humidity. Needs bme280.py in lib/ (included).
from machine import Pin, I2C
from bme280 import BME280
import time

i2c = I2C(0, sda=Pin(8), scl=Pin(9))
print("I2C devices:", [hex(a) for a in i2c.scan()])
sensor = BME280(i2c)
while True:
    t, p, h = sensor.read()
    print("temperature:", round(t, 1), "pressure:", round(p, 1), "humidity:", round(h, 1))
    time.sleep(2)
