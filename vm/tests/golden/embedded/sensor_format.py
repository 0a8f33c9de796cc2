readings = [21.456, 22.0, 19.95, 23.5]
for i, t in enumerate(readings):
    print("Sensor {}: {:.1f}°C ({:5.1f}°F)".format(i, t, t * 9 / 5 + 32))
avg = sum(readings) / len(readings)
print("avg=%.2f min=%.1f max=%.1f" % (avg, min(readings), max(readings)))
print(f"{'OK' if avg < 25 else 'HOT'}: {avg:.3f}")
