// Which serial ports the board picker offers first: USB serial devices, where boards are. A
// motherboard UART (/dev/ttyS0), Bluetooth serial ports and the like wait behind "Show all ports".
import type { PortInfo } from '../../shared/contracts/serial';

/** Device names of USB serial ports on Linux and macOS (Windows COM ports are judged by their USB ids). */
const USB_PATH = /\/dev\/(ttyACM|ttyUSB|cu\.usbmodem|cu\.usbserial|tty\.usbmodem|tty\.usbserial|cu\.wchusbserial|cu\.SLAB_USBtoUART)/;

/** Whether a port is a USB serial device (the only kind a board plugged in shows up as). */
export function isUsbPort(port: PortInfo): boolean {
  return port.vendorId !== undefined || port.isKnownBoard || USB_PATH.test(port.path);
}

/** The ports to offer first, and the rest (shown on request); `keep` stays in the first list whatever it is. */
export function splitPorts(ports: PortInfo[], keep?: string): { usb: PortInfo[]; other: PortInfo[] } {
  const usb = ports.filter((p) => isUsbPort(p) || p.path === keep);
  return { usb, other: ports.filter((p) => !usb.includes(p)) };
}
