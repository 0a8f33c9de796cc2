// The streamed upload's line format. Uploads themselves run against both real boards in board-fs.test.ts.
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { encodeFrame, receiverProgram, streamPlan, unescape } from './stream-upload';

const RAW_REPL_CONTROL = [0x01, 0x02, 0x03, 0x04, 0x05];

function header(frame: Buffer): number {
  return ((frame[0] - 64) << 6) | (frame[1] - 64);
}

describe('encodeFrame', () => {
  it('round-trips every byte value and never puts a raw REPL control byte on the line', () => {
    const all = Buffer.from(Array.from({ length: 256 }, (_, i) => i));
    for (const data of [all, Buffer.alloc(500, 0x10), Buffer.alloc(500, 0x03), randomBytes(2047), Buffer.from([0x10, 0x41, 0x10, 0x46])]) {
      const frame = encodeFrame(data);
      expect(header(frame)).toBe(frame.length - 2);
      expect(frame[0]).toBeGreaterThanOrEqual(64);
      expect(frame[1]).toBeGreaterThanOrEqual(64);
      for (const b of RAW_REPL_CONTROL) expect(frame.includes(b)).toBe(false);
      expect(unescape(frame.subarray(2)).equals(data)).toBe(true);
    }
  });

  it('costs little on random data', () => {
    const data = randomBytes(64 * 1024);
    let sent = 0;
    for (let i = 0; i < data.length; i += 1024) sent += encodeFrame(data.subarray(i, i + 1024)).length;
    // six escaped values of 256 (2.3%) plus 2 header bytes per KiB; repr() costs about 2.2x
    expect(sent / data.length).toBeLessThan(1.05);
  });

  it('refuses a chunk whose worst case does not fit a header', () => {
    expect(() => encodeFrame(Buffer.alloc(2047, 0x03))).not.toThrow();
    expect(() => encodeFrame(Buffer.alloc(2048, 0x03))).toThrow(RangeError);
  });
});

describe('streamPlan', () => {
  it('keeps a UART bridge within two raw-paste windows and lets a flow-controlled link run ahead', () => {
    const uart = streamPlan(false, 128);
    expect(uart.budget).toBe(256);
    expect(encodeFrame(Buffer.alloc(uart.chunk, 0x10)).length).toBeLessThanOrEqual(uart.budget);
    expect(streamPlan(false, 0).budget).toBe(128); // no raw-paste: assume a small board
    const usb = streamPlan(true, 128);
    expect(usb.budget).toBeGreaterThan(8 * 1024);
    expect(usb.chunk * 2).toBeLessThan(64 * 64);
  });
});

describe('receiverProgram', () => {
  it('checks SHA-256 only when asked and quotes the paths', () => {
    const digest = Buffer.alloc(32, 7);
    const withHash = receiverProgram({ temp: "/a'b.mote~", target: "/a'b", size: 5, digest });
    expect(withHash).toContain('hashlib.sha256()');
    expect(withHash).toContain("'/a\\'b.mote~'");
    expect(withHash).toContain('!=5');
    const plain = receiverProgram({ temp: '/t', target: '/p', size: 0, digest: null });
    expect(plain).not.toContain('hashlib');
  });
});
