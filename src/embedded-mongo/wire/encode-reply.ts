import { OP_MSG, OP_REPLY } from "./op-codes";

let nextResponseId = 1;

/**
 * Frames a serialized reply document as OP_MSG, or OP_REPLY for a legacy OP_QUERY. `flags`
 * are OP_MSG flag bits (MORE_TO_COME for a reply of an exhaust stream that others follow).
 */
export function encodeReply(requestOpCode: number, responseTo: number, body: Uint8Array, flags = 0): Buffer {
  const legacy = requestOpCode !== OP_MSG;
  const headerSize = legacy ? 16 + 20 : 16 + 5;
  const out = Buffer.allocUnsafe(headerSize + body.length);
  out.writeInt32LE(out.length, 0);
  out.writeInt32LE(nextResponseId++ & 0x7fffffff, 4);
  out.writeInt32LE(responseTo, 8);
  if (legacy) {
    out.writeInt32LE(OP_REPLY, 12);
    out.writeInt32LE(0, 16); // responseFlags
    out.writeInt32LE(0, 20); // cursorID (int64)
    out.writeInt32LE(0, 24);
    out.writeInt32LE(0, 28); // startingFrom
    out.writeInt32LE(1, 32); // numberReturned
  } else {
    out.writeInt32LE(OP_MSG, 12);
    out.writeUInt32LE(flags, 16);
    out[20] = 0;
  }
  out.set(body, headerSize);
  return out;
}
