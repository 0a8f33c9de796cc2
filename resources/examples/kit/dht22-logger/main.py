# DHT22 logger: a DHT22 on GP15 read every 2 seconds (it cannot answer more often); the
# Plotter draws temperature and humidity.
from machine import Pin
import dht
import time

sensor = dht.DHT22(Pin(15))
while True:
    try:
        sensor.measure()
        print("temperature: %.1f humidity: %.1f" % (sensor.temperature(), sensor.humidity()))
    except OSError as e:
        print("no reading:", e)
    time.sleep(2)
