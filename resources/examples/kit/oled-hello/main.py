# OLED hello + bar graph: a 128x64 SSD1306 on I2C0 (SDA GP8, SCL GP9) greets, then draws a
# bar graph of the potentiometer on GP26. Needs ssd1306.py in lib/ (included).
from machine import Pin, I2C, ADC
from ssd1306 import SSD1306_I2C
import time

i2c = I2C(0, sda=Pin(8), scl=Pin(9), freq=400000)
oled = SSD1306_I2C(128, 64, i2c)
pot = ADC(26)

oled.fill(0)
oled.text("Hello, Mote!", 0, 0)
oled.show()
time.sleep(1)

history = []
while True:
    level = pot.read_u16() * 100 // 65535
    history = (history + [level])[-16:]
    oled.fill(0)
    oled.text("Hello, Mote!", 0, 0)
    oled.text("pot: %d%%" % level, 0, 12)
    for i, v in enumerate(history):
        h = v * 40 // 100
        oled.fill_rect(i * 8, 63 - h, 6, h, 1)
    oled.show()
    print("pot:", level)
    time.sleep(0.2)
