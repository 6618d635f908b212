import { crc32c } from "../wire/crc32c";

/** A frame: uint32 payload length, uint32 CRC-32C of the payload, the payload. */
export function frame(payload: Buffer): Buffer {
  const head = Buffer.allocUnsafe(8);
  head.writeUInt32LE(payload.length, 0);
  head.writeUInt32LE(crc32c(payload), 4);
  return Buffer.concat([head, payload]);
}

/** The complete, intact frames of a file's content, and where the intact prefix ends (torn tail). */
export function readFrames(buf: Buffer): { payloads: Buffer[]; end: number } {
  const payloads: Buffer[] = [];
  let off = 0;
  while (off + 8 <= buf.length) {
    const len = buf.readUInt32LE(off);
    const crc = buf.readUInt32LE(off + 4);
    if (off + 8 + len > buf.length) break;
    const payload = buf.subarray(off + 8, off + 8 + len);
    if (crc32c(payload) !== crc) break;
    payloads.push(payload);
    off += 8 + len;
  }
  return { payloads, end: off };
}
