import { deserialize } from "bson";
import { toInternal } from "../bson/to-internal";

/** Decodes back-to-back BSON documents into the engine's internal form. */
export function decodeSequence(buf: Buffer): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = [];
  let off = 0;
  while (off + 4 <= buf.length) {
    const size = buf.readInt32LE(off);
    if (size < 5 || off + size > buf.length) throw new Error("corrupt BSON sequence");
    out.push(
      toInternal(deserialize(buf.subarray(off, off + size), { promoteValues: false, promoteBuffers: false })),
    );
    off += size;
  }
  return out;
}
