// The simulated board's address space for uctypes: buffers get addresses when addressof()
// asks (their ArrayBuffer is mapped once, so views and pointers into a buffer's middle resolve),
// and an address nobody owns (uctypes.struct(0, ...), bytearray_at(0x100, 8)) reads as zeroed
// memory mapped there on first use. 32-bit, little-endian, like an RP2040.

interface Region { addr: number; size: number; buf: WeakRef<ArrayBufferLike> | ArrayBufferLike }

/** Buffers handed out by addressof() start here (an RP2040's SRAM). */
const RAM_BASE = 0x20000000;

export class AddressSpace {
  private byBuffer = new WeakMap<ArrayBufferLike, number>();
  /** Sorted by address. */
  private regions: Region[] = [];
  private next = RAM_BASE;

  /** The address of a view's first byte, mapping its ArrayBuffer if needed. */
  addressOf(view: Uint8Array): number {
    const ab = view.buffer;
    let base = this.byBuffer.get(ab);
    if (base === undefined) {
      base = this.next;
      this.next += (ab.byteLength + 15) & ~7;
      this.byBuffer.set(ab, base);
      this.insert({ addr: base, size: ab.byteLength, buf: new WeakRef(ab) });
    }
    return base + view.byteOffset;
  }

  /** `len` bytes of memory at `addr`, as a view sharing the memory. */
  at(addr: number, len: number): Uint8Array {
    const r = this.find(addr);
    if (r !== null) {
      const ab = r.buf instanceof WeakRef ? r.buf.deref() : r.buf;
      if (ab !== undefined && addr + len <= r.addr + r.size) return new Uint8Array(ab, addr - r.addr, len);
    }
    // memory nobody owns: zeroes, kept so that writes read back
    const ab = new ArrayBuffer(Math.max(len, 8));
    this.byBuffer.set(ab, addr);
    this.insert({ addr, size: ab.byteLength, buf: ab });
    return new Uint8Array(ab, 0, len);
  }

  private find(addr: number): Region | null {
    let lo = 0; let hi = this.regions.length - 1; let best: Region | null = null;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const r = this.regions[mid];
      if (r.addr <= addr) { best = r; lo = mid + 1; } else hi = mid - 1;
    }
    return best !== null && addr < best.addr + best.size ? best : null;
  }

  private insert(r: Region): void {
    // forget buffers the program no longer holds
    if (this.regions.length > 64 && (this.regions.length & 63) === 0) this.regions = this.regions.filter((x) => !(x.buf instanceof WeakRef) || x.buf.deref() !== undefined);
    let i = this.regions.length;
    while (i > 0 && this.regions[i - 1].addr > r.addr) i--;
    this.regions.splice(i, 0, r);
  }
}
