// The Dallas/Maxim 1-Wire CRC-8 (polynomial x^8 + x^5 + x^4 + 1, bits taken LSB first), which
// DS18B20 ROM codes and scratchpads end with and onewire.crc8() computes.

export function crc8(data: Uint8Array): number {
  let crc = 0;
  for (let b of data) {
    for (let i = 0; i < 8; i++) {
      const mix = (crc ^ b) & 1;
      crc >>= 1;
      if (mix) crc ^= 0x8c;
      b >>= 1;
    }
  }
  return crc;
}
