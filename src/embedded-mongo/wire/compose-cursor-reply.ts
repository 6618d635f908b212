import type { Long } from "bson";

/**
 * Builds `{cursor: {<batchKey>: [...docs], id, ns, ...}, ok: 1}` as BSON around documents that
 * are already serialized, so a batch is serialized exactly once and its size is known up front.
 */
export function composeCursorReply(
  batchKey: "firstBatch" | "nextBatch",
  docs: Uint8Array[],
  id: Long,
  ns: string,
): Buffer {
  let docsBytes = 0;
  for (let i = 0; i < docs.length; i++) docsBytes += 1 + String(i).length + 1 + docs[i].length;
  const arraySize = 4 + docsBytes + 1;
  const nsBytes = Buffer.byteLength(ns, "utf8");
  const cursorSize =
    4 + (1 + batchKey.length + 1 + arraySize) + (1 + 2 + 1 + 8) + (1 + 2 + 1 + 4 + nsBytes + 1) + 1;
  const total = 4 + (1 + 6 + 1 + cursorSize) + (1 + 2 + 1 + 8) + 1;
  const out = Buffer.allocUnsafe(total);
  let p = 0;
  p = out.writeInt32LE(total, p);
  out[p++] = 0x03;
  p += out.write("cursor\0", p, "latin1");
  p = out.writeInt32LE(cursorSize, p);
  out[p++] = 0x04;
  p += out.write(batchKey + "\0", p, "latin1");
  p = out.writeInt32LE(arraySize, p);
  for (let i = 0; i < docs.length; i++) {
    out[p++] = 0x03;
    p = writeIndexKey(out, p, i);
    out.set(docs[i], p);
    p += docs[i].length;
  }
  out[p++] = 0;
  out[p++] = 0x12;
  p += out.write("id\0", p, "latin1");
  p = out.writeInt32LE(id.low, p);
  p = out.writeInt32LE(id.high, p);
  out[p++] = 0x02;
  p += out.write("ns\0", p, "latin1");
  p = out.writeInt32LE(nsBytes + 1, p);
  p += out.write(ns, p, "utf8");
  out[p++] = 0;
  out[p++] = 0;
  out[p++] = 0x01;
  p += out.write("ok\0", p, "latin1");
  p = out.writeDoubleLE(1, p);
  out[p++] = 0;
  if (p !== total) throw new Error(`cursor reply size mismatch ${p} != ${total}`);
  return out;
}

/** Writes an array index as a BSON key ("12\0") without going through string encoding. */
function writeIndexKey(out: Buffer, p: number, i: number): number {
  if (i < 10) {
    out[p++] = 48 + i;
  } else {
    const digits = String(i);
    for (let k = 0; k < digits.length; k++) out[p++] = digits.charCodeAt(k);
  }
  out[p++] = 0;
  return p;
}
